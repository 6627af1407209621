import { addMonths } from '../../common/dates';

/**
 * When the next surveillance audit of a certificate is due at the latest, by the rule
 * that governs it. Pure: dates are YYYY-MM-DD strings.
 *
 * - `CNCA-QMS-01:2025` (China, in force 2026-01-01), clause 5.4.1.4: the first
 *   surveillance audit after initial certification or recertification within 12 months
 *   of the certificate's issue date, then at most 12 months apart; an overdue one means
 *   the certificate must be suspended (and revoked when the suspension runs out).
 * - `ISO/IEC 17021-1:2015`, 9.6.2.2: the first within 12 months of the certification
 *   decision (the issue date stands for it), then at least once a calendar year: by
 *   31 December of the year after the last one.
 */
export const SURVEILLANCE_RULES = ['CNCA-QMS-01:2025', 'ISO/IEC 17021-1:2015'] as const;
export type SurveillanceRule = (typeof SURVEILLANCE_RULES)[number];

/**
 * The rule that governs a certificate's surveillance. In mainland China only bodies
 * approved by CNCA may certify, so a certificate held there, or one accredited by CNAS
 * (which accredits only CNCA-approved bodies), comes from a CNCA-approved body and follows
 * CNCA-QMS-01:2025; any other follows ISO/IEC 17021-1.
 */
export function surveillanceRuleFor(holder: {
  /** ISO 3166-1 alpha-2 of the certified organization; null when unknown. */
  country: string | null;
  /** Economy of the accreditation body named on the certificate (signatory list); null when unknown. */
  accreditationEconomy: string | null;
}): SurveillanceRule {
  return holder.country === 'CN' || holder.accreditationEconomy === 'CN'
    ? 'CNCA-QMS-01:2025'
    : 'ISO/IEC 17021-1:2015';
}

export function surveillanceDueBy(
  rule: SurveillanceRule,
  issuedOn: string,
  lastSurveillanceOn: string | null,
): string {
  const last = lastSurveillanceOn && lastSurveillanceOn > issuedOn ? lastSurveillanceOn : null;
  if (last === null) return twelveMonthsAfter(issuedOn);
  if (rule === 'CNCA-QMS-01:2025') return twelveMonthsAfter(last);
  return `${Number(last.slice(0, 4)) + 1}-12-31`;
}

/**
 * addMonths(date, 12), kept per date: the signals and the scan ask it of every
 * certificate, and an organization's certificates share a few hundred issue dates.
 */
function twelveMonthsAfter(date: string): string {
  let answer = twelveMonths.get(date);
  if (answer === undefined) {
    answer = addMonths(date, 12);
    if (twelveMonths.size >= 10_000) twelveMonths.clear();
    twelveMonths.set(date, answer);
  }
  return answer;
}

const twelveMonths = new Map<string, string>();

export interface SurveillanceStatus {
  rule: SurveillanceRule;
  dueBy: string;
  overdue: boolean;
  /** CNCA-QMS-01:2025: an overdue surveillance audit means suspension. */
  suspensionDue: boolean;
}

/**
 * The surveillance clock of a certificate on `today`; null when no surveillance is due
 * before expiry (the recertification audit takes its place).
 */
export function surveillanceStatus(
  rule: SurveillanceRule,
  certificate: { issuedOn: string; expiresOn: string },
  lastSurveillanceOn: string | null,
  today: string,
): SurveillanceStatus | null {
  const dueBy = surveillanceDueBy(rule, certificate.issuedOn, lastSurveillanceOn);
  if (dueBy >= certificate.expiresOn) return null;
  const overdue = today > dueBy;
  return { rule, dueBy, overdue, suspensionDue: overdue && rule === 'CNCA-QMS-01:2025' };
}

/** Days before the rule's last day on which the trader is told that no audit is planned in time. */
export const SURVEILLANCE_DEADLINE_THRESHOLDS_DAYS = [30, 7] as const;

export interface SurveillanceDeadline {
  dueBy: string;
  /** `30` or `7` days before dueBy, or `overdue` after it. */
  threshold: (typeof SURVEILLANCE_DEADLINE_THRESHOLDS_DAYS)[number] | 'overdue';
}

/**
 * The surveillance_deadline reminder of a certificate on `today`: 30 and 7 days before the
 * rule's last day when no surveillance audit is planned by then (a planned one in time is
 * announced by surveillance_audit_due), and once overdue. Null otherwise.
 */
export function surveillanceDeadline(
  clock: SurveillanceStatus | null,
  nextSurveillanceAuditOn: string | null,
  today: string,
): SurveillanceDeadline | null {
  if (clock === null) return null;
  if (clock.overdue) return { dueBy: clock.dueBy, threshold: 'overdue' };
  if (nextSurveillanceAuditOn !== null && nextSurveillanceAuditOn <= clock.dueBy) return null;
  const days = Math.round((Date.parse(clock.dueBy) - Date.parse(today)) / 86_400_000);
  const crossed = [...SURVEILLANCE_DEADLINE_THRESHOLDS_DAYS]
    .sort((a, b) => a - b)
    .find((threshold) => days <= threshold);
  return crossed === undefined ? null : { dueBy: clock.dueBy, threshold: crossed };
}

/**
 * The last surveillance audit to count from when none is recorded since the certificate
 * was recorded here: audits due before that day are presumed done on time (certpact did not
 * know the certificate then), so a certificate entered with its history missing is told of
 * its next deadline, not flagged overdue for the past. The risk signal still asks for the
 * missing audits; this only keeps reminders looking forward.
 */
export function presumedLastSurveillance(
  rule: SurveillanceRule,
  issuedOn: string,
  lastSurveillanceOn: string | null,
  recordedOn: string,
): string | null {
  let last = lastSurveillanceOn && lastSurveillanceOn > issuedOn ? lastSurveillanceOn : null;
  for (let due = surveillanceDueBy(rule, issuedOn, last); due < recordedOn;) {
    last = due;
    due = surveillanceDueBy(rule, issuedOn, last);
  }
  return last;
}
