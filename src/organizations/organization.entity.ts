import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../database/base.entity';

/**
 * What the organization keeps of its reminder policy: thresholds, sending hour and the
 * overdue rhythm. Timezone and locale are the organization's own columns: one calendar
 * and one language for the API, the scan and the digests.
 */
export interface StoredReminderPolicy {
  thresholdsDays: number[];
  sendHour: number;
  escalateAfterDays: number;
  overdueRepeatDays: number;
  /**
   * Who hears of a notice about a factory nobody looks after (and of the trader's own
   * certificates): `admins`, or `everyone` (every admin and member).
   */
  unassignedRecipients: 'admins' | 'everyone';
}

/** The policy in force: the stored one with the organization's timezone and locale. */
export interface ReminderPolicy extends StoredReminderPolicy {
  timezone: string;
  locale: string;
}

/** A trading company: the tenant. */
@Entity('organizations')
export class Organization extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  @Column({ type: 'varchar', length: 10, default: 'en' })
  locale: string;

  @Column({ type: 'text', nullable: true })
  businessScope: string | null;

  /** Null until an admin changes it: the shipped default in config/ applies. */
  @Column({ type: 'simple-json', nullable: true })
  reminderPolicy: StoredReminderPolicy | null;
}
