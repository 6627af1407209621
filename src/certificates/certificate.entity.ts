import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

import type { CertificateStatus } from './certificate-status';

export { CERTIFICATE_STATUSES } from './certificate-status';
export type { CertificateStatus } from './certificate-status';

/** A management-system certificate held by a factory, or by the trader itself (factoryId null). */
@ForeignKey('Factory', ['factoryId'], ['id'], {
  name: 'FK_certificates_factory',
  onDelete: 'RESTRICT',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_certificates_organization',
  onDelete: 'CASCADE',
})
@Entity('certificates')
@Index('IDX_certificates_org_expires', ['organizationId', 'expiresOn'])
@Index('IDX_certificates_org_factory', ['organizationId', 'factoryId'])
@Index('IDX_certificates_org_surveillance', ['organizationId', 'nextSurveillanceAuditOn'])
@Index('IDX_certificates_number', ['certificateNumber'])
export class Certificate extends TenantEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** A code from the standards catalogue, e.g. `ISO 9001:2015`. */
  @Column({ type: 'varchar', length: 40 })
  standard: string;

  @Column({ type: 'varchar', length: 60 })
  certificateNumber: string;

  @Column({ type: 'varchar', length: 200 })
  certificationBody: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  accreditationBody: string | null;

  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'simple-json' })
  sites: string[];

  @Column({ type: 'simple-json' })
  productCategories: string[];

  @Column({ type: 'simple-json' })
  iafCodes: number[];

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'date' })
  expiresOn: string;

  @Column({ type: 'date', nullable: true })
  nextSurveillanceAuditOn: string | null;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: CertificateStatus;

  /** The certificate this one renewed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  supersedesId: string | null;

  /** The renewal that replaced this one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  supersededById: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
