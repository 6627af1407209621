import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    }
  }
}

/**
 * Loads every `*.entity.ts` (or `.js` when compiled) below src/ before the timestamp
 * columns are adapted, so the CLI, which imports no entity itself, sees the same schema.
 */
function loadEntities(root: string): (new () => unknown)[] {
  const suffix = __filename.endsWith('.ts') ? '.entity.ts' : '.entity.js';
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) files.push(path);
    }
  };
  walk(join(root, 'src'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  files.forEach((file) => require(file));
  const tables = getMetadataArgsStorage().tables;
  return tables.map((table) => table.target).filter((target): target is new () => unknown => typeof target === 'function');
}

/** One builder for the app, the worker, the tests and the TypeORM CLI. */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const root = join(__dirname, '..', '..');
  const entities = loadEntities(root);
  adaptTimestampColumns(config.kind);
  const common = {
    entities,
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
      enableWAL: true,
      busyTimeout: 10_000,
    };
  }
  return { ...common, type: 'postgres', url: config.url, extra: { max: 10 } };
}
