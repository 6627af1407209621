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

export class CreateFoundation1764100000000 implements MigrationInterface {
  name = 'CreateFoundation1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          id(),
          varchar('name', 200),
          varchar('timezone', 64, false, 'Asia/Shanghai'),
          varchar('locale', 10, false, 'en'),
          text('businessScope'),
          json('reminderPolicy', true),
          ...timestamps(queryRunner),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'factories',
        columns: [
          id(),
          ref('organizationId'),
          varchar('name', 200),
          varchar('country', 2),
          varchar('city', 120, true),
          text('address'),
          varchar('licenseNumber', 40, true),
          text('businessScope'),
          varchar('contactEmail', 254, true),
          json('productCategories'),
          varchar('status', 20, false, 'active'),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [organizationForeignKey('factories')],
        indices: [
          new TableIndex({
            name: 'IDX_factories_org_name',
            columnNames: ['organizationId', 'name'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          ref('organizationId'),
          varchar('email', 254),
          varchar('name', 200),
          varchar('role', 20),
          varchar('locale', 10, true),
          ref('factoryId', true),
          varchar('passwordHash', 255, true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('users'),
          new TableForeignKey({
            name: 'FK_users_factory',
            columnNames: ['factoryId'],
            referencedTableName: 'factories',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          id(),
          ref('organizationId'),
          varchar('email', 254),
          varchar('name', 200),
          varchar('role', 20),
          varchar('locale', 10, true),
          ref('factoryId', true),
          ref('userId', true),
          varchar('tokenHash', 64),
          timestamp(queryRunner, 'expiresAt'),
          timestamp(queryRunner, 'acceptedAt', true),
          timestamp(queryRunner, 'revokedAt', true),
          ref('invitedById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [organizationForeignKey('invitations')],
        indices: [
          new TableIndex({
            name: 'UQ_invitations_token_hash',
            columnNames: ['tokenHash'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'certificates',
        columns: [
          id(),
          ref('organizationId'),
          ref('factoryId', true),
          varchar('standard', 40),
          varchar('certificateNumber', 60),
          varchar('certificationBody', 200),
          varchar('accreditationBody', 200, true),
          text('scope', false),
          json('sites'),
          json('productCategories'),
          json('iafCodes'),
          date('issuedOn'),
          date('expiresOn'),
          date('nextSurveillanceAuditOn', true),
          varchar('status', 20, false, 'active'),
          ref('supersedesId', true),
          ref('supersededById', true),
          ref('createdById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          organizationForeignKey('certificates'),
          new TableForeignKey({
            name: 'FK_certificates_factory',
            columnNames: ['factoryId'],
            referencedTableName: 'factories',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificates_org_expires',
            columnNames: ['organizationId', 'expiresOn'],
          }),
          new TableIndex({
            name: 'IDX_certificates_org_factory',
            columnNames: ['organizationId', 'factoryId'],
          }),
          new TableIndex({ name: 'IDX_certificates_number', columnNames: ['certificateNumber'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          ref('organizationId'),
          ref('actorId', true),
          varchar('action', 80),
          varchar('entityType', 40),
          ref('entityId'),
          json('before', true),
          json('after', true),
          timestamp(queryRunner, 'createdAt'),
        ],
        foreignKeys: [organizationForeignKey('audit_events')],
        indices: [
          new TableIndex({
            name: 'IDX_audit_events_org_created',
            columnNames: ['organizationId', 'createdAt'],
          }),
          new TableIndex({
            name: 'IDX_audit_events_entity',
            columnNames: ['organizationId', 'entityType', 'entityId'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'certificates',
      'invitations',
      'users',
      'factories',
      'organizations',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
