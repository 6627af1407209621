import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  date,
  id,
  organizationForeignKey,
  ref,
  text,
  timestamps,
  varchar,
} from '../src/database/migration-helpers';

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
