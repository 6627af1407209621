import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/errors';
import { Page, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { DigestDeliveryService } from './digest-delivery.service';
import { ReminderQueryDto, ScanResponse } from './dto/reminder.dto';
import { ReminderQueues } from './reminder-queues';
import { ReminderScanService } from './reminder-scan.service';
import { Reminder } from './reminder.entity';

/** What admins do with reminders by hand: list them, scan now, retry a failed one. */
@Injectable()
export class RemindersService {
  private readonly reminders = new TenantRepository(Reminder, () => notFound('reminder'));

  constructor(
    private readonly transactions: Transactions,
    private readonly scanner: ReminderScanService,
    private readonly delivery: DigestDeliveryService,
    private readonly queues: ReminderQueues,
  ) {}

  async list(actor: Actor, query: ReminderQueryDto): Promise<Page<Reminder>> {
    const q = this.reminders.query(this.transactions.manager, actor.organizationId, 'r');
    if (query.state) q.andWhere('r.state = :state', { state: query.state });
    if (query.kind) q.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.certificateId) {
      q.andWhere("r.subjectType = 'certificate'").andWhere('r.subjectId = :subjectId', {
        subjectId: query.certificateId,
      });
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await q
      .orderBy('r.dueOn', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return pageOf(rows, total, query);
  }

  /** Scans now and sends the digests at once; a refused digest goes to the queue to be retried. */
  async scanNow(actor: Actor): Promise<ScanResponse> {
    const result = await this.scanner.scan(actor.organizationId);
    const outcome = await this.sendNow(
      actor.organizationId,
      result.pendingDigests.map((d) => d.digestId),
      result.scanOn,
    );
    return { scanOn: result.scanOn, created: result.created, ...outcome };
  }

  /** Puts a failed reminder back to pending with fresh attempts and sends it. */
  async retry(actor: Actor, id: string): Promise<Reminder> {
    const row = await this.transactions.run(async (manager) => {
      const found = await this.reminders.get(manager, actor.organizationId, id);
      if (found.state !== 'failed') {
        throw new DomainError(
          'conflict',
          'REMINDER.NOT_FAILED',
          `Only a failed reminder can be retried; this one is ${found.state}`,
          [{ field: 'state', message: `is ${found.state}, not failed` }],
        );
      }
      await this.reminders.update(
        manager,
        actor.organizationId,
        { id: found.id },
        { state: 'pending', attempts: 0, claimToken: null, claimedUntil: null },
      );
      return found;
    });
    await this.sendNow(actor.organizationId, [row.digestId], row.scanOn);
    return this.reminders.get(this.transactions.manager, actor.organizationId, id);
  }

  private async sendNow(
    organizationId: string,
    digestIds: string[],
    day: string,
  ): Promise<{ digestsSent: number; digestsRetrying: number }> {
    let digestsSent = 0;
    let digestsRetrying = 0;
    for (const digestId of digestIds) {
      const outcome = await this.delivery.deliver(digestId);
      if (outcome.status === 'sent') digestsSent++;
      if (outcome.status === 'retry') {
        digestsRetrying++;
        await this.queues.queueDigests(
          organizationId,
          [{ digestId, attempts: outcome.attempts }],
          day,
          this.queues.backoffAfter(outcome.attempts),
        );
      }
    }
    return { digestsSent, digestsRetrying };
  }
}
