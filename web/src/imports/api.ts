import { useQuery } from '@tanstack/react-query';
import { api, saveBlob, unwrap } from '../api/http';
import { useApiMutation } from '../api/queries';
import type { components } from '../api/schema';

export type ImportPreview = components['schemas']['ImportResponse'];
export type ImportKind = ImportPreview['kind'];

/** An import: polled while a job reads the file, so the progress bar moves. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: () => unwrap<ImportPreview>(api.GET('/api/v1/imports/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'queued' || state === 'reading' ? 500 : false;
    },
  });
}

/** Uploads the file (multipart `file` and `kind`): a preview, or a queued import for a large file. */
export function useUploadImport() {
  return useApiMutation((input: { kind: ImportKind; file: File }) =>
    unwrap<ImportPreview>(
      api.POST('/api/v1/imports', {
        body: { kind: input.kind, file: '' },
        bodySerializer: () => {
          const form = new FormData();
          form.append('kind', input.kind);
          form.append('file', input.file);
          return form;
        },
      }),
    ),
  );
}

export function useCommitImport() {
  return useApiMutation(
    (id: string) => unwrap<ImportPreview>(api.POST('/api/v1/imports/{id}/commit', { params: { path: { id } } })),
    [['factories'], ['certificates']],
  );
}

export async function downloadTemplate(kind: ImportKind, format: 'csv' | 'xlsx'): Promise<void> {
  // parseAs: 'blob' makes the body a Blob; the document types it by its content types.
  const blob = (await unwrap(
    api.GET('/api/v1/imports/template', { params: { query: { kind, format } }, parseAs: 'blob' }),
  )) as unknown as Blob;
  saveBlob(blob, `${kind}-template.${format}`);
}
