import { randomBytes } from 'node:crypto';
import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Clock } from '../../src/common/clock';
import { createTestDatabase, TestDatabase } from './test-database';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  private instant: Date | null = null;

  override now(): Date {
    return this.instant ? new Date(this.instant) : new Date();
  }

  set(iso: string): void {
    this.instant = new Date(iso);
  }

  reset(): void {
    this.instant = null;
  }
}

export interface TestApp {
  app: INestApplication;
  http: () => TestAgent;
  clock: TestClock;
  database: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse a database made earlier (e.g. two processes sharing one). */
  database?: TestDatabase;
}

/**
 * Boots the real AppModule through the same configureApp() as main.ts, on a fresh
 * database (SQLite or PostgreSQL, per TEST_DATABASE), with a queue prefix of its own.
 */
export async function startApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    QUEUE_PREFIX: `certpact-test-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    RUN_WORKER: 'false',
    LOG_LEVEL: 'error',
    // Every spec signs up its organizations from 127.0.0.1: the per-address limit would
    // stop them. The throttling spec sets its own limits; the per-email one stays.
    AUTH_ADDRESS_RATE_LIMIT: '100000',
    ...options.env,
  };
  Object.assign(process.env, env);
  for (const key of ['SMTP_URL']) if (!(key in env)) delete process.env[key];

  // Imported after the environment is set: ConfigModule reads it when AppModule loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require('../../src/app.module') as typeof import('../../src/app.module');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configureApp } = require('../../src/app.setup') as typeof import('../../src/app.setup');

  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] }))
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureApp(app);
  await app.init();

  return {
    app,
    http: () => request(app.getHttpServer()),
    clock,
    database,
    env,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
