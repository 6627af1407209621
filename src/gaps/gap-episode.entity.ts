import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { GapFacts } from './gap.rules';

/**
 * One stretch of time during which a gap exists: opened by the daily scan that first
 * finds it, closed by the first scan that no longer does. The scope_gap reminder is
 * keyed by the episode, so a gap is reported once per appearance.
 */
@ForeignKey('Buyer', ['buyerId'], ['id'], { name: 'FK_gap_episodes_buyer', onDelete: 'CASCADE' })
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_gap_episodes_organization',
  onDelete: 'CASCADE',
})
@ForeignKey('Requirement', ['requirementId'], ['id'], {
  name: 'FK_gap_episodes_requirement',
  onDelete: 'CASCADE',
})
@Entity('gap_episodes')
@Index('IDX_gap_episodes_org_closed', ['organizationId', 'closedOn'])
@Index('UQ_gap_episodes_open_key', ['organizationId', 'openGapKey'], { unique: true })
export class GapEpisode extends TenantEntity {
  /** rule/requirement/factory/certificate: the same gap found again has the same key. */
  @Column({ type: 'varchar', length: 200 })
  gapKey: string;

  /** Equal to gapKey while open, null once closed: at most one open episode per gap. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  openGapKey: string | null;

  @Column({ type: 'varchar', length: 30 })
  rule: string;

  @Column({ type: 'varchar', length: 36 })
  buyerId: string;

  @Column({ type: 'varchar', length: 36 })
  requirementId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  certificateId: string | null;

  @Column({ type: 'varchar', length: 40 })
  standard: string;

  @Column({ type: 'varchar', length: 100 })
  productCategory: string;

  /** What the explanation needs (names, numbers, dates) as found when the episode opened. */
  @Column({ type: 'simple-json' })
  facts: GapFacts;

  @Column({ type: 'date' })
  openedOn: string;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;
}
