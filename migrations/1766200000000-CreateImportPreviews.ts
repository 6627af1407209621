import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Import previews: an uploaded spreadsheet of factories or certificates, read and
 * validated, waiting to be committed. Self-contained: it imports nothing from src/.
 */
export class CreateImportPreviews1766200000000 implements MigrationInterface {
  name = 'CreateImportPreviews1766200000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'import_previews',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'createdById', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'format', type: 'varchar', length: '10' },
          { name: 'fileName', type: 'varchar', length: '255', isNullable: true },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'progress', type: 'integer', default: 0 },
          { name: 'counts', type: 'text' },
          { name: 'errors', type: 'text' },
          { name: 'plan', type: 'text', isNullable: true },
          { name: 'dataStamp', type: 'varchar', length: '100', isNullable: true },
          { name: 'failure', type: 'text', isNullable: true },
          { name: 'committedAt', type: timestamp, isNullable: true },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
      }),
    );
    await q.createIndex(
      'import_previews',
      new TableIndex({
        name: 'IDX_import_previews_org_created',
        columnNames: ['organizationId', 'createdAt'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('import_previews');
  }
}
