import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Page, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { insertRows } from '../database/bulk-insert';
import { Transactions } from '../database/transactions';
import { AuditEvent } from './audit-event.entity';
import {
  AuditEventQueryDto,
  AuditEventResponse,
  toAuditEventResponse,
} from './dto/audit-event.dto';

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Events per multi-row INSERT (9 columns each: well under SQLite's parameter limit). */
const MANY_PER_INSERT = 500;

@Injectable()
export class AuditService {
  private readonly events = new TenantRepository(AuditEvent, () => notFound('audit_event'));

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Written through the current manager: inside `run`, the change's own transaction, so
   * both land or neither.
   */
  async record(entry: AuditEntry): Promise<void> {
    const repo = this.events.repo(this.transactions.manager);
    const event = repo.create({
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: plain(entry.before),
      after: plain(entry.after),
      // Set here rather than by the column default, which on SQLite keeps whole seconds
      // only: events of one second would come back in no particular order.
      createdAt: this.clock.now(),
    });
    // The JSON columns' types are wider than TypeORM's insert type admits.
    await repo.insert(event as QueryDeepPartialEntity<AuditEvent>);
  }

  /** Many events of one person's change at once (an import's rows), in one multi-row INSERT. */
  recordManyBy(
    actor: Actor,
    entries: Omit<AuditEntry, 'organizationId' | 'actorId'>[],
  ): Promise<void> {
    return this.recordMany(
      entries.map((entry) => ({
        ...entry,
        organizationId: actor.organizationId,
        actorId: actor.userId,
      })),
    );
  }

  /** Many events at once (e.g. the scan expiring certificates), 500 per multi-row INSERT. */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const manager = this.transactions.manager;
    const repo = this.events.repo(manager);
    const now = this.clock.now();
    // Not through plain(): insertRows writes the snapshots with JSON.stringify, which drops
    // what plain() drops (undefined, functions) and writes dates as plain() does.
    const events = entries.map((entry) =>
      repo.create({
        organizationId: entry.organizationId,
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: (entry.before ?? null) as Record<string, unknown> | null,
        after: (entry.after ?? null) as Record<string, unknown> | null,
        createdAt: now,
      }),
    );
    for (let start = 0; start < events.length; start += MANY_PER_INSERT)
      await insertRows(manager, AuditEvent, events.slice(start, start + MANY_PER_INSERT));
  }

  /**
   * A stamp of the organization's latest change to these kinds of records: every change
   * is an audit event, so a different stamp means the data changed since it was taken.
   */
  async changeStamp(
    organizationId: string,
    entityTypes: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<string> {
    const row = await this.events
      .query(manager, organizationId, 'event')
      .select('COUNT(*)', 'count')
      .addSelect('MAX(event.createdAt)', 'latest')
      .andWhere('event.entityType IN (:...entityTypes)', { entityTypes })
      .getRawOne<{ count: string | number; latest: string | Date | null }>();
    const latest =
      row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest ?? '');
    return `${String(row?.count ?? 0)}@${latest}`;
  }

  /** Shorthand for a change made by a signed-in person. */
  recordBy(
    actor: Actor,
    action: string,
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    return this.record({
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      entityType,
      entityId,
      before,
      after,
    });
  }

  async list(actor: Actor, query: AuditEventQueryDto): Promise<Page<AuditEventResponse>> {
    const where: Record<string, string> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.action) where.action = query.action;
    const [rows, total] = await this.events.list(this.transactions.manager, actor.organizationId, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      ...skipTake(query),
    });
    return pageOf(rows.map(toAuditEventResponse), total, query);
  }
}

function plain(value: object | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
