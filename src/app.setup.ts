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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
