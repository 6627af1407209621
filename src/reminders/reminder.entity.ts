import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { ReminderAudience, ReminderLocale } from './reminder-source';

export const REMINDER_STATES = ['pending', 'sent', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/**
 * One notice for one recipient. The row is the truth: it exists before any job is
 * queued, and is marked sent only once the mail server accepted the digest holding it.
 */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_reminders_organization',
  onDelete: 'CASCADE',
})
@Entity('reminders')
@Index('UQ_reminders_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IDX_reminders_digest', ['digestId', 'state'])
@Index('IDX_reminders_org_state', ['organizationId', 'state'])
@Index('IDX_reminders_org_subject', ['organizationId', 'subjectType', 'subjectId'])
export class Reminder extends TenantEntity {
  /** The notice's own key plus the recipient: `cert:<id>:expiring:2027-03-01:30|a@b.c`. */
  @Column({ type: 'varchar', length: 400 })
  dedupeKey: string;

  /** The notice's key (shared by its recipients). */
  @Column({ type: 'varchar', length: 300 })
  noticeKey: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** An email address. */
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  /** The user behind the address, when there is one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  recipientUserId: string | null;

  /** `admin`, `factory_manager`, `member` or `factory_contact`: chooses the link. */
  @Column({ type: 'varchar', length: 20 })
  recipientRole: string;

  @Column({ type: 'varchar', length: 10 })
  locale: ReminderLocale;

  @Column({ type: 'varchar', length: 20 })
  audience: ReminderAudience;

  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  @Column({ type: 'date' })
  dueOn: string;

  /** The organization's calendar date of the scan that found it: one digest per day. */
  @Column({ type: 'date' })
  scanOn: string;

  /** Groups the rows of one digest (organization, scan day, recipient), hashed. */
  @Column({ type: 'varchar', length: 64 })
  digestId: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  state: ReminderState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  /** Row claim: the sender holding these rows, until when (a killed sender's claim lapses). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedUntil: Date | null;

  /** The Message-ID of the digest that carried it. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  messageId: string | null;
}
