import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind, FieldProblem, UnavailableError } from './errors';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  gone: HttpStatus.GONE,
  conflict: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  upstream_failed: HttpStatus.BAD_GATEWAY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details: FieldProblem[];
}

/** The one place where errors become HTTP answers. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    if (response.headersSent) return;
    if (exception instanceof UnavailableError)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return body(
        STATUS_BY_KIND[exception.kind],
        exception.message,
        exception.details,
        exception.code,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null) {
        const r = raw as { message?: unknown; details?: FieldProblem[]; code?: string };
        const message = Array.isArray(r.message)
          ? r.message.join('; ')
          : String(r.message ?? exception.message);
        return body(status, message, r.details ?? [], r.code);
      }
      return body(status, String(raw));
    }
    if (exception instanceof QueryFailedError && isUniqueViolation(exception)) {
      return body(
        HttpStatus.CONFLICT,
        'A record with the same unique value already exists',
        [],
        'CONFLICT.UNIQUE',
      );
    }
    if (exception instanceof QueryFailedError && isInvalidValue(exception)) {
      return body(
        HttpStatus.BAD_REQUEST,
        'A value cannot be stored: it is too long, out of range, or contains a NUL (\\u0000) character',
        [],
        'VALIDATION.UNSTORABLE_VALUE',
      );
    }
    const bodyParser = exception as { type?: string; status?: number; message?: string };
    if (
      bodyParser &&
      typeof bodyParser.status === 'number' &&
      typeof bodyParser.type === 'string'
    ) {
      if (bodyParser.type === 'entity.parse.failed')
        return body(400, 'The request body is not valid JSON');
      if (bodyParser.type === 'entity.too.large') return body(413, 'The request body is too large');
      if (bodyParser.status >= 400 && bodyParser.status < 500) {
        return body(bodyParser.status, bodyParser.message ?? 'Bad request');
      }
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}

function body(
  statusCode: number,
  message: string,
  details: FieldProblem[] = [],
  code?: string,
): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(code ? { code } : {}),
    details,
  };
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return (
    driverError?.code === '23505' ||
    driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(driverError?.message ?? error.message)
  );
}

/** A row that names a parent row gone meanwhile (PostgreSQL 23503, SQLite's FOREIGN KEY). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return (
    driverError?.code === '23503' ||
    /FOREIGN KEY constraint failed/.test(driverError?.message ?? error.message)
  );
}

/**
 * PostgreSQL refuses some values that passed validation (a NUL character in text, a
 * string longer in characters than class-validator counts): bad input, not a server fault.
 * The transaction has rolled back, so nothing is half-written.
 */
const INVALID_VALUE_CODES = new Set(['22001', '22003', '22007', '22008', '22021', '22P05']);

function isInvalidValue(error: QueryFailedError): boolean {
  const driverError = error.driverError as { code?: string } | undefined;
  return INVALID_VALUE_CODES.has(driverError?.code ?? '');
}
