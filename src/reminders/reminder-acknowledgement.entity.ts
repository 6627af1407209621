import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/**
 * "We are on it": a recipient's acknowledgement of a notice, with a note and the day
 * until which its repeats and escalations stay quiet (reminder-quiet.ts).
 */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_reminder_acknowledgements_organization',
  onDelete: 'CASCADE',
})
@Entity('reminder_acknowledgements')
@Index('IDX_reminder_acknowledgements_org_quiet', ['organizationId', 'quietUntil'])
@Index('IDX_reminder_acknowledgements_notice', ['organizationId', 'noticeKey'])
@Index('UQ_reminder_acknowledgements_link', ['linkNonce'], { unique: true })
export class ReminderAcknowledgement extends TenantEntity {
  /** The reminder row acknowledged. */
  @Column({ type: 'varchar', length: 36 })
  reminderId: string;

  /** The notice's key, shared by its recipients: the others see the acknowledgement. */
  @Column({ type: 'varchar', length: 300 })
  noticeKey: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'date' })
  dueOn: string;

  /** The threshold the notice had reached, or null. */
  @Column({ type: 'integer', nullable: true })
  stage: number | null;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'date' })
  quietUntil: string;

  /** The user who acknowledged it (null: by the mailed link, see `acknowledgedBy`). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  acknowledgedById: string | null;

  /** Who, as shown to the others: the user's name, or the address the link was mailed to. */
  @Column({ type: 'varchar', length: 254 })
  acknowledgedBy: string;

  /** `app` or `link`. */
  @Column({ type: 'varchar', length: 10 })
  via: 'app' | 'link';

  /** The one-click link's nonce: a link works once. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  linkNonce: string | null;
}
