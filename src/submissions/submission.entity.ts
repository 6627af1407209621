import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

export const SUBMISSION_KINDS = [
  'new_certificate',
  'renewal',
  'status_change',
  'surveillance_audit',
] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['pending_review', 'approved', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * A change to a factory's certificates proposed by its manager (or by trader staff); it
 * changes nothing until a trader admin or member approves it.
 */
@ForeignKey('Certificate', ['certificateId'], ['id'], {
  name: 'FK_submissions_certificateId',
  onDelete: 'CASCADE',
})
@ForeignKey('Factory', ['factoryId'], ['id'], {
  name: 'FK_submissions_factoryId',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_submissions_organizationId',
  onDelete: 'CASCADE',
})
@ForeignKey('Certificate', ['resultCertificateId'], ['id'], {
  name: 'FK_submissions_resultCertificateId',
  onDelete: 'SET NULL',
})
@Entity('submissions')
@Index('IDX_submissions_org_status', ['organizationId', 'status', 'createdAt'])
@Index('IDX_submissions_org_factory', ['organizationId', 'factoryId'])
export class Submission extends TenantEntity {
  /** The factory the change is about; null for the trader's own certificates. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** The certificate renewed or changed; null for a new certificate. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  certificateId: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: SubmissionKind;

  /** The proposed fields, as validated when submitted (see submission.rules.ts). */
  @Column({ type: 'simple-json' })
  proposal: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 20, default: 'pending_review' })
  status: SubmissionStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedById: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /** The certificate created or changed by the approval. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  resultCertificateId: string | null;
}
