import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { observabilityConfig, ObservabilityConfig } from '../config/configuration';

const PINO_LEVELS = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
} as const;

/** A request id a proxy sent us is kept when it looks like one; otherwise we make one. */
const GIVEN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Secrets travel in some paths and queries (calendar feeds, share links, one-click
 * acknowledgements): long token-like segments are masked before a line is written.
 */
export function maskTokens(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{32,}/g, ':token').replace(/([?&]token=)[^&]+/g, '$1:token');
}

export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * pino through nestjs-pino: with LOG_FORMAT=json (the default in production) every line
 * is one JSON object carrying the request's id, and each answered request writes one
 * access line. With `text` the lines stay Nest's own and pino only hands out request ids.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [observabilityConfig.KEY],
  useFactory: (config: ObservabilityConfig) => {
    const json = config.logFormat === 'json';
    return {
      // Named wildcard: Nest 11's router no longer reads a bare '*'.
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      pinoHttp: {
        level: json ? PINO_LEVELS[config.logLevel] : 'silent',
        genReqId: requestId,
        autoLogging: json ? { ignore: (request) => request.url === '/api/v1/health' } : false,
        customLogLevel: (_request, response, error) =>
          error || response.statusCode >= 500
            ? 'error'
            : response.statusCode >= 400
              ? 'warn'
              : 'info',
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            url: maskTokens(request.url),
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
      },
    };
  },
});
