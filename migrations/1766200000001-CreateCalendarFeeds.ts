import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Each person's private calendar feed key. Self-contained: it imports nothing from src/. */
export class CreateCalendarFeeds1766200000001 implements MigrationInterface {
  name = 'CreateCalendarFeeds1766200000001';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'calendar_feeds',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'feedKey', type: 'varchar', length: '64' },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
      }),
    );
    await q.createIndex(
      'calendar_feeds',
      new TableIndex({ name: 'IDX_calendar_feeds_user', columnNames: ['userId'], isUnique: true }),
    );
    await q.createIndex(
      'calendar_feeds',
      new TableIndex({ name: 'IDX_calendar_feeds_key', columnNames: ['feedKey'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_feeds');
  }
}
