import { api, unwrap, uploadFile } from '../api/http';
import type { DocumentFile, Page, Submission } from '../api/models';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];
export type SubmissionFilters = NonNullable<
  operations['SubmissionsController_list']['parameters']['query']
>;

export function useSubmissions(query: SubmissionFilters = {}) {
  return useApiQuery(['submissions', query], () =>
    unwrap<Page<Submission>>(
      api.GET('/api/v1/submissions', { params: { query: { pageSize: 100, ...query } } }),
    ),
  );
}

export function useSubmission(id: string | undefined) {
  return useApiQuery(
    ['submission', id],
    () => unwrap<Submission>(api.GET('/api/v1/submissions/{id}', { params: { path: { id: id! } } })),
    !!id,
  );
}

export function useSubmissionDocuments(id: string) {
  return useApiQuery(['submission', id, 'documents'], () =>
    unwrap<{ items: DocumentFile[] }>(
      api.GET('/api/v1/submissions/{id}/documents', { params: { path: { id } } }),
    ).then((answer) => answer.items),
  );
}

export function useCreateSubmission() {
  return useApiMutation(
    (body: Schemas['CreateSubmissionDto']) =>
      unwrap<Submission>(api.POST('/api/v1/certificates/submissions', { body })),
    [['submissions']],
  );
}

export function uploadSubmissionDocument(id: string, file: File, onProgress: (p: number) => void) {
  return uploadFile<DocumentFile>('/api/v1/submissions/{id}/documents', id, file, onProgress);
}

export function useApproveSubmission(id: string) {
  return useApiMutation(
    () =>
      unwrap<Submission>(api.POST('/api/v1/submissions/{id}/approve', { params: { path: { id } } })),
    [['submissions'], ['submission', id], ['certificates'], ['certificate']],
  );
}

export function useRejectSubmission(id: string) {
  return useApiMutation(
    (body: Schemas['RejectSubmissionDto']) =>
      unwrap<Submission>(
        api.POST('/api/v1/submissions/{id}/reject', { params: { path: { id } }, body }),
      ),
    [['submissions'], ['submission', id]],
  );
}
