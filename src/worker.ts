import './config/check-environment';
import { Global, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CORE_MODULES } from './app.module';
import { WORKER_PROCESS } from './reminders/reminder-workers';
import { exitIfShutdownHangs } from './common/shutdown';

/** Marks this process as a worker, whatever RUN_WORKER says. */
@Global()
@Module({ providers: [{ provide: WORKER_PROCESS, useValue: true }], exports: [WORKER_PROCESS] })
class WorkerProcessModule {}

/** The same modules as the API, without HTTP: scheduled scans and digest delivery. */
@Module({ imports: [WorkerProcessModule, ...CORE_MODULES] })
class WorkerModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule);
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
