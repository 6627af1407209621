import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { addDays, todayIn } from '../common/dates';
import { notFound } from '../common/errors';
import { requireOrganizationId, TenantRepository } from '../common/tenancy';
import { authConfig } from '../config/configuration';
import { andWhereIn } from '../database/in-list';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { ReminderAcknowledgement } from './reminder-acknowledgement.entity';
import { Quiet, stageOf } from './reminder-quiet';
import { Reminder } from './reminder.entity';
import { ReminderErrors } from './reminders.errors';
import { purposeSigner } from '../common/purpose-keys';

/** How long a mailed acknowledgement link works. */
const LINK_DAYS = 14;
/** Quiet days when the link is used without a date. */
const LINK_QUIET_DAYS = 7;
/** The farthest a notice may be silenced. */
const MAX_QUIET_DAYS = 366;
const LINK_AUDIENCE = 'certpact:reminder-acknowledge';

interface LinkClaims {
  rid: string;
  org: string;
  nonce: string;
}

/**
 * "We are on it": acknowledgements of notices, from the web app or from the signed
 * one-click link of the digest (no login; single purpose, expiring, working once).
 */
@Injectable()
export class ReminderAcknowledgementsService {
  private readonly acknowledgements = new TenantRepository(ReminderAcknowledgement, () =>
    notFound('reminder_acknowledgement'),
  );
  private readonly reminders = new TenantRepository(Reminder, ReminderErrors.notFound);
  private readonly links: JwtService;

  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>,
  ) {
    // A key of its own, derived from the signing secret: a sign-in token is no link, and
    // a link no sign-in token.
    this.links = purposeSigner(auth.jwtSecret, LINK_AUDIENCE);
  }

  /** By a signed-in recipient of the notice (admins: any notice of the organization). */
  async acknowledge(
    actor: Actor,
    reminderId: string,
    input: { note: string; quietUntil: string },
  ): Promise<ReminderAcknowledgement> {
    return this.transactions.run(async (manager) => {
      const row = await this.reminders.get(manager, actor.organizationId, reminderId);
      if (actor.role !== 'admin') {
        const received = await this.reminders.count(manager, actor.organizationId, {
          noticeKey: row.noticeKey,
          recipientUserId: actor.userId,
        });
        if (received === 0) throw ReminderErrors.notFound();
      }
      const today = await this.today(actor.organizationId);
      checkQuietUntil(input.quietUntil, today);
      const user = await this.users.get(actor.organizationId, actor.userId);
      return this.record(row, {
        note: input.note.trim(),
        quietUntil: input.quietUntil,
        acknowledgedById: actor.userId,
        acknowledgedBy: user.name,
        via: 'app',
        linkNonce: null,
      });
    });
  }

  /** The one-click link of a digest: a link for one reminder row, signed, expiring. */
  linkTokenFor(row: Pick<Reminder, 'id' | 'organizationId'>): string {
    const claims: LinkClaims = {
      rid: row.id,
      org: row.organizationId,
      nonce: randomBytes(16).toString('base64url'),
    };
    // `iat` from the application's clock: the expiry follows the same time as every rule.
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return this.links.sign(
      { ...claims, iat },
      { audience: LINK_AUDIENCE, expiresIn: `${LINK_DAYS}d` },
    );
  }

  /** By the mailed link, without a login: works once, refuses a tampered or expired token. */
  async acknowledgeByLink(input: {
    token: string;
    note?: string;
    quietUntil?: string;
  }): Promise<ReminderAcknowledgement> {
    let claims: LinkClaims;
    try {
      claims = this.links.verify<LinkClaims & object>(input.token, {
        audience: LINK_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TokenExpiredError')
        throw ReminderErrors.linkGone('expired');
      throw ReminderErrors.linkInvalid();
    }
    if (typeof claims.rid !== 'string' || typeof claims.org !== 'string')
      throw ReminderErrors.linkInvalid();
    return this.transactions.run(async (manager) => {
      const row = await this.reminders
        .get(manager, claims.org, claims.rid)
        .catch(() => Promise.reject(ReminderErrors.linkInvalid()));
      const used = await this.acknowledgements.count(manager, claims.org, {
        linkNonce: claims.nonce,
      });
      if (used > 0) throw ReminderErrors.linkGone('used');
      const today = await this.today(claims.org);
      const quietUntil = input.quietUntil ?? addDays(today, LINK_QUIET_DAYS);
      checkQuietUntil(quietUntil, today);
      return this.record(row, {
        note: input.note?.trim() || '—',
        quietUntil,
        acknowledgedById: row.recipientUserId,
        acknowledgedBy: row.recipient,
        via: 'link',
        linkNonce: claims.nonce,
      });
    });
  }

  /** For the scan: the organization's acknowledgements still quiet on `today`. */
  async quietOn(manager: EntityManager, organizationId: string, today: string): Promise<Quiet[]> {
    return this.acknowledgements.findMany(manager, organizationId, {
      select: {
        kind: true,
        subjectType: true,
        subjectId: true,
        dueOn: true,
        stage: true,
        quietUntil: true,
      },
      where: { quietUntil: MoreThanOrEqual(today) },
    });
  }

  /**
   * The latest acknowledgement of the notices these rows stand for (same kind, subject
   * and due date: its repeats and escalations too), for the other recipients to see.
   * Keyed by `acknowledgedKey(row)`.
   */
  async latestFor(
    organizationId: string,
    rows: Pick<Reminder, 'kind' | 'subjectType' | 'subjectId' | 'dueOn'>[],
  ): Promise<Map<string, ReminderAcknowledgement>> {
    const result = new Map<string, ReminderAcknowledgement>();
    if (rows.length === 0) return result;
    const acks = await this.acknowledgements.findMany(this.transactions.manager, organizationId, {
      where: { subjectId: In([...new Set(rows.map((r) => r.subjectId))]) },
      order: { createdAt: 'ASC' },
    });
    for (const ack of acks) result.set(acknowledgedKey(ack), ack);
    return result;
  }

  /**
   * `latestFor` for rows of several organizations in one read (the digest worker's
   * batch), keyed by `acknowledgedAcrossKey(row)`: the organization and `acknowledgedKey`.
   */
  async latestAcross(
    rows: Pick<Reminder, 'organizationId' | 'kind' | 'subjectType' | 'subjectId' | 'dueOn'>[],
  ): Promise<Map<string, ReminderAcknowledgement>> {
    const result = new Map<string, ReminderAcknowledgement>();
    if (rows.length === 0) return result;
    const organizationIds = [...new Set(rows.map((row) => row.organizationId))];
    organizationIds.forEach(requireOrganizationId);
    // Across the batch's organizations, each named (and required) in the condition, each
    // answer keyed by its own organization.
    let query = this.acknowledgements
      .acrossTenants(this.transactions.manager)
      .createQueryBuilder('ack')
      .orderBy('ack.createdAt', 'ASC');
    query = andWhereIn(query, 'ack.organizationId', 'organizationIds', organizationIds);
    query = andWhereIn(
      query,
      'ack.subjectId',
      'subjectIds',
      rows.map((row) => row.subjectId),
    );
    for (const ack of await query.getMany()) result.set(acknowledgedAcrossKey(ack), ack);
    return result;
  }

  /** Inside the caller's `run`. */
  private async record(
    row: Reminder,
    fields: Pick<
      ReminderAcknowledgement,
      'note' | 'quietUntil' | 'acknowledgedById' | 'acknowledgedBy' | 'via' | 'linkNonce'
    >,
  ): Promise<ReminderAcknowledgement> {
    const manager = this.transactions.manager;
    const repo = this.acknowledgements.repo(manager);
    const ack = repo.create({
      ...fields,
      organizationId: row.organizationId,
      reminderId: row.id,
      noticeKey: row.noticeKey,
      kind: row.kind,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      dueOn: row.dueOn,
      stage: stageOf(row.payload),
      createdAt: this.clock.now(),
    });
    await repo.insert(ack);
    await this.audit.record({
      organizationId: row.organizationId,
      actorId: fields.acknowledgedById,
      action: 'reminder.acknowledged',
      entityType: row.subjectType,
      entityId: row.subjectId,
      before: null,
      after: {
        reminderId: row.id,
        kind: row.kind,
        note: fields.note,
        quietUntil: fields.quietUntil,
        acknowledgedBy: fields.acknowledgedBy,
        via: fields.via,
      },
    });
    return this.acknowledgements.get(manager, row.organizationId, ack.id);
  }

  private async today(organizationId: string): Promise<string> {
    const organization = await this.organizations.get(organizationId);
    return todayIn(organization.timezone, this.clock.now());
  }
}

function checkQuietUntil(quietUntil: string, today: string): void {
  if (quietUntil < today) throw ReminderErrors.quietUntil('quietUntil must not be in the past');
  if (quietUntil > addDays(today, MAX_QUIET_DAYS))
    throw ReminderErrors.quietUntil('quietUntil must be within a year');
}

/** What an acknowledgement covers: one kind of notice about one subject and due date. */
export function acknowledgedKey(
  row: Pick<Reminder, 'kind' | 'subjectType' | 'subjectId' | 'dueOn'>,
): string {
  return `${row.kind}|${row.subjectType}|${row.subjectId}|${row.dueOn}`;
}

/** `acknowledgedKey` within its organization: the key of `latestAcross`. */
export function acknowledgedAcrossKey(
  row: Pick<Reminder, 'organizationId' | 'kind' | 'subjectType' | 'subjectId' | 'dueOn'>,
): string {
  return `${row.organizationId}|${acknowledgedKey(row)}`;
}
