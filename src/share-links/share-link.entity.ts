import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/** A buyer's revocable, expiring read-only view of its evidence. Only the token's hash is kept. */
@Entity('share_links')
@Index('IDX_share_links_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_share_links_org_buyer', ['organizationId', 'buyerId'])
export class ShareLink extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  buyerId: string;

  /** SHA-256 (hex) of the token; the token itself is shown once, when the link is made. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label: string | null;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'integer', default: 0 })
  visitCount: number;

  @Column({ type: 'datetime', nullable: true })
  lastVisitedAt: Date | null;
}

/** One opening of a share link. */
@Entity('share_link_visits')
@Index('IDX_share_link_visits_link', ['shareLinkId', 'visitedAt'])
export class ShareLinkVisit extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  shareLinkId: string;

  @Column({ type: 'datetime' })
  visitedAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
