import { DataSource } from 'typeorm';
import { databaseConfigFrom } from '../src/config/configuration';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from './support/test-database';

const FOUNDATION_TABLES = [
  'organizations',
  'users',
  'invitations',
  'factories',
  'certificates',
  'audit_events',
];

/** The tables of the application: what the migrations made, without TypeORM's bookkeeping. */
async function applicationTables(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
      : await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
  return rows
    .map((row) => row.name)
    .filter((name) => name !== 'migrations' && name !== 'typeorm_metadata')
    .sort();
}

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({
      ...buildDataSourceOptions(databaseConfigFrom(database.url)),
      migrationsRun: false,
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('apply to an empty database, cover every entity, and revert one by one to nothing', async () => {
    expect(await applicationTables(dataSource)).toEqual([]);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(applied.length).toBeGreaterThan(0);
    const created = await applicationTables(dataSource);
    expect(created).toEqual(expect.arrayContaining(FOUNDATION_TABLES));
    expect(await dataSource.showMigrations()).toBe(false);

    // every table an entity maps to exists
    for (const metadata of dataSource.entityMetadatas) {
      expect(created).toContain(metadata.tableName);
    }

    for (let left = applied.length; left > 0; left--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const executed: unknown[] = await dataSource.query('SELECT * FROM migrations');
      expect(executed).toHaveLength(left - 1);
    }
    expect(await applicationTables(dataSource)).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(true);

    // and they apply again after a full revert
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await applicationTables(dataSource)).toEqual(created);
  });

  it('leave nothing for the schema builder to do: the migrated schema is what the entities declare', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // Each statement is a difference between the entities and the migrations (a foreign
    // key, an index, a default...): write a migration for it, or fix the entity.
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
