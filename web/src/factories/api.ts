import { api, unwrap } from '../api/http';
import type { Factory, Page } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];
export type FactoryFilters = NonNullable<operations['FactoriesController_list']['parameters']['query']>;

export function useFactories(query: FactoryFilters = {}) {
  return useApiQuery(['factories', query], () =>
    unwrap<Page<Factory>>(api.GET('/api/v1/factories', { params: { query: { pageSize: 100, ...query } } })),
  );
}

export function useFactory(id: string | null | undefined) {
  return useApiQuery(
    ['factory', id],
    () => unwrap<Factory>(api.GET('/api/v1/factories/{id}', { params: { path: { id: id! } } })),
    !!id,
  );
}

export function useCreateFactory() {
  return useApiMutation(
    (body: Schemas['CreateFactoryDto']) => unwrap<Factory>(api.POST('/api/v1/factories', { body })),
    [['factories']],
  );
}

export function useUpdateFactory(id: string) {
  return useApiMutation(
    (body: Schemas['UpdateFactoryDto']) =>
      unwrap<Factory>(api.PATCH('/api/v1/factories/{id}', { params: { path: { id } }, body })),
    [['factories'], ['factory', id]],
  );
}

export function useInviteManager(factoryId: string) {
  return useApiMutation(
    (body: Schemas['InviteFactoryManagerDto']) =>
      unwrap(
        api.POST('/api/v1/factories/{id}/invitations', { params: { path: { id: factoryId } }, body }),
      ),
    [['users']],
  );
}

export type FactoryResponsible = Schemas['FactoryResponsibleResponse'];

export function useFactoryResponsible(id: string, enabled = true) {
  return useApiQuery(
    ['factory-responsible', id],
    () =>
      unwrap<FactoryResponsible>(
        api.GET('/api/v1/factories/{id}/responsible', { params: { path: { id } } }),
      ),
    enabled,
  );
}

export function useSetFactoryResponsible(id: string) {
  return useApiMutation(
    (userIds: string[]) =>
      unwrap<FactoryResponsible>(
        api.PUT('/api/v1/factories/{id}/responsible', { params: { path: { id } }, body: { userIds } }),
      ),
    [['factory-responsible', id]],
  );
}
