import { api, unwrap } from '../api/http';
import type { Buyer, Coverage, Page, Requirement } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export function useBuyers() {
  return useApiQuery(['buyers'], () =>
    unwrap<Page<Buyer>>(api.GET('/api/v1/buyers', { params: { query: { pageSize: 100 } } })),
  );
}

export function useBuyer(id: string | undefined) {
  return useApiQuery(
    ['buyer', id],
    () => unwrap<Buyer>(api.GET('/api/v1/buyers/{id}', { params: { path: { id: id! } } })),
    !!id,
  );
}

export function useRequirements(buyerId: string) {
  return useApiQuery(['buyer', buyerId, 'requirements'], () =>
    unwrap<Requirement[] | Page<Requirement>>(
      api.GET('/api/v1/buyers/{id}/requirements', { params: { path: { id: buyerId } } }),
    ).then((answer) => (Array.isArray(answer) ? answer : answer.items)),
  );
}

export function useCoverage(buyerId: string) {
  return useApiQuery(['buyer', buyerId, 'coverage'], () =>
    unwrap<Coverage>(api.GET('/api/v1/buyers/{id}/coverage', { params: { path: { id: buyerId } } })),
  );
}

export function useCreateBuyer() {
  return useApiMutation(
    (body: Schemas['CreateBuyerDto']) => unwrap<Buyer>(api.POST('/api/v1/buyers', { body })),
    [['buyers']],
  );
}

export function useAddRequirement(buyerId: string) {
  return useApiMutation(
    (body: Schemas['CreateRequirementDto']) =>
      unwrap<Requirement>(
        api.POST('/api/v1/buyers/{id}/requirements', { params: { path: { id: buyerId } }, body }),
      ),
    [['buyer', buyerId], ['gaps']],
  );
}

export function downloadEvidencePack(buyerId: string): Promise<Blob> {
  return unwrap<Blob>(
    api.GET('/api/v1/buyers/{id}/evidence-pack', {
      params: { path: { id: buyerId } },
      parseAs: 'blob',
    }),
  );
}
