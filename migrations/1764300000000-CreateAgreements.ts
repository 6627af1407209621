import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  date,
  id,
  integer,
  json,
  organizationForeignKey,
  ref,
  text,
  timestamps,
  varchar,
} from '../src/database/migration-helpers';

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
