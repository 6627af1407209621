import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { MilestoneStatus } from './at-risk';
import type { MilestoneOwner } from './plan-schedule';

/** A step of an agreement's plan. */
@ForeignKey('Agreement', ['agreementId'], ['id'], {
  name: 'FK_agreement_milestones_agreement',
  onDelete: 'CASCADE',
})
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_agreement_milestones_organization',
  onDelete: 'CASCADE',
})
@Entity('agreement_milestones')
@Index('IDX_agreement_milestones_org_agreement', ['organizationId', 'agreementId'])
@Index('IDX_agreement_milestones_org_status_due', ['organizationId', 'status', 'dueOn'])
export class Milestone extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  agreementId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  owner: MilestoneOwner;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: MilestoneStatus;

  /** Days the plan allows for this step, fixed at creation: the pace the at-risk rule uses. */
  @Column({ type: 'integer' })
  plannedDays: number;

  /** Order within the plan (ties of dueOn). */
  @Column({ type: 'integer' })
  position: number;

  /** The template step it was made from (`stage_1_audit`), if any. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  templateKey: string | null;
}
