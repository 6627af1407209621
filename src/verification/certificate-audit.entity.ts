import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

export const AUDIT_KINDS = ['surveillance', 'recertification'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** A surveillance or recertification audit that took place (reported by staff or the factory). */
@ForeignKey('Certificate', ['certificateId'], ['id'], {
  name: 'FK_certificate_audits_certificate',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_certificate_audits_organization',
  onDelete: 'CASCADE',
})
@Entity('certificate_audits')
@Index('IDX_certificate_audits_org_certificate', ['organizationId', 'certificateId', 'auditedOn'])
export class CertificateAudit extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  certificateId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: AuditKind;

  @Column({ type: 'date' })
  auditedOn: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
