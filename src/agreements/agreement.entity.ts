import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { AgreementStatus } from './agreement-transitions';

export const AGREEMENT_KINDS = [
  'certification_cooperation',
  'scope_expansion',
  'audit_disclosure',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/**
 * One of the three honest ways for a trader to answer a buyer's certificate demand
 * (DESIGN.md): a cooperation agreement with a factory, its own scope expansion (factory
 * null), or transparent disclosure of the factory's certificates and audits.
 */
@ForeignKey('Certificate', ['certificateId'], ['id'], {
  name: 'FK_agreements_certificate',
  onDelete: 'SET NULL',
})
@ForeignKey('Factory', ['factoryId'], ['id'], {
  name: 'FK_agreements_factory',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_agreements_organization',
  onDelete: 'CASCADE',
})
@Entity('agreements')
@Index('IDX_agreements_org_status', ['organizationId', 'status'])
@Index('IDX_agreements_org_factory', ['organizationId', 'factoryId'])
@Index('IDX_agreements_certificate', ['certificateId'])
export class Agreement extends TenantEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: AgreementKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Codes from the standards catalogue. */
  @Column({ type: 'simple-json' })
  standards: string[];

  @Column({ type: 'simple-json' })
  productCategories: string[];

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  targetOn: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: AgreementStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The plan template the milestones were made from, if any. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  planTemplateId: string | null;

  /** The certificate the agreement produced; set once it is certified. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  certificateId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
