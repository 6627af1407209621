import { INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonDepthLimit } from './common/json-depth';
import { oneVersionReadPerRequest } from './database/report-cache';
import { appConfig } from './config/configuration';
import { serveWebApp } from './web/web-app';
import { Metrics } from './observability/metrics';
import { httpTiming } from './observability/observability.module';

/** Shared by main.ts and the end-to-end tests, so both run the same application. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  // No ETag on answers sent with res.send: every API answer is no-store (noStoreForApi),
  // so no client ever revalidates, and hashing each body (64 kB for a page of
  // certificates) was spent for nothing. Static files set their own (serve-static).
  express.set('etag', false);
  app.use(securityHeaders());
  app.use(noStoreForApi);
  express.useBodyParser('json', { limit: '1mb' });
  app.use(jsonDepthLimit());
  app.use(oneVersionReadPerRequest);
  app.use(httpTiming(app.get(Metrics)));
  // gzip/deflate for answers over 1 kB (JSON lists, the web app's assets), as a
  // production Nest app behind a plain proxy does.
  app.use(compression({ threshold: 1024 }));
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/docs', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();
  serveWebApp(express);

  if (config.apiDocs) serveApiDocs(app);
  return app;
}

/**
 * helmet's headers with a policy the web app and Swagger UI live within: scripts, styles
 * and connections from this origin only (Mantine sets inline styles, Swagger UI shows
 * data: images), no framing by other sites. No upgrade-insecure-requests: TLS ends at the
 * proxy in front, and a plain-HTTP setup on a LAN must keep loading its own assets.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * API answers hold a tenant's data or a token: no browser or proxy cache may keep them.
 * A route that may be cached (none today) sets its own Cache-Control.
 */
function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  next();
}

function serveApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('certpact')
      .setDescription(
        "Partner factories' ISO certificates, cooperation agreements, scope gaps and reminders. " +
          'Sign up or log in under /api/v1/auth, then send `Authorization: Bearer <accessToken>`.',
      )
      .setVersion('1')
      .addBearerAuth()
      // The order a reader meets them in: how to get in first, then the records, then
      // what watches them; operations of a tag not listed here come after these.
      .addTag('auth', 'Sign up, log in, accept an invitation, who am I')
      .addTag('users', 'Staff of the organization and their invitations')
      .addTag('organization', "The organization's profile and business scope")
      .addTag('factories', 'Partner factories and their managers')
      .addTag('certificates', 'Certificates of factories and of the organization itself')
      .addTag('standards', 'The standards catalogue and edition transitions')
      .addTag('verification', 'Registry verification, certification audits and risk signals')
      .addTag('documents', 'Certificate documents (PDF, photos)')
      .addTag('imports', 'Factories and certificates from a spreadsheet: preview, then commit')
      .addTag('submissions', "Factory managers' proposals and their review")
      .addTag('buyers', 'Buyers, their requirements, coverage and evidence packs')
      .addTag('gaps', 'Requirements that no certificate covers')
      .addTag('agreements', 'Cooperation agreements and their milestone plans')
      .addTag('supplier audits', "The organization's own audits of factories and their findings")
      .addTag('reminders', 'Reminder digests and the reminder policy')
      .addTag('calendar', 'Due dates as a private iCalendar feed')
      .addTag('share links', 'Evidence shared with buyers without an account')
      .addTag('audit', 'Who changed what')
      .addTag('health', 'Liveness and readiness')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
