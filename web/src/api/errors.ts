/** The API's error shape (DESIGN.md): a status, a message, a stable code, and field problems. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly details: FieldProblem[],
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

interface ErrorBody {
  message?: unknown;
  code?: unknown;
  details?: unknown;
}

export function toApiError(status: number, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const details = Array.isArray(b.details)
    ? (b.details as FieldProblem[]).filter((d) => d && typeof d.field === 'string')
    : [];
  return new ApiError(
    status,
    typeof b.message === 'string' ? b.message : `HTTP ${status}`,
    typeof b.code === 'string' ? b.code : undefined,
    details,
  );
}

/** The last segment of a field path: `certificate.expiresOn` → `expiresOn`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details) {
    const key = d.field.split('.').pop() ?? d.field;
    out[key] ??= d.message;
  }
  return out;
}
