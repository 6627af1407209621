import './config/check-environment';
import { Global, Logger, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { logLevels, observabilityConfig } from './config/configuration';
import { CORE_MODULES } from './app.module';
import { WORKER_PROCESS } from './queue/worker-role';
import { exitIfShutdownHangs } from './common/shutdown';

/** Marks this process as a worker, whatever RUN_WORKER says. */
@Global()
@Module({ providers: [{ provide: WORKER_PROCESS, useValue: true }], exports: [WORKER_PROCESS] })
class WorkerProcessModule {}

/** The same modules as the API, without HTTP: scheduled scans and digest delivery. */
@Module({ imports: [WorkerProcessModule, ...CORE_MODULES] })
class WorkerModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: logLevels(),
    bufferLogs: true,
  });
  if (app.get<ConfigType<typeof observabilityConfig>>(observabilityConfig.KEY).logFormat === 'json')
    app.useLogger(app.get(PinoLogger));
  else app.flushLogs();
  // On SIGTERM/SIGINT Nest closes the BullMQ workers, which finish their in-flight job first.
  app.enableShutdownHooks();
  exitIfShutdownHangs();
  new Logger('certpact').log('Reminder worker running (scheduled scans and digest delivery)');
}

bootstrap().catch((error: unknown) => {
  console.error(
    `certpact worker could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
