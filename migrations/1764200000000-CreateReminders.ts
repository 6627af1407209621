import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import {
  boolean,
  date,
  id,
  integer,
  json,
  organizationForeignKey,
  ref,
  text,
  timestamp,
  timestamps,
  varchar,
} from '../src/database/migration-helpers';

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
