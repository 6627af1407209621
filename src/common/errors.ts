/**
 * Services throw DomainErrors with a stable code (`CERTIFICATE.NOT_FOUND`); the one
 * exception filter maps their kind to an HTTP status and to the error shape of DESIGN.md.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'upstream_failed'
  | 'unavailable'
  | 'rate_limited';

export interface FieldProblem {
  field: string;
  message: string;
  /**
   * Which check failed, for a client to say it in its user's language: the validator's
   * constraint (`isEmail`, `maxLength`, `whitelistValidation`, …); absent for a domain
   * rule, which the error's `code` names.
   */
  rule?: string;
  /** The bound of a length, size or range check (`maxLength` 200), when it has one. */
  limit?: number;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(entity: string, code = `${entity.toUpperCase()}.NOT_FOUND`): DomainError {
  return new DomainError('not_found', code, `${humanize(entity)} not found`);
}

export function invalidField(code: string, field: string, message: string): DomainError {
  return new DomainError('invalid', code, message, [{ field, message }]);
}

function humanize(entity: string): string {
  const words = entity.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The service cannot answer now but will soon: 503 with `Retry-After`. */
export class UnavailableError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', code, message);
  }
}
