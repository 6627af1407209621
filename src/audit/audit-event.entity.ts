import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'node:crypto';

/** Who changed what, when: written in the same transaction as the change. */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_audit_events_organization',
  onDelete: 'CASCADE',
})
@Entity('audit_events')
@Index('IDX_audit_events_org_created', ['organizationId', 'createdAt'])
@Index('IDX_audit_events_entity', ['organizationId', 'entityType', 'entityId'])
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  organizationId: string;

  /** Null when the system acted (the daily scan). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
