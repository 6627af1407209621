import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/** What a buyer demands: a certificate of `standard` covering `productCategory`. */
@ForeignKey('Buyer', ['buyerId'], ['id'], { name: 'FK_requirements_buyer', onDelete: 'CASCADE' })
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_requirements_organization',
  onDelete: 'CASCADE',
})
@Entity('requirements')
@Index('IDX_requirements_org_buyer', ['organizationId', 'buyerId'])
@Index('UQ_requirements_buyer_standard_category', ['buyerId', 'standard', 'productCategory'], {
  unique: true,
})
export class Requirement extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  buyerId: string;

  /** A code from the standards catalogue, e.g. `ISO 14001:2015`. */
  @Column({ type: 'varchar', length: 40 })
  standard: string;

  @Column({ type: 'varchar', length: 100 })
  productCategory: string;
}
