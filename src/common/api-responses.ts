import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One field that failed validation, as the exception filter reports it. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'expiresOn' })
  field: string;
  @ApiProperty({ example: 'expiresOn must be a date (YYYY-MM-DD)' })
  message: string;
  @ApiPropertyOptional({
    example: 'isCalendarDate',
    description:
      "The validator's check that failed (isEmail, maxLength, whitelistValidation, …); absent for a domain rule, named by the error's code",
  })
  rule?: string;
  @ApiPropertyOptional({ example: 200, description: 'The bound of a length, size or range check' })
  limit?: number;
}

/** What src/common/all-exceptions.filter.ts answers for every error, whatever its status. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode: number;
  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase of statusCode.' })
  error: string;
  @ApiProperty({ example: 'Certificate not found' })
  message: string;
  @ApiPropertyOptional({
    example: 'CERTIFICATE.NOT_FOUND',
    description: 'Stable code of the error: the web app maps it to a translated message.',
  })
  code?: string;
  @ApiProperty({
    type: [FieldProblemResponse],
    description: 'The fields that caused the error (empty when it is no one field).',
  })
  details: FieldProblemResponse[];
}

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input: `details` names each field',
  401: 'Not logged in, or the session expired',
  403: 'The role may not do this',
  404: 'Not found in the organization (or, for a factory manager, their factory)',
  409: 'Conflicts with the current state or with an existing record',
  410: 'No longer valid (expired or revoked)',
  413: 'The file or body is too large',
  415: 'The file type is not accepted',
  429: 'Too many attempts: wait and retry',
  502: 'An upstream registry failed to answer',
  503: 'Not available now: retry after the `Retry-After` header',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/**
 * Declares the error answers an operation (or every operation of a controller) can give,
 * all in the shape of ErrorResponse: `@ApiErrors(400, 404)`.
 */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponse }),
    ),
  );
}

/** The errors of every route behind the bearer token: not logged in, role not allowed. */
export const ApiAuthErrors = (): MethodDecorator & ClassDecorator => ApiErrors(401, 403);

export interface PageEnvelope<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A paginated envelope of `item` for the OpenAPI document:
 * `export class CertificatePage extends PageOf(CertificateResponse) {}`.
 */
export function PageOf<T>(item: Type<T>): Type<PageEnvelope<T>> {
  class PageEnvelopeOf implements PageEnvelope<T> {
    @ApiProperty({ type: [item] })
    items: T[];
    @ApiProperty({ example: 120, description: 'Items matching the filters, across all pages.' })
    total: number;
    @ApiProperty({ example: 1 })
    page: number;
    @ApiProperty({ example: 50 })
    pageSize: number;
  }
  return PageEnvelopeOf;
}

/** A file answered as it is: `content` maps each content type to the binary schema. */
export function binaryContent(...types: string[]): Record<string, { schema: object }> {
  return Object.fromEntries(
    types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
  );
}
