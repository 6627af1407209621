import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import { LOCALES } from '../common/locales';

export const FACTORY_STATUSES = ['prospect', 'active', 'suspended', 'ended'] as const;
export type FactoryStatus = (typeof FACTORY_STATUSES)[number];

/** The languages a factory contact's mail can be written in. */
export const CONTACT_LOCALES = LOCALES;
export type ContactLocale = (typeof CONTACT_LOCALES)[number];

/** A new factory's contact reads Chinese when the factory is in China, English otherwise. */
export function defaultContactLocale(country: string): ContactLocale {
  return country.toUpperCase() === 'CN' ? 'zh-CN' : 'en';
}

@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_factories_organization',
  onDelete: 'CASCADE',
})
@Entity('factories')
@Index('IDX_factories_org_name', ['organizationId', 'name'])
export class Factory extends TenantEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The name in English (for buyers), when `name` is in another script or language. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

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

  /** The language of the contact's mail (not the organization's: the contact is no user). */
  @Column({ type: 'varchar', length: 10, default: 'en' })
  contactLocale: ContactLocale;

  /** Set when the contact unsubscribed (RFC 8058 link): no mail to it until an admin re-enables it. */
  @Column({ type: 'datetime', nullable: true })
  contactUnsubscribedAt: Date | null;

  @Column({ type: 'simple-json' })
  productCategories: string[];

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: FactoryStatus;
}
