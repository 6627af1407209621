import { api, unwrap, untypedBody } from '../api/http';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components } from '../api/schema';
import { toApiError } from '../api/errors';

type Schemas = components['schemas'];
export type ShareLink = Schemas['ShareLinkResponse'];
export type CreatedShareLink = Schemas['CreatedShareLinkResponse'];
export type SharedEvidence = Schemas['SharedEvidenceResponse'];

export function useShareLinks(buyerId: string) {
  return useApiQuery(['share-links', buyerId], () =>
    unwrap<ShareLink[]>(api.GET('/api/v1/buyers/{id}/share-links', { params: { path: { id: buyerId } } })),
  );
}

export function useCreateShareLink(buyerId: string) {
  return useApiMutation(
    (body: { expiresAt: string; label?: string }) =>
      unwrap<CreatedShareLink>(
        api.POST('/api/v1/buyers/{id}/share-links', {
          params: { path: { id: buyerId } },
          body: untypedBody<Schemas['CreateShareLinkDto']>(body),
        }),
      ),
    [['share-links', buyerId]],
  );
}

export function useRevokeShareLink(buyerId: string) {
  return useApiMutation(
    (id: string) => unwrap<ShareLink>(api.POST('/api/v1/share-links/{id}/revoke', { params: { path: { id } } })),
    [['share-links', buyerId]],
  );
}

/** The buyer's page: no token of a user, the link's own secret is the credential. */
export function useSharedEvidence(token: string) {
  return useApiQuery(['shared', token], async () => {
    const response = await fetch(`/api/v1/shared/${encodeURIComponent(token)}`, {
      headers: { Accept: 'application/json' },
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toApiError(response.status, body);
    return body as SharedEvidence;
  });
}
