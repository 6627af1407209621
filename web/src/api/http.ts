import { createApiClient } from './client';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';
import { getToken, setToken } from './session';

/** The one client of the app. A 401 on an authenticated call ends the session (the router then asks to log in). */
export const api = createApiClient({ getToken });

api.use({
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) setToken(null);
    return response;
  },
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, typed by the operation's response schema (a type argument given
 * explicitly must match it), or an ApiError carrying the API's status, code and field problems.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** The API's upload operations (multipart, one `file` field), as the generated document names them. */
type UploadPath = Extract<
  keyof paths,
  | '/api/v1/certificates/{id}/documents'
  | '/api/v1/submissions/{id}/documents'
  | '/api/v1/audits/{id}/report'
  | '/api/v1/findings/{id}/evidence'
>;

/**
 * Upload with progress, which fetch cannot report: XMLHttpRequest to one of the API's
 * upload operations (the path is checked against the generated document), same token.
 */
export function uploadFile<T>(
  operation: UploadPath,
  id: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', operation.replace('{id}', encodeURIComponent(id)));
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as T);
      } else {
        if (xhr.status === 401) setToken(null);
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'NETWORK', []));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Hands a downloaded blob (document, evidence pack) to the browser as a file. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A request body whose nullable fields the OpenAPI document does not yet describe
 * (the Swagger plugin writes `string | null` as `object`). Remove each use once the
 * generated schema types them.
 */
export function untypedBody<T>(body: unknown): T {
  return body as T;
}
