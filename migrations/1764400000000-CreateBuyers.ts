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

const buyerFk = (table: string) =>
  new TableForeignKey({
    name: `FK_${table}_buyer`,
    columnNames: ['buyerId'],
    referencedTableName: 'buyers',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** Buyers, what they require, and the episodes of scope gaps the daily scan has found. */
export class CreateBuyers1764400000000 implements MigrationInterface {
  name = 'CreateBuyers1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'buyers',
        columns: [
          id(),
          ref('organizationId'),
          varchar('name', 200),
          varchar('country', 2),
          varchar('contactEmail', 254, true),
          text('notes'),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [organizationForeignKey('buyers')],
        indices: [
          new TableIndex({ name: 'IDX_buyers_org_name', columnNames: ['organizationId', 'name'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'requirements',
        columns: [
          id(),
          ref('organizationId'),
          ref('buyerId'),
          varchar('standard', 40),
          varchar('productCategory', 100),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [organizationForeignKey('requirements'), buyerFk('requirements')],
        indices: [
          new TableIndex({
            name: 'IDX_requirements_org_buyer',
            columnNames: ['organizationId', 'buyerId'],
          }),
          new TableIndex({
            name: 'UQ_requirements_buyer_standard_category',
            columnNames: ['buyerId', 'standard', 'productCategory'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'gap_episodes',
        columns: [
          id(),
          ref('organizationId'),
          varchar('gapKey', 200),
          varchar('openGapKey', 200, true),
          varchar('rule', 30),
          ref('buyerId'),
          ref('requirementId'),
          ref('factoryId', true),
          ref('certificateId', true),
          varchar('standard', 40),
          varchar('productCategory', 100),
          json('facts'),
          date('openedOn'),
          date('closedOn', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('gap_episodes'),
          buyerFk('gap_episodes'),
          new TableForeignKey({
            name: 'FK_gap_episodes_requirement',
            columnNames: ['requirementId'],
            referencedTableName: 'requirements',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_gap_episodes_org_closed',
            columnNames: ['organizationId', 'closedOn'],
          }),
          new TableIndex({
            name: 'UQ_gap_episodes_open_key',
            columnNames: ['organizationId', 'openGapKey'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('gap_episodes');
    await queryRunner.dropTable('requirements');
    await queryRunner.dropTable('buyers');
  }
}
