import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import { LOCALES } from '../common/locales';

export const BUYER_LOCALES = LOCALES;
export type BuyerLocale = (typeof BUYER_LOCALES)[number];

/** An overseas customer of the trader. */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_buyers_organization',
  onDelete: 'CASCADE',
})
@Entity('buyers')
@Index('IDX_buyers_org_name', ['organizationId', 'name'])
export class Buyer extends TenantEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  /** The language of the evidence pack and shared page: `en` or `zh-CN`. */
  @Column({ type: 'varchar', length: 10, default: 'en' })
  locale: BuyerLocale;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
