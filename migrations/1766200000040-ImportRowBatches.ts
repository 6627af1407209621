import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The rows an import will write are kept 500 to a database row (`import_row_batches`)
 * instead of one database row each (`import_rows`): they are only ever read whole, and
 * one row each cost as much as writing the certificates. Previews not yet committed lose
 * their rows, so they are removed (a preview lives an hour; its file is previewed again).
 * Self-contained: it imports nothing from src/.
 */
export class ImportRowBatches1766200000040 implements MigrationInterface {
  name = 'ImportRowBatches1766200000040';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'import_row_batches',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'importId', type: 'varchar', length: '36' },
          { name: 'position', type: 'integer' },
          { name: 'rows', type: 'text' },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
      }),
    );
    await q.createIndex(
      'import_row_batches',
      new TableIndex({
        name: 'IDX_import_row_batches_import_position',
        columnNames: ['importId', 'position'],
        isUnique: true,
      }),
    );
    await q.query(`DELETE FROM "import_previews" WHERE "state" IN ('queued', 'reading', 'ready')`);
    await q.dropTable('import_rows');
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'import_rows',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'importId', type: 'varchar', length: '36' },
          { name: 'position', type: 'integer' },
          { name: 'row', type: 'integer' },
          { name: 'action', type: 'varchar', length: '10' },
          { name: 'recordId', type: 'varchar', length: '36', isNullable: true },
          { name: 'fields', type: 'text' },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
      }),
    );
    await q.createIndex(
      'import_rows',
      new TableIndex({
        name: 'IDX_import_rows_import_position',
        columnNames: ['importId', 'position'],
      }),
    );
    await q.query(`DELETE FROM "import_previews" WHERE "state" IN ('queued', 'reading', 'ready')`);
    await q.dropTable('import_row_batches');
  }
}
