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

export class CreateAgreements1764300000000 implements MigrationInterface {
  name = 'CreateAgreements1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agreements',
        columns: [
          id(),
          ref('organizationId'),
          ref('factoryId', true),
          varchar('kind', 40),
          varchar('title', 200),
          json('standards'),
          json('productCategories'),
          date('startsOn'),
          date('targetOn'),
          varchar('status', 20, false, 'draft'),
          text('notes'),
          varchar('planTemplateId', 60, true),
          ref('certificateId', true),
          ref('createdById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('agreements'),
          // deleting an ended factory takes its agreements (and their milestones) with it
          new TableForeignKey({
            name: 'FK_agreements_factory',
            columnNames: ['factoryId'],
            referencedTableName: 'factories',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_agreements_certificate',
            columnNames: ['certificateId'],
            referencedTableName: 'certificates',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_agreements_org_status',
            columnNames: ['organizationId', 'status'],
          }),
          new TableIndex({
            name: 'IDX_agreements_org_factory',
            columnNames: ['organizationId', 'factoryId'],
          }),
          new TableIndex({ name: 'IDX_agreements_certificate', columnNames: ['certificateId'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agreement_milestones',
        columns: [
          id(),
          ref('organizationId'),
          ref('agreementId'),
          varchar('name', 200),
          varchar('owner', 10),
          date('dueOn'),
          date('completedOn', true),
          varchar('status', 10, false, 'pending'),
          integer('plannedDays'),
          integer('position'),
          varchar('templateKey', 60, true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('agreement_milestones'),
          new TableForeignKey({
            name: 'FK_agreement_milestones_agreement',
            columnNames: ['agreementId'],
            referencedTableName: 'agreements',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_agreement_milestones_org_agreement',
            columnNames: ['organizationId', 'agreementId'],
          }),
          new TableIndex({
            name: 'IDX_agreement_milestones_org_status_due',
            columnNames: ['organizationId', 'status', 'dueOn'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_milestones');
    await queryRunner.dropTable('agreements');
  }
}
