import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { In } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { appConfig, remindersConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { renderDigest } from './digest/digest.mail';
import { daysUntil } from './reminder-due';
import type { RenderedNotice } from './reminder-source';
import { ReminderMetrics } from './reminder-metrics';
import {
  acknowledgedAcrossKey,
  ReminderAcknowledgementsService,
} from './reminder-acknowledgements.service';
import { ReminderSources } from './reminder-sources';
import { ContactUnsubscribeService } from './contact-unsubscribe.service';
import type { ReminderAcknowledgement } from './reminder-acknowledgement.entity';
import { Reminder } from './reminder.entity';

export type DeliveryOutcome =
  /** The mail server accepted the digest; its rows are sent. */
  | { status: 'sent'; reminders: number; messageId: string }
  /** Nothing pending: sent already, or failed for good. */
  | { status: 'nothing' }
  /**
   * Pending, but another sender holds the rows until `until` (it may have been killed
   * mid-send): try again then, or the digest would wait for the next day's scan.
   */
  | { status: 'held'; until: Date }
  /** The server refused it; the rows are pending again with one more attempt spent. */
  | { status: 'retry'; attempts: number; error: string }
  /** The last attempt failed; the rows are `failed`. */
  | { status: 'failed'; error: string }
  /**
   * Not sent: the factory contact unsubscribed (or was replaced) after the scan queued the
   * digest; the rows are `failed` with `lastError` saying why, so nobody reads them as sent.
   */
  | { status: 'unsubscribed'; reminders: number };

/** The `lastError` of rows not sent because their contact unsubscribed after the scan. */
export const CONTACT_UNSUBSCRIBED_ERROR =
  'CONTACT_UNSUBSCRIBED: not sent, the factory contact unsubscribed after the scan';

/** Message-ID from the digest key and the rows it carries: a resend of the same digest folds. */
export function digestMessageId(digestId: string, reminderIds: string[]): string {
  const rows = createHash('sha256')
    .update([...reminderIds].sort().join(','))
    .digest('hex')
    .slice(0, 12);
  return `<digest-${digestId}-${rows}@certpact.reminders>`;
}

/** Most digests claimed, or marked, in one statement. */
export const BATCH_SIZE = 100;
/**
 * How long the first digest of a batch waits for others when no batch is at work:
 * BullMQ hands a worker's jobs over one at a time, a Redis round trip apart. While one
 * is at work, the next gathers until it is done (see Batches).
 */
const BATCH_WINDOW_MS = 3;

/**
 * What a batch's digests need besides their rows, read once for all its organizations:
 * three statements however many organizations the batch spans.
 */
interface BatchContext {
  /** By organization id; missing for an organization that is gone. */
  organizationNames: Map<string, string>;
  /** By `acknowledgedAcrossKey`. */
  acknowledged: Map<string, ReminderAcknowledgement>;
  /** By digest id: false when its factory contact unsubscribed since the scan. */
  mailable: Map<string, boolean>;
}

type Claim =
  | { claimed: false; heldUntil: Date | null }
  | { claimed: true; token: string; rows: Reminder[]; context: Promise<BatchContext> };

interface Finish {
  digestId: string;
  token: string;
  /** Set when sent; null when dropped because the contact unsubscribed. */
  messageId: string | null;
}

/**
 * Sends one digest exactly once: claims its pending rows with a conditional UPDATE (two
 * workers never both hold a row), mails them, and marks them sent only after the mail
 * server accepted the message.
 *
 * Digests delivered at about the same time (a worker's concurrent jobs) share their
 * database work: one statement claims the rows of up to BATCH_SIZE digests, their
 * organizations, acknowledgements and contacts' subscriptions are read in one statement
 * each for the whole batch, and one statement marks the sent ones. Each digest is still mailed on
 * its own and marked as soon as the server accepted it (within BATCH_WINDOW_MS), so a
 * slow send holds up no other digest's rows.
 */
@Injectable()
export class DigestDeliveryService {
  private readonly logger = new Logger('Reminders');
  private readonly claims = new Batches((digestIds: string[]) => this.claimAll(digestIds));
  private readonly finishes = new Batches((done: Finish[]) => this.finishAll(done));

  constructor(
    private readonly transactions: Transactions,
    private readonly mail: MailService,
    private readonly organizations: OrganizationsService,
    private readonly sources: ReminderSources,
    private readonly clock: Clock,
    private readonly metrics: ReminderMetrics,
    @Inject(remindersConfig.KEY) private readonly config: ConfigType<typeof remindersConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly acknowledgements: ReminderAcknowledgementsService,
    private readonly unsubscribes: ContactUnsubscribeService,
  ) {}

  async deliver(digestId: string): Promise<DeliveryOutcome> {
    const claim = await this.claims.add(digestId);
    if (!claim.claimed) {
      return claim.heldUntil ? { status: 'held', until: claim.heldUntil } : { status: 'nothing' };
    }
    const { token, rows } = claim;

    let context: BatchContext;
    let organizationName: string | undefined;
    try {
      context = await claim.context;
      organizationName = context.organizationNames.get(rows[0].organizationId);
      if (organizationName === undefined) throw notFound('organization');
    } catch (error) {
      return this.release(digestId, token, rows, error);
    }
    const contact = contactOf(rows[0]);
    if (contact && !context.mailable.get(digestId)) {
      await this.finishes.add({ digestId, token, messageId: null });
      this.logger.log(`Digest ${digestId} not sent: its factory contact unsubscribed`);
      return { status: 'unsubscribed', reminders: rows.length };
    }

    let messageId: string;
    try {
      messageId = digestMessageId(
        digestId,
        rows.map((row) => row.id),
      );
      // One signed unsubscribe token for the page link and the headers' one-click URL.
      const unsubscribeToken = contact ? this.unsubscribes.tokenFor(contact) : null;
      const digest = await this.render(rows, organizationName, context, unsubscribeToken);
      await this.mail.send({
        to: rows[0].recipient,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
        messageId,
        headers: {
          'X-Certpact-Digest': digestId,
          // Someone who is no user can stop the mail in one click (RFC 8058).
          ...(contact && unsubscribeToken
            ? this.unsubscribes.headersFor(contact, unsubscribeToken)
            : {}),
        },
      });
    } catch (error) {
      return this.release(digestId, token, rows, error);
    }

    await this.finishes.add({ digestId, token, messageId });
    this.metrics.digestsSent.inc();
    return { status: 'sent', reminders: rows.length, messageId };
  }

  private render(
    rows: Reminder[],
    organizationName: string,
    context: BatchContext,
    unsubscribeToken: string | null,
  ) {
    const first = rows[0];
    const contact = contactOf(first);
    return renderDigest({
      organizationName,
      digestOn: first.scanOn,
      locale: first.locale,
      linkToSubmission:
        first.recipientRole === 'factory_manager' || first.recipientRole === 'factory_contact',
      publicUrl: this.app.publicUrl,
      reader: contact ? 'contact' : 'user',
      ...(contact && unsubscribeToken
        ? { unsubscribeUrl: this.unsubscribes.pageUrlFor(contact, unsubscribeToken) }
        : {}),
      items: rows.map((row) => {
        const daysLeft = daysUntil(first.scanOn, row.dueOn);
        // Factory people are told what the factory must do, not the trader's escalation.
        const external =
          row.recipientRole === 'factory_contact' || row.recipientRole === 'factory_manager';
        const notice = {
          kind: row.kind,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          factoryId: row.factoryId,
          dueOn: row.dueOn,
          daysLeft,
          payload: external ? { ...row.payload, escalated: false } : row.payload,
        };
        const source = this.sources.forKind(row.kind);
        const rendered: RenderedNotice = source
          ? source.render(notice, row.locale)
          : {
              title: `${row.kind} (${row.subjectType} ${row.subjectId})`,
              link: `/reminders?kind=${row.kind}`,
            };
        const ack = context.acknowledged.get(acknowledgedAcrossKey(row));
        return {
          ...notice,
          escalated: external ? false : row.escalated,
          rendered,
          // Only colleagues say "we are on it"; a factory contact's digest has no such link.
          ...(row.recipientUserId && row.recipientRole !== 'factory_manager'
            ? {
                acknowledgeUrl: `${this.app.publicUrl}/acknowledge?token=${encodeURIComponent(
                  this.acknowledgements.linkTokenFor(row),
                )}`,
              }
            : {}),
          ...(ack
            ? {
                acknowledged: {
                  by: ack.acknowledgedBy,
                  note: ack.note,
                  quietUntil: ack.quietUntil,
                },
              }
            : {}),
        };
      }),
    });
  }

  /**
   * Claims the pending rows of these digests in one statement, under one token. A digest
   * whose rows another sender holds (or that has none pending) answers when that claim
   * runs out; one named twice is claimed once, and its second call finds nothing.
   */
  private async claimAll(digestIds: string[]): Promise<Claim[]> {
    const unique = [...new Set(digestIds)];
    const token = randomUUID();
    const now = this.clock.now();
    const rows = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          claimToken: token,
          claimedUntil: new Date(now.getTime() + this.config.claimTtlMs),
        })
        .where(this.inList('"digestId"', 'digestIds'), { digestIds: this.listParameter(unique) })
        .andWhere(`"state" = 'pending'`)
        .andWhere('("claimedUntil" IS NULL OR "claimedUntil" < :now)', { now })
        .execute();
      if (!result.affected) return [];
      return manager
        .createQueryBuilder(Reminder, 'reminder')
        .where(this.inList('reminder.digestId', 'digestIds'), {
          digestIds: this.listParameter(unique),
        })
        .andWhere('reminder.claimToken = :token', { token })
        .orderBy('reminder.id', 'ASC')
        .getMany();
    });

    const byDigest = groupBy(rows, (row) => row.digestId);
    const unclaimed = unique.filter((digestId) => !byDigest.has(digestId));
    const held = unclaimed.length > 0 ? await this.heldUntil(unclaimed) : new Map<string, Date>();
    const context = rows.length > 0 ? this.contextOf(byDigest) : null;
    context?.catch(() => undefined); // each digest awaits it, and releases its rows on failure

    const answered = new Set<string>();
    return digestIds.map((digestId): Claim => {
      const claimed = byDigest.get(digestId);
      if (!claimed || answered.has(digestId)) {
        return { claimed: false, heldUntil: held.get(digestId) ?? null };
      }
      answered.add(digestId);
      return { claimed: true, token, rows: claimed, context: context as Promise<BatchContext> };
    });
  }

  /** The organizations, latest acknowledgements and contacts' subscriptions: three reads. */
  private async contextOf(byDigest: Map<string, Reminder[]>): Promise<BatchContext> {
    const firsts = [...byDigest.values()].map((digest) => digest[0]);
    const rows = [...byDigest.values()].flat();
    const contacts = firsts.filter((first) => contactOf(first) !== null);
    const [organizationNames, acknowledged, mailable] = await Promise.all([
      this.organizations.namesOf(firsts.map((first) => first.organizationId)),
      this.acknowledgements.latestAcross(rows),
      contacts.length > 0
        ? this.unsubscribes.mailableAcross(
            contacts.map((first) => contactOf(first) as NonNullable<ReturnType<typeof contactOf>>),
          )
        : Promise.resolve([]),
    ]);
    return {
      organizationNames,
      acknowledged,
      mailable: new Map(contacts.map((first, i) => [first.digestId, mailable[i]])),
    };
  }

  /**
   * Sent digests' rows marked sent with their Message-ID, an unsubscribed contact's rows
   * failed with CONTACT_UNSUBSCRIBED: at most two statements per claim, in one transaction.
   */
  private async finishAll(done: Finish[]): Promise<void[]> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      for (const [token, ofClaim] of groupBy(done, (finish) => finish.token)) {
        const sent = ofClaim.filter((finish) => finish.messageId !== null);
        const dropped = ofClaim.filter((finish) => finish.messageId === null);
        if (sent.length > 0) {
          // Each digest's Message-ID from one JSON object bound as one parameter, rather
          // than a CASE with two parameters per digest that TypeORM replaces one by one.
          const messageIds = JSON.stringify(
            Object.fromEntries(sent.map((finish) => [finish.digestId, finish.messageId])),
          );
          await manager
            .createQueryBuilder()
            .update(Reminder)
            .set({
              state: 'sent',
              sentAt: now,
              messageId: () =>
                this.transactions.isSqlite
                  ? `(SELECT "value" FROM json_each(:messageIds) WHERE "key" = "digestId")`
                  : `(CAST(:messageIds AS jsonb) ->> "digestId")`,
              attempts: () => '"attempts" + 1',
              lastError: null,
              claimToken: null,
              claimedUntil: null,
            })
            .where(this.inList('"digestId"', 'digestIds'), {
              digestIds: this.listParameter(sent.map((f) => f.digestId)),
            })
            .andWhere('"claimToken" = :token', { token })
            .setParameters({ messageIds })
            .execute();
        }
        if (dropped.length > 0) {
          await manager
            .createQueryBuilder()
            .update(Reminder)
            .set({
              state: 'failed',
              lastError: CONTACT_UNSUBSCRIBED_ERROR,
              claimToken: null,
              claimedUntil: null,
            })
            .where(this.inList('"digestId"', 'digestIds'), {
              digestIds: this.listParameter(dropped.map((f) => f.digestId)),
            })
            .andWhere('"claimToken" = :token', { token })
            .execute();
        }
      }
    });
    return done.map(() => undefined);
  }

  /**
   * `column IN (list)` with the list bound as one parameter (see `listParameter`):
   * TypeORM replaces a spread list value by value, about 0.1 ms each (database/in-list.ts).
   */
  private inList(column: string, name: string): string {
    return this.transactions.isSqlite
      ? `${column} IN (SELECT "value" FROM json_each(:${name}))`
      : `${column} = ANY(:${name})`;
  }

  private listParameter(values: string[]): string | string[] {
    const distinct = [...new Set(values)];
    return this.transactions.isSqlite ? JSON.stringify(distinct) : distinct;
  }

  /** When the latest claim another sender holds on each digest's pending rows runs out. */
  private async heldUntil(digestIds: string[]): Promise<Map<string, Date>> {
    const held = await this.transactions.manager
      .createQueryBuilder(Reminder, 'reminder')
      .select(['reminder.id', 'reminder.digestId', 'reminder.claimedUntil'])
      .where(this.inList('reminder.digestId', 'digestIds'), {
        digestIds: this.listParameter(digestIds),
      })
      .andWhere(`reminder.state = 'pending'`)
      .andWhere('reminder.claimedUntil IS NOT NULL')
      .getMany();
    const now = this.clock.now().getTime();
    const until = new Map<string, Date>();
    for (const [digestId, rows] of groupBy(held, (row) => row.digestId)) {
      const latest = Math.max(...rows.map((row) => row.claimedUntil?.getTime() ?? 0));
      if (latest > now) until.set(digestId, new Date(latest));
    }
    return until;
  }

  /** One more attempt spent; the rows go back to pending, or to failed on the last one. */
  private async release(
    digestId: string,
    token: string,
    rows: Reminder[],
    error: unknown,
  ): Promise<DeliveryOutcome> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const max = this.config.maxAttempts;
    const ids = rows.map((row) => row.id);
    const attempts = await this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          attempts: () => '"attempts" + 1',
          lastError: message,
          claimToken: null,
          claimedUntil: null,
        })
        .where({ digestId, claimToken: token })
        .execute();
      await manager
        .createQueryBuilder()
        .update(Reminder)
        .set({ state: 'failed' })
        .where({ id: In(ids), state: 'pending' })
        .andWhere('"attempts" >= :max', { max })
        .execute();
      const after = await manager
        .createQueryBuilder(Reminder, 'reminder')
        .select(['reminder.id', 'reminder.attempts'])
        .where('reminder.id IN (:...ids)', { ids })
        .getMany();
      return Math.max(...after.map((row) => row.attempts));
    });
    this.metrics.digestsFailed.inc({ outcome: attempts >= max ? 'failed' : 'retry' });
    if (attempts >= max) {
      this.logger.warn(
        `Digest to ${rows[0].recipient} failed after ${attempts} attempts: ${message}`,
      );
      return { status: 'failed', error: message };
    }
    this.logger.warn(
      `Digest to ${rows[0].recipient} refused (attempt ${attempts} of ${max}): ${message}`,
    );
    return { status: 'retry', attempts, error: message };
  }
}

