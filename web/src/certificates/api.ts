import { api, unwrap, uploadFile } from '../api/http';
import type {
  AuditEvent,
  Certificate,
  CertificationAudit,
  DocumentFile,
  Page,
  Standard,
  Verification,
} from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];
export type CertificateFilters = NonNullable<
  operations['CertificatesController_list']['parameters']['query']
>;

export function useCertificates(query: CertificateFilters = {}, enabled = true) {
  return useApiQuery(
    ['certificates', query],
    () =>
      unwrap<Page<Certificate>>(
        api.GET('/api/v1/certificates', { params: { query: { pageSize: 100, ...query } } }),
      ),
    enabled,
  );
}

export function useCertificate(id: string | null | undefined) {
  return useApiQuery(
    ['certificate', id],
    () => unwrap<Certificate>(api.GET('/api/v1/certificates/{id}', { params: { path: { id: id! } } })),
    !!id,
  );
}

export function useStandards() {
  return useApiQuery(['standards'], () =>
    unwrap<{ items: Standard[] }>(api.GET('/api/v1/standards')),
  );
}

export function useCertificateDocuments(id: string) {
  return useApiQuery(['certificate', id, 'documents'], () =>
    unwrap<{ items: DocumentFile[] }>(
      api.GET('/api/v1/certificates/{id}/documents', { params: { path: { id } } }),
    ).then((answer) => answer.items),
  );
}

export function useVerifications(id: string, enabled = true) {
  return useApiQuery(
    ['certificate', id, 'verifications'],
    () =>
      unwrap<Page<Verification>>(
        api.GET('/api/v1/certificates/{id}/verifications', { params: { path: { id } } }),
      ),
    enabled,
  );
}

export function useCertificationAudits(id: string, enabled = true) {
  return useApiQuery(
    ['certificate', id, 'audits'],
    () =>
      unwrap<Page<CertificationAudit>>(
        api.GET('/api/v1/certificates/{id}/audits', { params: { path: { id } } }),
      ),
    enabled,
  );
}

export function useAuditHistory(entityId: string, enabled = true) {
  return useApiQuery(
    ['audit-events', entityId],
    () =>
      unwrap<Page<AuditEvent>>(
        api.GET('/api/v1/audit-events', { params: { query: { entityId, pageSize: 50 } } }),
      ),
    enabled,
  );
}

export function useCreateCertificate() {
  return useApiMutation(
    (body: Schemas['CreateCertificateDto']) =>
      unwrap<Certificate>(api.POST('/api/v1/certificates', { body })),
    [['certificates']],
  );
}

export function useUpdateCertificate(id: string) {
  return useApiMutation(
    (body: Schemas['UpdateCertificateDto']) =>
      unwrap<Certificate>(api.PATCH('/api/v1/certificates/{id}', { params: { path: { id } }, body })),
    [['certificates'], ['certificate', id]],
  );
}

export function useRenewCertificate(id: string) {
  return useApiMutation(
    (body: Schemas['RenewCertificateDto']) =>
      unwrap<Certificate>(
        api.POST('/api/v1/certificates/{id}/renew', { params: { path: { id } }, body }),
      ),
    [['certificates'], ['certificate', id]],
  );
}

export function useUploadCertificateDocument(id: string) {
  return useApiMutation(
    (input: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<DocumentFile>('/api/v1/certificates/{id}/documents', id, input.file, input.onProgress),
    [['certificate', id, 'documents']],
  );
}

export async function downloadDocument(id: string): Promise<Blob> {
  return unwrap<Blob>(
    api.GET('/api/v1/documents/{id}', { params: { path: { id } }, parseAs: 'blob' }),
  );
}
