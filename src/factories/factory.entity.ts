import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

export const FACTORY_STATUSES = ['prospect', 'active', 'suspended', 'ended'] as const;
export type FactoryStatus = (typeof FACTORY_STATUSES)[number];

@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_factories_organization',
  onDelete: 'CASCADE',
})
@Entity('factories')
@Index('IDX_factories_org_name', ['organizationId', 'name'])
export class Factory extends TenantEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** For CN, the 18-character Unified Social Credit Code. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  licenseNumber: string | null;

  @Column({ type: 'text', nullable: true })
  businessScope: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'simple-json' })
  productCategories: string[];

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: FactoryStatus;
}
