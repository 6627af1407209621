import type { ArgumentsHost, CallHandler, ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { firstValueFrom, of, timer, map } from 'rxjs';
import { ConfigService } from '@nestjs/config';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { UnavailableError } from './errors';
import { ReportTimeLimitInterceptor } from './report-time-limit';

const config = new ConfigService({ app: { reportTimeLimitMs: 50 } });
const context = {} as ExecutionContext;
const handler = (work: CallHandler['handle']): CallHandler => ({ handle: work });

describe('ReportTimeLimitInterceptor', () => {
  const interceptor = new ReportTimeLimitInterceptor(config);

  it('passes through a report that finishes in time', async () => {
    const answer = interceptor.intercept(
      context,
      handler(() => of({ items: [] })),
    );
    await expect(firstValueFrom(answer)).resolves.toEqual({ items: [] });
  });

  it('answers a report that runs past the limit as unavailable, with a time to retry', async () => {
    const slow = handler(() => timer(500).pipe(map(() => ({ items: [] }))));
    const error = await firstValueFrom(interceptor.intercept(context, slow)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).code).toBe('REPORT.TIME_LIMIT');
    expect((error as UnavailableError).retryAfterSeconds).toBe(5);
  });

  it('leaves other errors as they are', async () => {
    const failing = handler(() => {
      throw new Error('boom');
    });
    expect(() => interceptor.intercept(context, failing)).toThrow('boom');
  });
});

describe('AllExceptionsFilter and UnavailableError', () => {
  it('answers 503 with Retry-After', () => {
    const headers = new Map<string, string>();
    let status = 0;
    let body: unknown;
    const response = {
      headersSent: false,
      setHeader: (name: string, value: string) => headers.set(name, value),
      status(code: number) {
        status = code;
        return this;
      },
      json(value: unknown) {
        body = value;
        return this;
      },
    } as unknown as Response;
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as ArgumentsHost;
    new AllExceptionsFilter().catch(new UnavailableError('REPORT.TIME_LIMIT', 'slow', 7), host);
    expect(status).toBe(503);
    expect(headers.get('Retry-After')).toBe('7');
    expect(body).toMatchObject({ statusCode: 503, code: 'REPORT.TIME_LIMIT' });
  });
});
