import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The one way from the web app to the server: a fetch client typed by the types that
 * `npm run api:generate` derives from the service's OpenAPI document, so a call that the
 * API does not answer (a wrong path, field or type) does not compile.
 *
 * Paths are written as the document names them, prefix included:
 * `api.GET('/api/v1/certificates/{id}', { params: { path: { id } } })`.
 */
export type ApiPaths = paths;
export type ApiSchemas = components['schemas'];

export interface ApiClientOptions {
  /** Origin of the service; the default, '', is the page's own origin. */
  baseUrl?: string;
  /** The current access token, read on every request (null when logged out). */
  getToken?: () => string | null;
  fetch?: typeof globalThis.fetch;
}

export function bearerToken(getToken: () => string | null): Middleware {
  return {
    onRequest({ request }) {
      const token = getToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}

export function createApiClient(options: ApiClientOptions = {}) {
  // JSON answers only in the types: an exportable list's csv/xlsx variants and the PDF of
  // the evidence pack are asked for with `parseAs: 'blob'`.
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl ?? '',
    fetch: options.fetch,
  });
  if (options.getToken) client.use(bearerToken(options.getToken));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
