import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderPolicy } from '../organizations/organization.entity';

/**
 * The contract between the reminder engine and every feature that has something to
 * remind people of. Adding a kind of reminder is one small file: a provider class
 * decorated with @ReminderSource() that implements ReminderSourceHandler, listed in its
 * feature module's providers. The engine discovers every such provider, asks each for
 * what is due on each scan, stores one row per notice and recipient under a unique
 * dedupe key, and sends every recipient one digest a day.
 */
export const REMINDER_SOURCE = 'certpact:reminder-source';
export const ReminderSource = (): ClassDecorator => SetMetadata(REMINDER_SOURCE, true);

/**
 * Who must hear of a notice (the rule itself: reminder-recipients.ts):
 * - `responsible`: the factory's contact email and factory managers (when factoryId is
 *   set), and the colleagues who look after the factory, or, when nobody does, the
 *   organization default (`unassignedRecipients`: the admins, or every admin and member);
 * - `admins`: the organization's admins only.
 */
export type ReminderAudience = 'responsible' | 'admins';

export type ReminderLocale = 'en' | 'zh-CN';

/** One thing that is due, found by a source during a scan. */
export interface DueNotice {
  /** e.g. `certificate_expiring`, `milestone_due`, `scope_gap`; one of the source's `kinds`. */
  kind: string;
  /**
   * Unique per notice (not per recipient): the same fact found by a later scan yields the
   * same key, so it is never stored or sent twice. e.g. `cert:<id>:expiring:30`.
   */
  dedupeKey: string;
  /** What the notice is about: `certificate`, `milestone`, `agreement`, `gap`… */
  subjectType: string;
  subjectId: string;
  /** The factory concerned (its contact and managers are told), or null. */
  factoryId: string | null;
  /** The calendar date the thing falls due (expiry, audit date, milestone due date). */
  dueOn: string;
  audience: ReminderAudience;
  /** Tell every admin too (overdue escalation), whoever looks after the factory. */
  escalateToAdmins?: boolean;
  /** Everything the template needs, captured at scan time (plain JSON). */
  payload: Record<string, unknown>;
}

export interface ScanContext {
  organizationId: string;
  /** Today in the organization's timezone, YYYY-MM-DD. */
  today: string;
  policy: ReminderPolicy;
  /** For reads only; the engine stores the notices. */
  manager: EntityManager;
  /** Sources should read their rows in batches of about this size, never all at once. */
  batchSize: number;
}

/**
 * The pages of a keyset read in id order, for sources that read their rows batch by
 * batch: `read(afterId)` answers up to `batchSize` rows with ids above `afterId` ('' for
 * the first page). A short page is the last one, so a source whose rows fit one batch
 * sends one statement, not a second that finds nothing.
 */
export async function* pagesById<T extends { id: string }>(
  batchSize: number,
  read: (afterId: string) => Promise<T[]>,
): AsyncGenerator<T[]> {
  const size = Math.max(1, batchSize);
  let afterId = '';
  for (;;) {
    const page = await read(afterId);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    afterId = page[page.length - 1].id;
  }
}

/** A stored notice as the digest renders it. */
export interface NoticeToRender {
  kind: string;
  subjectType: string;
  subjectId: string;
  factoryId: string | null;
  dueOn: string;
  /** Days from the digest's date to dueOn (negative when overdue). */
  daysLeft: number;
  payload: Record<string, unknown>;
}

export interface RenderedNotice {
  /** One line, e.g. "ISO 9001:2015 certificate 04524Q30123 of Yuyao Valve expires". */
  title: string;
  /** Optional second line with what to do. */
  detail?: string;
  /** Path of the web page under PUBLIC_URL, e.g. `/certificates/<id>` (the web app mirrors the API paths). */
  link: string;
}

export interface ReminderSourceHandler {
  /** The kinds this source produces. */
  readonly kinds: readonly string[];
  /** Yields what is due today, in batches. Reads only: state changes are scan steps. */
  scan(context: ScanContext): AsyncIterable<DueNotice[]>;
  /** Words for one notice in the digest, in the recipient's language. */
  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice;
}

/**
 * The daily scan runs in two phases: first every state change, in the order below, then
 * every reminder source (which only read). A state change is a provider decorated
 * @ScanStep(order) that implements ScanStepHandler, listed in its feature module's
 * providers. Later steps see what earlier ones stored: gap episodes are opened and
 * closed after certificates have expired and agreements have lapsed.
 */
export const SCAN_STEP = 'certpact:scan-step';
export const SCAN_STEP_ORDER = {
  expireCertificates: 10,
  lapseAgreements: 20,
  gapEpisodes: 30,
} as const;
export const ScanStep = (order: number): ClassDecorator => SetMetadata(SCAN_STEP, order);

export interface ScanStepHandler {
  /** A short name for logs, e.g. `expire certificates`. */
  readonly name: string;
  /** Runs once per organization per scan; writes through the feature's own service. */
  run(context: ScanContext): Promise<void>;
}
