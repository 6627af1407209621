/**
 * One digest worker process for the delivery benchmark (forked by reminders.bench.ts with
 * its environment), so that 1 and 2 workers are measured the same way and each process's
 * CPU is its own. It boots the application, answers `{ ready: true }`, starts the digest
 * worker on `{ start: true }`, and on `{ stop: true }` answers with the CPU and the SQL
 * statements it spent since the start, then exits.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';

export interface DeliveryWorkerReport {
  cpuMs: number;
  statements: number;
  /** Share of the time the event loop was busy: below 1, the worker waited on I/O. */
  eventLoopUtilization: number;
}

async function main(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { AppModule } = require('../src/app.module') as typeof import('../src/app.module');
  const { ReminderDigestProcessor } =
    require('../src/reminders/reminders.processor') as typeof import('../src/reminders/reminders.processor');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule, {
    logger: ['error', 'warn'],
  });
  const worker = app.get(ReminderDigestProcessor).worker;
  let cpuBefore = process.cpuUsage();
  let loopBefore = performance.eventLoopUtilization();
  let statements: { stop(): number } | null = null;
  const profileDir = process.env.BENCH_DELIVERY_PROFILE;
  const profiler = profileDir ? cpuProfiler(profileDir) : null;

  process.on('message', (message: { start?: boolean; stop?: boolean }) => {
    if (message.start) {
      statements = countStatements(process.env.DATABASE_URL?.startsWith('postgres') ?? false);
      cpuBefore = process.cpuUsage();
      loopBefore = performance.eventLoopUtilization();
      profiler?.start();
      void worker.run();
    }
    if (message.stop) {
      const cpu = process.cpuUsage(cpuBefore);
      const report: DeliveryWorkerReport = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        statements: statements?.stop() ?? 0,
        eventLoopUtilization: performance.eventLoopUtilization(loopBefore).utilization,
      };
      void (profiler?.stop() ?? Promise.resolve())
        .then(() => worker.close())
        .then(() => app.close())
        .then(() => process.send?.(report, () => process.exit(0)));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true });
}

/**
 * BENCH_DELIVERY_PROFILE=dir: a CPU profile of the sending only (from start to stop, not
 * the boot), written as dir/delivery-<pid>.cpuprofile for Chrome DevTools or a script.
 */
function cpuProfiler(dir: string): { start(): void; stop(): Promise<void> } {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  return {
    start: () => {
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
        .then(() => post('Profiler.start'));
    },
    stop: async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(join(dir, `delivery-${process.pid}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

/**
 * Counts the statements sent through the driver until `stop` (node-sqlite3's `run`/`all`,
 * which TypeORM's SQLite runner uses, or pg's `Client.query`), by wrapping its prototype.
 */
function countStatements(postgres: boolean): { stop(): number } {
  /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
  const prototype: any = postgres
    ? (require('pg') as typeof import('pg')).Client.prototype
    : (require('sqlite3') as typeof import('sqlite3')).Database.prototype;
  const methods = postgres ? ['query'] : ['run', 'all'];
  let count = 0;
  const originals = methods.map((name) => [name, prototype[name]] as const);
  for (const [name, original] of originals) {
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  return {
    stop() {
      for (const [name, original] of originals) prototype[name] = original;
      return count;
    },
  };
  /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
