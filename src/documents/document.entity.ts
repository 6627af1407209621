import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/** One uploaded file (PDF, JPEG or PNG) of a certificate or of a submission; every version is kept. */
@ForeignKey('Certificate', ['certificateId'], ['id'], {
  name: 'FK_documents_certificateId',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_documents_organizationId',
  onDelete: 'CASCADE',
})
@ForeignKey('Submission', ['submissionId'], ['id'], {
  name: 'FK_documents_submissionId',
  onDelete: 'CASCADE',
})
@Entity('documents')
@Index('IDX_documents_sha256', ['sha256'])
@Index('IDX_documents_org_certificate', ['organizationId', 'certificateId'])
@Index('IDX_documents_org_submission', ['organizationId', 'submissionId'])
@Index('IDX_documents_org_audit', ['organizationId', 'auditId'])
@Index('UQ_documents_certificate_version', ['certificateId', 'version'], { unique: true })
export class CertificateDocument extends TenantEntity {
  /** The factory holding the certificate (null: the trader's own); copied so scoping needs no join. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** Set when attached to a certificate (directly, or once its submission is approved). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  certificateId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  submissionId: string | null;

  /** Set for a supplier audit's report, and for a finding's evidence (with findingId). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  auditId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  findingId: string | null;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the content, never taken from the client. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  /** 1 for the first file of a certificate (or submission), then 2, 3…; older versions stay. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  uploadedById: string | null;
}
