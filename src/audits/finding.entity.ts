import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { FindingSeverity } from './finding-due';
import type { FindingStatus } from './finding-transitions';

/** What an audit found, and the factory's corrective action. */
@Entity('audit_findings')
@Index('IDX_audit_findings_org_audit', ['organizationId', 'auditId'])
@Index('IDX_audit_findings_org_factory_status', ['organizationId', 'factoryId', 'status'])
export class Finding extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  auditId: string;

  /** The audited factory, copied so a factory manager's scope needs no join. */
  @Column({ type: 'varchar', length: 36 })
  factoryId: string;

  @Column({ type: 'varchar', length: 20 })
  severity: FindingSeverity;

  /** The clause or checklist question it concerns, e.g. `8.4` or `trace.lot`. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  clause: string | null;

  /** What is wrong, in one or two sentences. */
  @Column({ type: 'text' })
  description: string;

  /** What the auditor saw (records, samples, interviews). */
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /** The corrective action the factory proposes. */
  @Column({ type: 'text', nullable: true })
  correctiveAction: string | null;

  @Column({ type: 'datetime', nullable: true })
  actionProposedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actionProposedById: string | null;

  /** When the corrective action must be in place; null for an observation. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: FindingStatus;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  closedById: string | null;

  /** The verifier's note on closing, or the reason for reopening. */
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;
}
