import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ABSENT_REDIS_PORT = 1;

export type OpenApiDocument = Record<string, unknown>;

/**
 * The OpenAPI document exactly as the running service serves it: the real AppModule,
 * booted through the same configureApp() as main.ts, asked for /api/docs-json over HTTP.
 * It runs on a throwaway SQLite file, without the worker, and does not need Redis (a
 * port where nothing listens is used on purpose, so the document cannot depend on it).
 */
export async function fetchOpenApiDocument(): Promise<OpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'certpact-openapi-'));
  // The environment is fixed, not inherited, so the document is the same on every machine.
  for (const key of Object.keys(process.env)) {
    if (
      /^(DATABASE_URL|REDIS_URL|SMTP_URL|PUBLIC_URL|IAF_|JWT_|DOCUMENTS_DIR|DATA_DIR)/.test(key)
    ) {
      delete process.env[key];
    }
  }
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: `sqlite:${join(dataDir, 'openapi.sqlite')}`,
    DATA_DIR: dataDir,
    REDIS_URL: `redis://127.0.0.1:${ABSENT_REDIS_PORT}`,
    RUN_WORKER: 'false',
    JWT_SECRET: 'openapi-document-generation-only-secret',
    LOG_LEVEL: 'error',
  });
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (!args.some(isAbsentRedis)) consoleError(...args);
  };
  try {
    // Imported after the environment is set: ConfigModule reads it when AppModule loads.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
    const { AppModule } = require('../src/app.module') as typeof import('../src/app.module');
    const { configureApp } = require('../src/app.setup') as typeof import('../src/app.setup');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const app = await NestFactory.create(AppModule, { logger: ['error'], abortOnError: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    try {
      const { port } = app.getHttpServer().address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
      if (!response.ok) throw new Error(`/api/docs-json answered ${response.status}`);
      return (await response.json()) as OpenApiDocument;
    } finally {
      await app.close();
    }
  } finally {
    console.error = consoleError;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** BullMQ prints every failed connection attempt; here Redis is absent on purpose. */
function isAbsentRedis(value: unknown): boolean {
  const error = value as { code?: unknown; port?: unknown } | null;
  return (
    (typeof value === 'object' &&
      error?.code === 'ECONNREFUSED' &&
      error.port === ABSENT_REDIS_PORT) ||
    (typeof value === 'string' && value.includes(`127.0.0.1:${ABSENT_REDIS_PORT}`))
  );
}
