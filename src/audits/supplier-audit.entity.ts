import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { ChecklistAnswer } from './checklist-scoring';

export const AUDIT_KINDS = ['on_site', 'remote', 'document_review'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface StoredAnswer {
  questionId: string;
  answer: ChecklistAnswer;
  note: string | null;
}

export interface StoredSectionScore {
  templateId: string;
  sectionId: string;
  score: number | null;
  answered: number;
  questions: number;
}

/** The trader's own audit of a factory (or one by a third party it hired). */
@Entity('supplier_audits')
@Index('IDX_supplier_audits_org_factory', ['organizationId', 'factoryId', 'auditedOn'])
export class SupplierAudit extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  factoryId: string;

  @Column({ type: 'date' })
  auditedOn: string;

  /** The lead auditor's name. */
  @Column({ type: 'varchar', length: 200 })
  auditor: string;

  /** The auditing firm when a third party did the audit; null: the trader itself. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  auditorOrganization: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: AuditKind;

  /** Standards the audit covered, e.g. `ISO 9001:2015`. */
  @Column({ type: 'simple-json' })
  standards: string[];

  /** Processes the audit looked at, in the auditor's words. */
  @Column({ type: 'simple-json' })
  processes: string[];

  /** Ids of the checklist templates (config/audit-checklists.json) the audit used. */
  @Column({ type: 'simple-json' })
  checklistTemplates: string[];

  @Column({ type: 'simple-json' })
  answers: StoredAnswer[];

  /** Scores as computed when the answers were last saved (the templates may change later). */
  @Column({ type: 'simple-json' })
  sectionScores: StoredSectionScore[];

  @Column({ type: 'integer', nullable: true })
  overallScore: number | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** The report file (a PDF in the documents feature). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  reportDocumentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
