import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonDepthLimit } from './common/json-depth';
import { serveWebApp } from './web/web-app';
import { Metrics } from './observability/metrics';
import { httpTiming } from './observability/observability.module';

/** Shared by main.ts and the end-to-end tests, so both run the same application. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
  express.useBodyParser('json', { limit: '1mb' });
  app.use(jsonDepthLimit());
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
  return app;
}
