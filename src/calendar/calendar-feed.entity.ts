import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/**
 * A person's private calendar feed. The URL's secret is the feed key with its HMAC
 * (calendar-feed-token.ts): a copy of this table alone opens no feed, and a new key
 * (renewal) makes the old URL answer 404.
 */
@Entity('calendar_feeds')
@Index('IDX_calendar_feeds_user', ['userId'], { unique: true })
@Index('IDX_calendar_feeds_key', ['feedKey'], { unique: true })
export class CalendarFeed extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  feedKey: string;
}
