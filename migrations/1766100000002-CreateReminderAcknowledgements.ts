import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Acknowledged notices ("recertification audit booked for 2027-01-12"), quiet until a
 * date. Self-contained: it imports nothing from src/.
 */
export class CreateReminderAcknowledgements1766100000002 implements MigrationInterface {
  name = 'CreateReminderAcknowledgements1766100000002';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'reminder_acknowledgements',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'reminderId', type: 'varchar', length: '36' },
          { name: 'noticeKey', type: 'varchar', length: '300' },
          { name: 'kind', type: 'varchar', length: '60' },
          { name: 'subjectType', type: 'varchar', length: '40' },
          { name: 'subjectId', type: 'varchar', length: '36' },
          { name: 'dueOn', type: 'date' },
          { name: 'stage', type: 'integer', isNullable: true },
          { name: 'note', type: 'text' },
          { name: 'quietUntil', type: 'date' },
          { name: 'acknowledgedById', type: 'varchar', length: '36', isNullable: true },
          { name: 'acknowledgedBy', type: 'varchar', length: '254' },
          { name: 'via', type: 'varchar', length: '10' },
          { name: 'linkNonce', type: 'varchar', length: '64', isNullable: true },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_reminder_acknowledgements_organization',
            columnNames: ['organizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_reminder_acknowledgements_org_quiet',
            columnNames: ['organizationId', 'quietUntil'],
          }),
          new TableIndex({
            name: 'IDX_reminder_acknowledgements_notice',
            columnNames: ['organizationId', 'noticeKey'],
          }),
          new TableIndex({
            name: 'UQ_reminder_acknowledgements_link',
            columnNames: ['linkNonce'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reminder_acknowledgements');
  }
}
