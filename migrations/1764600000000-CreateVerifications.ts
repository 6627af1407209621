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

const fk = (table: string, column: string, referenced: string) =>
  new TableForeignKey({
    name: `FK_${table}_${column.replace(/Id$/, '')}`,
    columnNames: [column],
    referencedTableName: referenced,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** How each certificate was checked, and the surveillance audits recorded against it. */
export class CreateVerifications1764600000000 implements MigrationInterface {
  name = 'CreateVerifications1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'certificate_verifications',
        columns: [
          id(),
          ref('organizationId'),
          ref('certificateId'),
          varchar('method', 40),
          varchar('result', 20),
          date('checkedOn'),
          varchar('evidenceUrl', 2000, true),
          text('notes'),
          varchar('source', 20, false, 'manual'),
          varchar('registryReference', 200, true),
          ref('createdById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('certificate_verifications'),
          fk('certificate_verifications', 'certificateId', 'certificates'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificate_verifications_org_certificate',
            columnNames: ['organizationId', 'certificateId', 'checkedOn'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'certificate_audits',
        columns: [
          id(),
          ref('organizationId'),
          ref('certificateId'),
          varchar('kind', 20),
          date('auditedOn'),
          text('notes'),
          ref('createdById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('certificate_audits'),
          fk('certificate_audits', 'certificateId', 'certificates'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificate_audits_org_certificate',
            columnNames: ['organizationId', 'certificateId', 'auditedOn'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('certificate_audits');
    await queryRunner.dropTable('certificate_verifications');
  }
}
