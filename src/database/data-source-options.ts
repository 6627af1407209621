import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { DataSourceOptions, getMetadataArgsStorage } from 'typeorm';
import type { DatabaseConfig } from '../config/configuration';

/**
 * Timestamps are declared `datetime` in the entities (SQLite's name); on PostgreSQL the
 * same columns are `timestamptz`. TypeORM checks declared types against the driver, so
 * the declaration is adapted once here, before the data source is built.
 */
function adaptTimestampColumns(kind: DatabaseConfig['kind']): void {
  const type = kind === 'postgres' ? 'timestamptz' : 'datetime';
  for (const column of getMetadataArgsStorage().columns) {
    if (column.options.type === 'datetime' || column.options.type === 'timestamptz') {
      column.options.type = type;
      // The migrations give row timestamps the default `(datetime('now'))` on SQLite;
      // TypeORM's own default for them there is `datetime('now')`, which its schema
      // builder would see as a different default on every table.
      if (kind === 'sqlite' && (column.mode === 'createDate' || column.mode === 'updateDate')) {
        column.options.default = () => "(datetime('now'))";
      }
    }
  }
}

/** The entity files (`*.entity.ts` under ts-node/jest, `*.entity.js` in dist). */
function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entityFiles(path);
    return /\.entity\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Loads every entity before the timestamp columns are adapted: otherwise an entity that
 * nothing imported yet (the TypeORM CLI, the migration test, a lean worker) would only
 * register its `datetime` columns when TypeORM loads the glob, too late for PostgreSQL.
 */
function loadEntities(srcDir: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const file of entityFiles(srcDir)) require(file);
}

/**
 * TypeORM calls `sqlite3.verbose()` on the driver it is given, which wraps every call to
 * record a stack trace for error messages: a cost on every query of every request. It is
 * handed the same module with a `verbose()` that leaves it plain.
 */
const plainSqlite3 = { ...sqlite3, verbose: () => sqlite3 };

/** One builder for the app, the worker, the tests and the TypeORM CLI. */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const root = join(__dirname, '..', '..');
  loadEntities(join(root, 'src'));
  adaptTimestampColumns(config.kind);
  const common = {
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.path), { recursive: true });
    return {
      ...common,
      type: 'sqlite',
      database: config.path,
      driver: plainSqlite3,
      enableWAL: true,
      busyTimeout: 10_000,
    };
  }
  return { ...common, type: 'postgres', url: config.url, extra: { max: 10 } };
}
