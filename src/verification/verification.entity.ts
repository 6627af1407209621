import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

export const VERIFICATION_METHODS = [
  'iaf_certsearch',
  'cnca',
  'certification_body_registry',
  'manual',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const VERIFICATION_RESULTS = [
  'confirmed',
  'not_found',
  'mismatch',
  'suspended',
  'withdrawn',
] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** `manual`: recorded by a person; `registry`: answered by a registry adapter. */
export type VerificationSource = 'manual' | 'registry';

/** One check of a certificate against a registry or the certification body. Never edited. */
@ForeignKey('Certificate', ['certificateId'], ['id'], {
  name: 'FK_certificate_verifications_certificate',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_certificate_verifications_organization',
  onDelete: 'CASCADE',
})
@Entity('certificate_verifications')
@Index('IDX_certificate_verifications_org_certificate', [
  'organizationId',
  'certificateId',
  'checkedOn',
])
export class CertificateVerification extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  certificateId: string;

  @Column({ type: 'varchar', length: 40 })
  method: VerificationMethod;

  @Column({ type: 'varchar', length: 20 })
  result: VerificationResult;

  @Column({ type: 'date' })
  checkedOn: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 20, default: 'manual' })
  source: VerificationSource;

  /** The registry's own id of what it matched (e.g. IAF CertSearch's cert_id). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  registryReference: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
