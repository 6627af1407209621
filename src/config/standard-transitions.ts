import { addDays, isCalendarDate } from '../common/dates';

/**
 * Editions of management-system standards and their transitions. A transition has two
 * dates, as in the 2015 precedent (IAF Resolution 2017-13):
 * - `newEditionAuditsFrom`: from this day (inclusive) the audits it names must use the
 *   successor edition (2018-03-15 for ISO 9001:2008 and ISO 14001:2004);
 * - `validUntil`: the last day a certificate of the edition counts, whatever date it
 *   carries (2018-09-15: "all ISO 9001:2008 and ISO 14001:2004 certifications shall
 *   expire or be withdrawn"). From the next day it is treated as expired.
 * Pure: the catalogue entries and "today" are passed in.
 */
export const EDITION_STATUSES = ['published', 'expected'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const AUDIT_KINDS = ['initial', 'surveillance', 'recertification'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface SourcedFact {
  /** Where the fact was taken from: document, clause, page. */
  source: string;
  /** The day it was taken (YYYY-MM-DD). */
  takenOn: string;
}

export interface TransitionDate extends SourcedFact {
  /** YYYY-MM-DD, or null while undecided. */
  date: string | null;
  /** Announced or inferred, not yet set by an accreditation document. */
  provisional: boolean;
  /** newEditionAuditsFrom only: which audits must use the successor (default: all). */
  appliesTo?: AuditKind[];
}

export interface StandardEdition {
  code: string;
  family: string;
  edition: string;
  title: string;
  /** `expected`: publication not confirmed; a catalogue update flips it to `published`. */
  status: EditionStatus;
  publishedOn: string | null;
  /** The edition that replaces this one, once published (or expected). */
  successor: string | null;
  statusSource?: SourcedFact;
  /** Null for an edition with no transition under way. */
  newEditionAuditsFrom: TransitionDate | null;
  validUntil: TransitionDate | null;
}

/** Whether a certificate of this edition still counts on `today` (the edition's validUntil not passed). */
export function editionValidOn(
  edition: Pick<StandardEdition, 'validUntil'> | undefined,
  today: string,
): boolean {
  const until = edition?.validUntil?.date ?? null;
  return until === null || today <= until;
}

/**
 * The status a certificate has in effect as far as its edition goes: a certificate of an
 * edition past its validUntil is expired, whatever date it carries (IAF Resolution
 * 2017-13). Withdrawn, superseded and expired ones keep their status.
 */
export function effectiveCertificateStatus<S extends string>(
  certificate: { status: S },
  edition: Pick<StandardEdition, 'validUntil'> | undefined,
  today: string,
): S | 'expired' {
  if (certificate.status !== 'active' && certificate.status !== 'suspended')
    return certificate.status;
  return editionValidOn(edition, today) ? certificate.status : 'expired';
}

export interface NextAudit {
  kind: 'surveillance' | 'recertification';
  /** The planned date of a surveillance audit, or the expiry by which recertification must be done. */
  dueOn: string;
}

/**
 * The next audit of a certificate: its planned surveillance audit when that is still
 * ahead and before expiry, else the recertification audit, which must be done before
 * expiry (ISO/IEC 17021-1:2015, 9.6.3.1.4; CNCA-QMS-01:2025, 5.8.2).
 */
export function nextAudit(
  certificate: { expiresOn: string; nextSurveillanceAuditOn: string | null },
  today: string,
): NextAudit {
  const surveillance = certificate.nextSurveillanceAuditOn;
  if (surveillance !== null && surveillance >= today && surveillance < certificate.expiresOn) {
    return { kind: 'surveillance', dueOn: surveillance };
  }
  return { kind: 'recertification', dueOn: certificate.expiresOn };
}

/** Days before the audit on which `transition_audit_due` tells people: a transition takes months to prepare. */
export const TRANSITION_NOTICE_DAYS = [180, 90, 30] as const;

export interface TransitionAuditDue {
  audit: NextAudit;
  successor: string;
  newEditionAuditsFrom: string;
  /** The notice threshold crossed today (days before the audit). */
  thresholdDays: number;
  validUntil: string | null;
}

/**
 * `transition_audit_due`: the certificate's next audit falls on or after the day from
 * which that kind of audit must use the successor edition, so it must be a transition
 * audit. Told at 180, 90 and 30 days before the audit (the latest crossed threshold
 * only), never once the audit date has passed or the edition is void.
 */
export function transitionAuditDue(
  certificate: { expiresOn: string; nextSurveillanceAuditOn: string | null },
  edition: StandardEdition | undefined,
  today: string,
): TransitionAuditDue | null {
  const from = edition?.newEditionAuditsFrom;
  if (!edition || !edition.successor || !from || from.date === null) return null;
  if (!editionValidOn(edition, today)) return null;
  const audit = nextAudit(certificate, today);
  if (audit.dueOn < from.date || audit.dueOn < today) return null;
  const appliesTo = from.appliesTo ?? AUDIT_KINDS;
  if (!appliesTo.includes(audit.kind)) return null;
  let threshold: number | null = null;
  for (const days of TRANSITION_NOTICE_DAYS) {
    if (addDays(today, days) >= audit.dueOn) threshold = days;
  }
  if (threshold === null) return null;
  return {
    audit,
    successor: edition.successor,
    newEditionAuditsFrom: from.date,
    thresholdDays: threshold,
    validUntil: edition.validUntil?.date ?? null,
  };
}

/** The editions reached from `code` through successors, `code` first. */
export function editionLine(code: string, byCode: ReadonlyMap<string, StandardEdition>): string[] {
  const line: string[] = [];
  let current: string | null = code;
  while (current !== null && !line.includes(current)) {
    line.push(current);
    current = byCode.get(current)?.successor ?? null;
  }
  return line;
}

function sourcedProblems(value: unknown, at: string): string[] {
  const fact = value as Partial<SourcedFact>;
  const problems: string[] = [];
  if (typeof fact?.source !== 'string' || fact.source.trim() === '')
    problems.push(`${at}.source must say where the fact comes from`);
  if (!isCalendarDate(fact?.takenOn)) problems.push(`${at}.takenOn must be a date YYYY-MM-DD`);
  return problems;
}

function transitionDateProblems(value: unknown, at: string, audits: boolean): string[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    return [`${at} must be null or { date, provisional, source, takenOn }`];
  const date = value as Partial<TransitionDate>;
  const problems = sourcedProblems(value, at);
  if (date.date !== null && !isCalendarDate(date.date))
    problems.push(`${at}.date must be a date YYYY-MM-DD or null`);
  if (typeof date.provisional !== 'boolean')
    problems.push(`${at}.provisional must be true or false`);
  if (date.appliesTo !== undefined) {
    if (!audits) problems.push(`${at}.appliesTo belongs to newEditionAuditsFrom only`);
    else if (
      !Array.isArray(date.appliesTo) ||
      date.appliesTo.length === 0 ||
      date.appliesTo.some((kind) => !AUDIT_KINDS.includes(kind))
    )
      problems.push(`${at}.appliesTo must list some of ${AUDIT_KINDS.join(', ')}`);
  }
  return problems;
}

/**
 * Checks a catalogue file; returns the problems found, each naming its entry
 * (`standards[4] "ISO 14001:2015": validUntil.date must be …`), empty when sound.
 */
export function catalogueProblems(raw: unknown, otherCodes: readonly string[] = []): string[] {
  const standards = (raw as { standards?: unknown })?.standards;
  if (!Array.isArray(standards) || standards.length === 0)
    return ['standards must be a non-empty list'];
  const problems: string[] = [];
  const codes = new Set<string>(otherCodes);
  for (const entry of standards as Partial<StandardEdition>[]) {
    if (typeof entry?.code === 'string') codes.add(entry.code);
  }
  const seen = new Set<string>();
  standards.forEach((entry: Partial<StandardEdition>, i) => {
    const where =
      typeof entry?.code === 'string' ? `standards[${i}] "${entry.code}"` : `standards[${i}]`;
    const add = (message: string) => problems.push(`${where}: ${message}`);
    if (typeof entry !== 'object' || entry === null) return add('must be an object');
    if (typeof entry.code !== 'string' || entry.code.trim() === '' || entry.code.length > 40)
      add('code must be text of 1 to 40 characters');
    else if (seen.has(entry.code)) add('code is listed twice');
    else seen.add(entry.code);
    for (const field of ['family', 'edition', 'title'] as const)
      if (typeof entry[field] !== 'string' || entry[field] === '') add(`${field} is required`);
    if (!EDITION_STATUSES.includes(entry.status as EditionStatus))
      add(`status must be one of ${EDITION_STATUSES.join(', ')}`);
    if (entry.publishedOn !== null && !isCalendarDate(entry.publishedOn))
      add('publishedOn must be a date YYYY-MM-DD or null');
    if (entry.status === 'published' && entry.publishedOn === null)
      add('publishedOn is required once status is published');
    if (
      entry.successor !== null &&
      (typeof entry.successor !== 'string' || !codes.has(entry.successor))
    )
      add(`successor must be null or the code of another edition of the catalogue`);
    if (entry.statusSource !== undefined)
      problems.push(...sourcedProblems(entry.statusSource, `${where}: statusSource`));
    problems.push(
      ...transitionDateProblems(entry.newEditionAuditsFrom, `${where}: newEditionAuditsFrom`, true),
      ...transitionDateProblems(entry.validUntil, `${where}: validUntil`, false),
    );
    const transition = entry.newEditionAuditsFrom ?? entry.validUntil;
    if (transition && !entry.successor) add('a transition needs the successor edition');
    const from = entry.newEditionAuditsFrom?.date;
    const until = entry.validUntil?.date;
    if (isCalendarDate(from) && isCalendarDate(until) && from > until)
      add(`newEditionAuditsFrom ${from} must not be after validUntil ${until}`);
  });
  return problems;
}
