import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import type { Organization, ReminderPolicy } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { asReminderLocale, effectivePolicy } from './reminder-policy';
import { ReminderMetrics } from './reminder-metrics';
import { DigestToQueue, ReminderQueues } from './reminder-queues';
import { FactoryResponsiblesService } from './factory-responsibles.service';
import { ReminderAcknowledgementsService } from './reminder-acknowledgements.service';
import { isQuiet } from './reminder-quiet';
import { Directory, Recipient, recipientsOf, UnassignedRecipients } from './reminder-recipients';
import { scanDate } from './reminder-due';
import type { DueNotice, ReminderLocale, ScanContext } from './reminder-source';
import { ReminderSources } from './reminder-sources';
import { Reminder } from './reminder.entity';
import { ReminderErrors } from './reminders.errors';

export const SCAN_BATCH_SIZE = 500;
/** Rows per INSERT statement (27 parameters each): under SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;
/** Full INSERTs per transaction: at most 10,000 rows (a few MB) held between commits. */
const TRANSACTION_CHUNKS = 20;

export interface ScanResult {
  organizationId: string;
  scanOn: string;
  /** Reminder rows (notice × recipient) this scan stored. */
  created: number;
  /** Digests with pending rows nobody is sending right now. */
  pendingDigests: DigestToQueue[];
}

