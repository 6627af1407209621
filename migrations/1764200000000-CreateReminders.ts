import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/*
 * Column builders, copied into this migration so that it never changes once released
 * (a migration imports nothing but typeorm). One file runs on SQLite and PostgreSQL
 * alike: ids are 36-character strings made by the application, arrays are JSON text,
 * timestamps are timestamptz on PostgreSQL.
 */

function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'varchar',
  length: '36',
  isPrimary: true,
});

const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});

const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

const varchar = (
  name: string,
  length: number,
  nullable = false,
  defaultValue?: string,
): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
});

const integer = (name: string, defaultValue?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(defaultValue !== undefined ? { default: defaultValue } : {}),
});

const boolean = (
  queryRunner: QueryRunner,
  name: string,
  defaultValue: boolean,
): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: isPostgres(queryRunner) ? String(defaultValue) : defaultValue ? 1 : 0,
});

const json = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});

const timestamp = (
  queryRunner: QueryRunner,
  name: string,
  nullable = false,
): TableColumnOptions => ({
  name,
  type: isPostgres(queryRunner) ? 'timestamptz' : 'datetime',
  isNullable: nullable,
  ...(nullable ? {} : { default: isPostgres(queryRunner) ? 'now()' : "(datetime('now'))" }),
});

const timestamps = (queryRunner: QueryRunner): TableColumnOptions[] => [
  timestamp(queryRunner, 'createdAt'),
  timestamp(queryRunner, 'updatedAt'),
];

/**
 * The organization a tenant table's rows belong to, named `FK_<table>_organization`:
 * deleting an organization deletes its rows.
 */
const organizationForeignKey = (table: string): TableForeignKey =>
  new TableForeignKey({
    name: `FK_${table}_organization`,
    columnNames: ['organizationId'],
    referencedTableName: 'organizations',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

export class CreateReminders1764200000000 implements MigrationInterface {
  name = 'CreateReminders1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reminders',
        columns: [
          id(),
          ref('organizationId'),
          varchar('dedupeKey', 400),
          varchar('noticeKey', 300),
          varchar('kind', 60),
          varchar('subjectType', 40),
          varchar('subjectId', 36),
          ref('factoryId', true),
          varchar('recipient', 254),
          ref('recipientUserId', true),
          varchar('recipientRole', 20),
          varchar('locale', 10),
          varchar('audience', 20),
          boolean(queryRunner, 'escalated', false),
          date('dueOn'),
          date('scanOn'),
          varchar('digestId', 64),
          json('payload'),
          varchar('state', 10, false, 'pending'),
          integer('attempts', 0),
          text('lastError'),
          timestamp(queryRunner, 'sentAt', true),
          ref('claimToken', true),
          timestamp(queryRunner, 'claimedUntil', true),
          varchar('messageId', 200, true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [organizationForeignKey('reminders')],
        indices: [
          new TableIndex({
            name: 'UQ_reminders_dedupe_key',
            columnNames: ['dedupeKey'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_reminders_digest', columnNames: ['digestId', 'state'] }),
          new TableIndex({
            name: 'IDX_reminders_org_state',
            columnNames: ['organizationId', 'state'],
          }),
          new TableIndex({
            name: 'IDX_reminders_org_subject',
            columnNames: ['organizationId', 'subjectType', 'subjectId'],
          }),
        ],
      }),
    );
    // The daily scan reads surveillance audits due soon, per organization, in date order.
    await queryRunner.createIndex(
      'certificates',
      new TableIndex({
        name: 'IDX_certificates_org_surveillance',
        columnNames: ['organizationId', 'nextSurveillanceAuditOn'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('certificates', 'IDX_certificates_org_surveillance');
    await queryRunner.dropTable('reminders');
  }
}
