import { ErrorResponse } from './api-responses';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { catchError, Observable, throwError, timeout, TimeoutError } from 'rxjs';
import { ConfigService } from '@nestjs/config';
import { UnavailableError } from './errors';

/** How long a client should wait before asking a timed-out report again. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A report (a route whose work grows with the organization) answers 503 with
 * `Retry-After` once it runs past REPORT_TIME_LIMIT_MS, instead of holding the connection
 * while requests pile up behind it.
 */
@Injectable()
export class ReportTimeLimitInterceptor implements NestInterceptor {
  private readonly limit: number;

  // Read by key from @nestjs/config: src/config itself uses src/common.
  constructor(config: ConfigService) {
    this.limit = config.getOrThrow<number>('app.reportTimeLimitMs');
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.limit;
    return next.handle().pipe(
      timeout(limit),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new UnavailableError(
                'REPORT.TIME_LIMIT',
                `This report did not finish within ${limit / 1000} s; try again in a moment, or narrow it with filters`,
                RETRY_AFTER_SECONDS,
              )
            : error,
        ),
      ),
    );
  }
}

/** Marks a report route: bounded in time, documented with its 503. */
export const ReportRoute = () =>
  applyDecorators(
    UseInterceptors(ReportTimeLimitInterceptor),
    ApiServiceUnavailableResponse({
      description: 'The report ran past its time limit; retry after the Retry-After seconds',
      type: ErrorResponse,
    }),
  );
