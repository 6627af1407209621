import { QueryRunner, TableColumnOptions, TableForeignKey } from 'typeorm';

/**
 * Column builders so that one migration file runs on SQLite and PostgreSQL alike:
 * ids are 36-character strings made by the application, arrays are JSON text,
 * timestamps are timestamptz on PostgreSQL.
 */
export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'varchar',
  length: '36',
  isPrimary: true,
});

export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});

export const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const varchar = (
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

export const integer = (
  name: string,
  defaultValue?: number,
  nullable = false,
): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(defaultValue !== undefined ? { default: defaultValue } : {}),
});

export const boolean = (
  queryRunner: QueryRunner,
  name: string,
  defaultValue: boolean,
): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: isPostgres(queryRunner) ? String(defaultValue) : defaultValue ? 1 : 0,
});

export const json = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});

export const timestamp = (
  queryRunner: QueryRunner,
  name: string,
  nullable = false,
): TableColumnOptions => ({
  name,
  type: isPostgres(queryRunner) ? 'timestamptz' : 'datetime',
  isNullable: nullable,
  ...(nullable ? {} : { default: isPostgres(queryRunner) ? 'now()' : "(datetime('now'))" }),
});

export const timestamps = (queryRunner: QueryRunner): TableColumnOptions[] => [
  timestamp(queryRunner, 'createdAt'),
  timestamp(queryRunner, 'updatedAt'),
];

/**
 * The organization a tenant table's rows belong to, named `FK_<table>_organization`:
 * deleting an organization deletes its rows.
 */
export const organizationForeignKey = (table: string): TableForeignKey =>
  new TableForeignKey({
    name: `FK_${table}_organization`,
    columnNames: ['organizationId'],
    referencedTableName: 'organizations',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
