import { createServer, Server } from 'node:http';
import {
  Controller,
  Get,
  Global,
  Headers,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/actor';
import { DomainError } from '../common/errors';
import { observabilityConfig, ObservabilityConfig } from '../config/configuration';
import { LoggingModule } from './logging';
import { Metrics } from './metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus' text format: open in development; in production only
 * with `Authorization: Bearer <METRICS_TOKEN>` (404 otherwise, as if it were not there).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(observabilityConfig.KEY) private readonly config: ObservabilityConfig,
  ) {}

  @Public()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const token = this.config.metricsToken;
    const allowed =
      this.config.metricsOpen ||
      (token !== null && sameSecret(authorization ?? '', `Bearer ${token}`));
    if (!allowed) throw new DomainError('not_found', 'METRICS.NOT_FOUND', 'Not found');
    response.setHeader('Content-Type', this.metrics.contentType);
    response.send(await this.metrics.text());
  }
}

/** With METRICS_PORT set, every process (API and worker) also serves /metrics there. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(observabilityConfig.KEY) private readonly config: ObservabilityConfig,
  ) {}

  onApplicationBootstrap(): void {
    const port = this.config.metricsPort;
    if (port === null) return;
    this.server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.metrics.text().then(
        (text) => response.writeHead(200, { 'Content-Type': this.metrics.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    this.server.on('error', (error) =>
      new Logger('Metrics').error(`Cannot serve metrics on port ${port}: ${error.message}`),
    );
    this.server.listen(port);
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** Times every HTTP answer by its route pattern (never the raw path: ids would explode the series). */
export function httpTiming(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    response.once('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      stop({
        method: request.method,
        route: pattern ? `${request.baseUrl}${pattern}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}

/** Logs (pino) and metrics (prom-client), for every process. */
@Global()
@Module({
  imports: [LoggingModule],
  controllers: [MetricsController],
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }, MetricsServer],
  exports: [Metrics],
})
export class ObservabilityModule {}
