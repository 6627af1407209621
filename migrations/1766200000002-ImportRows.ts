import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * The rows an import will write get a table of their own (read by commit 500 at a time)
 * instead of one JSON document on the preview, which commit had to parse whole.
 * Self-contained: it imports nothing from src/.
 */
export class ImportRows1766200000002 implements MigrationInterface {
  name = 'ImportRows1766200000002';

  async up(q: QueryRunner): Promise<void> {
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
    await q.dropColumn('import_previews', 'plan');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'import_previews',
      new TableColumn({ name: 'plan', type: 'text', isNullable: true }),
    );
    await q.dropTable('import_rows');
  }
}