/** The digest a row belongs to: one per organization, day and recipient. */
export function digestIdOf(organizationId: string, scanOn: string, recipient: string): string {
  return createHash('sha256')
    .update(`${organizationId}|${scanOn}|${recipient}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The daily scan: runs the state-change steps, then asks every reminder source what is
 * due today in the organization's calendar, stores one row per notice and recipient (the unique dedupe key makes a
 * second scan, or two at once, store nothing new), then hands the pending digests on.
 */
@Injectable()
export class ReminderScanService {
  private readonly logger = new Logger('Reminders');
  private readonly reminders = new TenantRepository(Reminder, ReminderErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly sources: ReminderSources,
    private readonly queues: ReminderQueues,
    private readonly clock: Clock,
    private readonly metrics: ReminderMetrics,
    private readonly responsibles: FactoryResponsiblesService,
    private readonly acknowledgements: ReminderAcknowledgementsService,
    private readonly users: UsersService,
    private readonly factories: FactoriesService,
  ) {}

  /** The scheduled path: scan, then queue every pending digest (ids only). */
  async scanAndQueue(organizationId: string): Promise<ScanResult> {
    const result = await this.scan(organizationId);
    await this.queues.queueDigests(organizationId, result.pendingDigests, result.scanOn);
    return result;
  }

  async scan(organizationId: string, batchSize = SCAN_BATCH_SIZE): Promise<ScanResult> {
    const stop = this.metrics.scanDuration.startTimer({ organization: organizationId });
    try {
      return await this.scanOnce(organizationId, batchSize);
    } finally {
      stop();
    }
  }

  private async scanOnce(organizationId: string, batchSize: number): Promise<ScanResult> {
    const organization = await this.organizations.get(organizationId);
    const policy = effectivePolicy(organization);
    const now = this.clock.now();
    const today = scanDate(policy.timezone, now);
    const context: ScanContext = {
      organizationId,
      today,
      policy,
      manager: this.transactions.manager,
      batchSize,
    };
    const directory = await OrganizationDirectory.load(organization, policy, {
      manager: this.transactions.manager,
      users: this.users,
      factories: this.factories,
      responsibles: this.responsibles,
    });

    const digestIds = new Map<string, string>();
    const digestOf = (recipient: string) => {
      let digestId = digestIds.get(recipient);
      if (!digestId) {
        digestId = digestIdOf(organizationId, today, recipient);
        digestIds.set(recipient, digestId);
      }
      return digestId;
    };

    // First the state changes, in their order (certificates expire, agreements lapse,
    // gap episodes open and close), so that every source reads the day as it now is.
    for (const step of this.sources.steps()) {
      try {
        await step.run(context);
      } catch (error) {
        this.logger.error(
          `Scan step "${step.name}" failed for ${organizationId}: ${
            error instanceof Error ? (error.stack ?? error.message) : String(error)
          }`,
        );
      }
    }

    // Acknowledged notices stay quiet until their date (reminder-quiet.ts).
    const quiets = await this.acknowledgements.quietOn(
      this.transactions.manager,
      organizationId,
      today,
    );

    const rows = new PendingRows((chunks) => this.store(chunks));
    for (const source of this.sources.all()) {
      // One broken source must not keep the others' notices from going out; what it
      // found before failing is stored, and the next scan tries it again.
      try {
        for await (const found of source.scan(context)) {
          const notices =
            quiets.length === 0 ? found : found.filter((n) => !isQuiet(n, quiets, today));
          await directory.loadContacts(notices.map((n) => n.factoryId));
          await rows.add(rowsOf(organizationId, today, notices, directory, digestOf));
        }
      } catch (error) {
        this.logger.error(
          `Reminder source ${source.constructor.name} failed for ${organizationId}: ${
            error instanceof Error ? (error.stack ?? error.message) : String(error)
          }`,
        );
      }
    }
    const created = await rows.flush();
    const pendingDigests = await this.pendingDigests(organizationId, now);
    if (created > 0)
      this.logger.log(`Scan of ${organizationId} for ${today}: ${created} reminders`);
    return { organizationId, scanOn: today, created, pendingDigests };
  }

  /** Digests of the organization with pending rows that no sender holds. */
  async pendingDigests(
    organizationId: string,
    now: Date = this.clock.now(),
  ): Promise<DigestToQueue[]> {
    const rows = await this.reminders
      .query(this.transactions.manager, organizationId, 'r')
      .select('r.digestId', 'digestId')
      .addSelect('MAX(r.attempts)', 'attempts')
      .andWhere("r.state = 'pending'")
      .andWhere('(r.claimedUntil IS NULL OR r.claimedUntil < :now)', { now })
      .groupBy('r.digestId')
      .getRawMany<{ digestId: string; attempts: number | string }>();
    return rows.map((row) => ({ digestId: row.digestId, attempts: Number(row.attempts) }));
  }

  /**
   * One transaction for the chunks, each one multi-row INSERT of up to 500 rows of any
   * kind. ON CONFLICT DO NOTHING leaves out what an earlier scan (or another process, at
   * this very moment) stored; RETURNING names the kind of each new row, so the new rows
   * are counted by kind without splitting the INSERTs by kind.
   */
  private store(chunks: ReminderInsert[][]): Promise<number> {
    const postgres = !this.transactions.isSqlite;
    return this.transactions.run(async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('Transactions.run gave a manager without its query runner');
      let created = 0;
      for (const chunk of chunks) {
        let n = 0;
        const values = chunk
          .map(
            () => `(${REMINDER_INSERT_COLUMNS.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`,
          )
          .join(', ');
        // The leading comment is deliberate: TypeORM's SQLite runner sends a statement
        // that starts with "INSERT " through run(), which drops RETURNING's rows; any
        // other statement goes through all(), which answers them.
        const result = (await runner.query(
          `/* reminder scan */ INSERT INTO "reminders" (${REMINDER_INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${values} ON CONFLICT ("dedupeKey") DO NOTHING RETURNING "kind"`,
          chunk.flatMap((row) => REMINDER_INSERT_COLUMNS.map((column) => row[column])),
          true,
        )) as { records?: { kind: string }[] };
        const byKind = new Map<string, number>();
        for (const { kind } of result.records ?? []) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        for (const [kind, count] of byKind) {
          this.metrics.created.inc({ kind }, count);
          created += count;
        }
      }
      return created;
    });
  }
}

/** One row per notice and recipient. */
function rowsOf(
  organizationId: string,
  today: string,
  notices: DueNotice[],
  directory: OrganizationDirectory,
  digestOf: (recipient: string) => string,
): ReminderInsert[] {
  const rows: ReminderInsert[] = [];
  for (const notice of notices) {
    for (const recipient of recipientsOf(notice, directory)) {
      rows.push(rowFor(organizationId, today, notice, recipient, digestOf(recipient.email)));
    }
  }
  return rows;
}

/**
 * The rows found so far and not yet stored: held until they fill TRANSACTION_CHUNKS
 * INSERTs, then written in one transaction, the rest at the end of the scan. So each
 * source batch costs no statement of its own (the sources yield a few rows each per
 * batch), a scan commits once per TRANSACTION_CHUNKS × 500 rows instead of once per
 * INSERT (a commit costs a disk flush, as much as a full INSERT), and the scan holds at
 * most that many rows whatever the organization's size.
 */
class PendingRows {
  private full: ReminderInsert[][] = [];
  private pending: ReminderInsert[] = [];
  private created = 0;

  constructor(private readonly store: (chunks: ReminderInsert[][]) => Promise<number>) {}

  async add(rows: ReminderInsert[]): Promise<void> {
    for (const row of rows) {
      this.pending.push(row);
      if (this.pending.length < INSERT_CHUNK) continue;
      this.full.push(this.pending);
      this.pending = [];
    }
    if (this.full.length < TRANSACTION_CHUNKS) return;
    const full = this.full;
    this.full = [];
    this.created += await this.store(full);
  }

  /** Stores what is left; answers how many rows the whole scan stored. */
  async flush(): Promise<number> {
    const rest = this.pending.length > 0 ? [...this.full, this.pending] : this.full;
    this.full = [];
    this.pending = [];
    if (rest.length > 0) this.created += await this.store(rest);
    return this.created;
  }
}

/** The columns the scan writes; the rest take their defaults (the scan bench's floor writes the same). */
export const REMINDER_INSERT_COLUMNS = [
  'id',
  'organizationId',
  'dedupeKey',
  'noticeKey',
  'kind',
  'subjectType',
  'subjectId',
  'factoryId',
  'recipient',
  'recipientUserId',
  'recipientRole',
  'locale',
  'audience',
  'escalated',
  'dueOn',
  'scanOn',
  'digestId',
  'payload',
  'state',
  'attempts',
] as const;
type ReminderInsert = Record<
  (typeof REMINDER_INSERT_COLUMNS)[number],
  string | number | boolean | null
>;

function rowFor(
  organizationId: string,
  today: string,
  notice: DueNotice,
  recipient: Recipient,
  digestId: string,
): ReminderInsert {
  return {
    id: randomUUID(),
    organizationId,
    dedupeKey: `${notice.dedupeKey}|${recipient.email}`,
    noticeKey: notice.dedupeKey,
    kind: notice.kind,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    factoryId: notice.factoryId,
    recipient: recipient.email,
    recipientUserId: recipient.userId,
    recipientRole: recipient.role,
    locale: recipient.locale,
    audience: notice.audience,
    escalated: notice.escalateToAdmins === true,
    dueOn: notice.dueOn,
    scanOn: today,
    digestId,
    payload: JSON.stringify(notice.payload),
    state: 'pending',
    attempts: 0,
  };
}

/** Where the directory reads people: each through the feature that owns them. */
interface DirectorySources {
  manager: EntityManager;
  users: UsersService;
  factories: FactoriesService;
  responsibles: FactoryResponsiblesService;
}

/** The organization's people, read once per scan; factory contacts and responsible staff as notices need them. */
class OrganizationDirectory implements Directory {
  private readonly contacts = new Map<string, Recipient | null>();
  private readonly responsible = new Map<string, Recipient[]>();

  private constructor(
    private readonly people: DirectorySources,
    private readonly organizationId: string,
    private readonly defaultLocale: ReminderLocale,
    readonly admins: Recipient[],
    readonly staff: Recipient[],
    private readonly managers: Map<string, Recipient[]>,
    readonly unassigned: UnassignedRecipients,
  ) {}

  static async load(
    organization: Organization,
    policy: ReminderPolicy,
    people: DirectorySources,
  ): Promise<OrganizationDirectory> {
    const defaultLocale = asReminderLocale(policy.locale) ?? 'en';
    const users = await people.users.reminderRecipients(organization.id, people.manager);
    const toRecipient = (user: (typeof users)[number]): Recipient => ({
      email: user.email,
      userId: user.id,
      role: user.role,
      locale: asReminderLocale(user.locale) ?? defaultLocale,
      factoryId: user.factoryId,
    });
    const admins = users.filter((u) => u.role === 'admin').map(toRecipient);
    const staff = [...admins, ...users.filter((u) => u.role === 'member').map(toRecipient)];
    const managers = new Map<string, Recipient[]>();
    for (const user of users) {
      if (user.role !== 'factory_manager' || !user.factoryId) continue;
      managers.set(user.factoryId, [...(managers.get(user.factoryId) ?? []), toRecipient(user)]);
    }
    return new OrganizationDirectory(
      people,
      organization.id,
      defaultLocale,
      admins,
      staff,
      managers,
      policy.unassignedRecipients,
    );
  }

  async loadContacts(factoryIds: (string | null)[]): Promise<void> {
    const missing = [...new Set(factoryIds)].filter(
      (id): id is string => id !== null && !this.contacts.has(id),
    );
    if (missing.length === 0) return;
    const factories = await this.people.factories.columnsOf(
      this.organizationId,
      missing,
      ['contactEmail', 'status', 'contactLocale', 'contactUnsubscribedAt'],
      this.people.manager,
    );
    for (const id of missing) this.contacts.set(id, null);
    for (const factory of factories) {
      // An unsubscribed contact hears nothing until an admin mails it again.
      if (!factory.contactEmail || factory.status === 'ended' || factory.contactUnsubscribedAt)
        continue;
      this.contacts.set(factory.id, {
        email: factory.contactEmail,
        userId: null,
        role: 'factory_contact',
        // The contact's own language, not the organization's: it is no user of ours.
        locale: asReminderLocale(factory.contactLocale) ?? this.defaultLocale,
        factoryId: factory.id,
      });
    }
    const staffById = new Map(this.staff.map((r) => [r.userId, r]));
    const responsible = await this.people.responsibles.responsibleFor(
      this.people.manager,
      this.organizationId,
      missing,
    );
    for (const id of missing) {
      this.responsible.set(
        id,
        (responsible.get(id) ?? [])
          .map((userId) => staffById.get(userId))
          .filter((r): r is Recipient => r !== undefined),
      );
    }
  }

  responsibleFor(factoryId: string): Recipient[] {
    return this.responsible.get(factoryId) ?? [];
  }

  managersOf(factoryId: string): Recipient[] {
    return this.managers.get(factoryId) ?? [];
  }

  contactOf(factoryId: string): Recipient | null {
    return this.contacts.get(factoryId) ?? null;
  }
}
