import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../database/base.entity';

export interface ReminderPolicy {
  thresholdsDays: number[];
  sendHour: number;
  timezone: string;
  locale: string;
  escalateAfterDays: number;
  overdueRepeatDays: number;
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
  reminderPolicy: ReminderPolicy | null;
}