/** The factory contact a digest goes to, or null for a user's digest. */
function contactOf(
  first: Reminder,
): { organizationId: string; factoryId: string; email: string } | null {
  return first.recipientRole === 'factory_contact' && first.factoryId
    ? { organizationId: first.organizationId, factoryId: first.factoryId, email: first.recipient }
    : null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Calls of `add` become calls of `run` for many items, which answers each item in order.
 * With no batch at work, the first call waits BATCH_WINDOW_MS for others; while one is at
 * work, the calls gather until it is done and then go as one batch, so a batch grows with
 * the load instead of a busy worker sending many small ones (on SQLite they would queue
 * behind each other anyway). A batch of BATCH_SIZE goes at once.
 */
class Batches<I, O> {
  private waiting: { item: I; resolve: (answer: O) => void; reject: (error: unknown) => void }[] =
    [];
  private timer: NodeJS.Timeout | null = null;
  private atWork = 0;

  constructor(private readonly run: (items: I[]) => Promise<O[]>) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= BATCH_SIZE) this.flush();
      else if (this.atWork === 0) this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.atWork++;
    Promise.resolve()
      .then(() => this.run(batch.map((waiting) => waiting.item)))
      .then(
        (answers) => batch.forEach((waiting, i) => waiting.resolve(answers[i])),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        this.atWork--;
        if (this.atWork === 0 && this.waiting.length > 0) this.flush();
      });
  }
}
