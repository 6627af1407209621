import { api, unwrap } from '../api/http';
import type { Agreement, Milestone, Page, PlanTemplate } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];
export type AgreementFilters = NonNullable<
  operations['AgreementsController_list']['parameters']['query']
>;

export function useAgreements(query: AgreementFilters = {}, enabled = true) {
  return useApiQuery(
    ['agreements', query],
    () =>
      unwrap<Page<Agreement>>(
        api.GET('/api/v1/agreements', { params: { query: { pageSize: 100, ...query } } }),
      ),
    enabled,
  );
}

export function useAgreement(id: string | undefined) {
  return useApiQuery(
    ['agreement', id],
    () => unwrap<Agreement>(api.GET('/api/v1/agreements/{id}', { params: { path: { id: id! } } })),
    !!id,
  );
}

export function usePlanTemplates() {
  return useApiQuery(['plan-templates'], () =>
    unwrap<{ items: PlanTemplate[] } | PlanTemplate[]>(api.GET('/api/v1/plan-templates')).then(
      (answer) => (Array.isArray(answer) ? answer : answer.items),
    ),
  );
}

export function useCreateAgreement() {
  return useApiMutation(
    (body: Schemas['CreateAgreementDto']) =>
      unwrap<Agreement>(api.POST('/api/v1/agreements', { body })),
    [['agreements']],
  );
}

export function useUpdateAgreement(id: string) {
  return useApiMutation(
    (body: Schemas['UpdateAgreementDto']) =>
      unwrap<Agreement>(api.PATCH('/api/v1/agreements/{id}', { params: { path: { id } }, body })),
    [['agreements'], ['agreement', id]],
  );
}

export function useUpdateMilestone(agreementId: string) {
  return useApiMutation(
    (input: { id: string; body: Schemas['UpdateMilestoneDto'] }) =>
      unwrap<Milestone>(
        api.PATCH('/api/v1/milestones/{id}', { params: { path: { id: input.id } }, body: input.body }),
      ),
    [['agreements'], ['agreement', agreementId]],
  );
}
