import './config/check-environment';
import { Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { appConfig, logLevels, observabilityConfig } from './config/configuration';
import { exitIfShutdownHangs } from './common/shutdown';
import { publicUrlPortWarning } from './config/public-url';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: logLevels(),
    bufferLogs: true,
  });
  if (app.get<ConfigType<typeof observabilityConfig>>(observabilityConfig.KEY).logFormat === 'json')
    app.useLogger(app.get(PinoLogger));
  else app.flushLogs();
  configureApp(app);
  exitIfShutdownHangs();
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  await app.listen(config.port, config.host);
  // Longer than the usual proxy and load-balancer idle time-outs (60 s), so a kept-alive
  // connection is never closed by us while the proxy is about to reuse it.
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const portWarning = publicUrlPortWarning(config.publicUrl, config.port, config.nodeEnv);
  if (portWarning) new Logger('certpact').warn(portWarning);
  new Logger('certpact').log(
    `API on http://localhost:${config.port}/api/v1 (docs at http://localhost:${config.port}/api/docs)`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error(
    `certpact could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
