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

const fk = (
  table: string,
  column: string,
  referenced: string,
  onDelete: 'CASCADE' | 'SET NULL',
): TableForeignKey =>
  new TableForeignKey({
    name: `FK_${table}_${column}`,
    columnNames: [column],
    referencedTableName: referenced,
    referencedColumnNames: ['id'],
    onDelete,
  });

/** Changes proposed by factory managers (or staff) awaiting review, and uploaded certificate documents. */
export class CreateSubmissionsAndDocuments1764500000000 implements MigrationInterface {
  name = 'CreateSubmissionsAndDocuments1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'submissions',
        columns: [
          id(),
          ref('organizationId'),
          ref('factoryId', true),
          ref('certificateId', true),
          varchar('kind', 30),
          json('proposal'),
          text('note'),
          varchar('status', 20, false, 'pending_review'),
          ref('submittedById', true),
          ref('decidedById', true),
          timestamp(queryRunner, 'decidedAt', true),
          text('rejectionReason'),
          ref('resultCertificateId', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          fk('submissions', 'organizationId', 'organizations', 'CASCADE'),
          fk('submissions', 'factoryId', 'factories', 'CASCADE'),
          fk('submissions', 'certificateId', 'certificates', 'CASCADE'),
          fk('submissions', 'resultCertificateId', 'certificates', 'SET NULL'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_submissions_org_status',
            columnNames: ['organizationId', 'status', 'createdAt'],
          }),
          new TableIndex({
            name: 'IDX_submissions_org_factory',
            columnNames: ['organizationId', 'factoryId'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'documents',
        columns: [
          id(),
          ref('organizationId'),
          ref('factoryId', true),
          ref('certificateId', true),
          ref('submissionId', true),
          varchar('fileName', 255),
          varchar('contentType', 100),
          integer('size'),
          varchar('sha256', 64),
          varchar('storageKey', 200),
          integer('version', 1),
          ref('uploadedById', true),
          ...timestamps(queryRunner),
        ],
        foreignKeys: [
          fk('documents', 'organizationId', 'organizations', 'CASCADE'),
          fk('documents', 'certificateId', 'certificates', 'CASCADE'),
          fk('documents', 'submissionId', 'submissions', 'CASCADE'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_documents_sha256', columnNames: ['sha256'] }),
          new TableIndex({
            name: 'IDX_documents_org_certificate',
            columnNames: ['organizationId', 'certificateId'],
          }),
          new TableIndex({
            name: 'IDX_documents_org_submission',
            columnNames: ['organizationId', 'submissionId'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('documents');
    await queryRunner.dropTable('submissions');
  }
}
