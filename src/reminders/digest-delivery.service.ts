import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { In, IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock';
import { appConfig, remindersConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { renderDigest } from './digest/digest.mail';
import { daysUntil } from './reminder-due';
import type { RenderedNotice } from './reminder-source';
import { ReminderMetrics } from './reminder-metrics';
import {
  acknowledgedKey,
  ReminderAcknowledgementsService,
} from './reminder-acknowledgements.service';
import { ReminderSources } from './reminder-sources';
import { ContactUnsubscribeService } from './contact-unsubscribe.service';
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

/**
 * Sends one digest exactly once: claims its pending rows with a conditional UPDATE (two
 * workers never both hold a row), mails them, and marks them sent only after the mail
 * server accepted the message.
 */
@Injectable()
export class DigestDeliveryService {
  private readonly logger = new Logger('Reminders');

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
    const token = randomUUID();
    const rows = await this.claim(digestId, token);
    if (rows.length === 0) {
      const until = await this.heldUntil(digestId);
      return until ? { status: 'held', until } : { status: 'nothing' };
    }

    const first = rows[0];
    const contact =
      first.recipientRole === 'factory_contact' && first.factoryId
        ? {
            organizationId: first.organizationId,
            factoryId: first.factoryId,
            email: first.recipient,
          }
        : null;
    if (contact && !(await this.unsubscribes.mailable(contact))) {
      return this.dropUnsubscribed(digestId, token, rows.length);
    }

    let messageId: string;
    try {
      messageId = digestMessageId(
        digestId,
        rows.map((row) => row.id),
      );
      const organization = await this.organizations.get(rows[0].organizationId);
      const acknowledged = await this.acknowledgements.latestFor(organization.id, rows);
      const digest = await renderDigest({
        organizationName: organization.name,
        digestOn: first.scanOn,
        locale: first.locale,
        linkToSubmission:
          first.recipientRole === 'factory_manager' || first.recipientRole === 'factory_contact',
        publicUrl: this.app.publicUrl,
        reader: contact ? 'contact' : 'user',
        ...(contact ? { unsubscribeUrl: this.unsubscribes.pageUrlFor(contact) } : {}),
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
          const ack = acknowledged.get(acknowledgedKey(row));
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
      await this.mail.send({
        to: first.recipient,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
        messageId,
        headers: {
          'X-Certpact-Digest': digestId,
          // Someone who is no user can stop the mail in one click (RFC 8058).
          ...(contact ? this.unsubscribes.headersFor(contact) : {}),
        },
      });
    } catch (error) {
      return this.release(digestId, token, rows, error);
    }

    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          state: 'sent',
          sentAt: this.clock.now(),
          messageId,
          attempts: () => '"attempts" + 1',
          lastError: null,
          claimToken: null,
          claimedUntil: null,
        })
        .where({ digestId, claimToken: token })
        .execute(),
    );
    this.metrics.digestsSent.inc();
    return { status: 'sent', reminders: rows.length, messageId };
  }

  /** The claimed rows of a digest whose contact unsubscribed since the scan: visibly not sent. */
  private async dropUnsubscribed(
    digestId: string,
    token: string,
    reminders: number,
  ): Promise<DeliveryOutcome> {
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          state: 'failed',
          lastError: CONTACT_UNSUBSCRIBED_ERROR,
          claimToken: null,
          claimedUntil: null,
        })
        .where({ digestId, claimToken: token })
        .execute(),
    );
    this.logger.log(`Digest ${digestId} not sent: its factory contact unsubscribed`);
    return { status: 'unsubscribed', reminders };
  }

  private async claim(digestId: string, token: string): Promise<Reminder[]> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          claimToken: token,
          claimedUntil: new Date(now.getTime() + this.config.claimTtlMs),
        })
        .where('"digestId" = :digestId', { digestId })
        .andWhere(`"state" = 'pending'`)
        .andWhere('("claimedUntil" IS NULL OR "claimedUntil" < :now)', { now })
        .execute();
      if (!result.affected) return [];
      return manager
        .getRepository(Reminder)
        .find({ where: { digestId, claimToken: token }, order: { id: 'ASC' } });
    });
  }

  /** When the latest claim another sender holds on this digest's pending rows runs out. */
  private async heldUntil(digestId: string): Promise<Date | null> {
    const held = await this.transactions.manager.getRepository(Reminder).find({
      select: { id: true, claimedUntil: true },
      where: { digestId, state: 'pending', claimedUntil: Not(IsNull()) },
    });
    const latest = Math.max(...held.map((row) => row.claimedUntil?.getTime() ?? 0));
    return latest > this.clock.now().getTime() ? new Date(latest) : null;
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
        .getRepository(Reminder)
        .find({ select: { attempts: true }, where: { id: In(ids) } });
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
