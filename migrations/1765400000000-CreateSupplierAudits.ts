import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableColumnOptions,
  TableIndex,
} from 'typeorm';

/**
 * Supplier audits and their findings, buyers' share links and their visits, a factory's
 * English name, a buyer's language, and documents attached to an audit or a finding.
 * Self-contained: it imports nothing from src/, so it stays as it is whatever the code becomes.
 */
const isPostgres = (q: QueryRunner) => q.connection.driver.options.type === 'postgres';

const uuid = (name: string, nullable = false, isPrimary = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
  isPrimary,
});
const varchar = (name: string, length: number, nullable = false, value?: string) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(value !== undefined ? { default: `'${value}'` } : {}),
});
const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});
const integer = (name: string, nullable: boolean, value?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(value !== undefined ? { default: value } : {}),
});
const timestamp = (q: QueryRunner, name: string, nullable: boolean): TableColumnOptions => ({
  name,
  type: isPostgres(q) ? 'timestamptz' : 'datetime',
  isNullable: nullable,
});
const rowTimestamps = (q: QueryRunner): TableColumnOptions[] =>
  ['createdAt', 'updatedAt'].map((name) => ({
    ...timestamp(q, name, false),
    default: isPostgres(q) ? 'now()' : "(datetime('now'))",
  }));

export class CreateSupplierAudits1765400000000 implements MigrationInterface {
  name = 'CreateSupplierAudits1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'supplier_audits',
        columns: [
          uuid('id', false, true),
          uuid('organizationId'),
          uuid('factoryId'),
          date('auditedOn'),
          varchar('auditor', 200),
          varchar('auditorOrganization', 200, true),
          varchar('kind', 20),
          text('standards', false),
          text('processes', false),
          text('checklistTemplates', false),
          text('answers', false),
          text('sectionScores', false),
          integer('overallScore', true),
          text('summary'),
          uuid('reportDocumentId', true),
          uuid('createdById', true),
          ...rowTimestamps(q),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_supplier_audits_org_factory',
            columnNames: ['organizationId', 'factoryId', 'auditedOn'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_findings',
        columns: [
          uuid('id', false, true),
          uuid('organizationId'),
          uuid('auditId'),
          uuid('factoryId'),
          varchar('severity', 20),
          varchar('clause', 60, true),
          text('description', false),
          text('evidence'),
          text('correctiveAction'),
          timestamp(q, 'actionProposedAt', true),
          uuid('actionProposedById', true),
          date('dueOn', true),
          varchar('status', 20, false, 'open'),
          timestamp(q, 'closedAt', true),
          uuid('closedById', true),
          text('reviewNote'),
          ...rowTimestamps(q),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_audit_findings_org_audit',
            columnNames: ['organizationId', 'auditId'],
          }),
          new TableIndex({
            name: 'IDX_audit_findings_org_factory_status',
            columnNames: ['organizationId', 'factoryId', 'status'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'share_links',
        columns: [
          uuid('id', false, true),
          uuid('organizationId'),
          uuid('buyerId'),
          varchar('tokenHash', 64),
          varchar('label', 200, true),
          timestamp(q, 'expiresAt', false),
          timestamp(q, 'revokedAt', true),
          uuid('createdById', true),
          integer('visitCount', false, 0),
          timestamp(q, 'lastVisitedAt', true),
          ...rowTimestamps(q),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_share_links_token_hash',
            columnNames: ['tokenHash'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_share_links_org_buyer',
            columnNames: ['organizationId', 'buyerId'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'share_link_visits',
        columns: [
          uuid('id', false, true),
          uuid('organizationId'),
          uuid('shareLinkId'),
          timestamp(q, 'visitedAt', false),
          varchar('userAgent', 300, true),
          ...rowTimestamps(q),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_share_link_visits_link',
            columnNames: ['shareLinkId', 'visitedAt'],
          }),
        ],
      }),
    );
    await q.addColumn('factories', new TableColumn(varchar('nameEn', 200, true)));
    await q.addColumn('buyers', new TableColumn(varchar('locale', 10, false, 'en')));
    await q.addColumn('documents', new TableColumn(uuid('auditId', true)));
    await q.addColumn('documents', new TableColumn(uuid('findingId', true)));
    await q.createIndex(
      'documents',
      new TableIndex({
        name: 'IDX_documents_org_audit',
        columnNames: ['organizationId', 'auditId'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('documents', 'IDX_documents_org_audit');
    await q.dropColumn('documents', 'findingId');
    await q.dropColumn('documents', 'auditId');
    await q.dropColumn('buyers', 'locale');
    await q.dropColumn('factories', 'nameEn');
    await q.dropTable('share_link_visits');
    await q.dropTable('share_links');
    await q.dropTable('audit_findings');
    await q.dropTable('supplier_audits');
  }
}
