import { addDays, daysBetween, todayIn } from '../common/dates';

/**
 * Due-date arithmetic of the reminder engine. Pure: dates are `YYYY-MM-DD` strings in the
 * organization's calendar, "today" is passed in.
 */

/** The organization's calendar date at `instant`: a scan at 23:30 UTC is already tomorrow in Shanghai. */
export function scanDate(timezone: string, instant: Date): string {
  return todayIn(timezone, instant);
}

/** Whole days from `today` to `dueOn`; negative once `dueOn` has passed. */
export function daysUntil(today: string, dueOn: string): number {
  return daysBetween(today, dueOn);
}

/**
 * The threshold to notify for today, or null.
 *
 * A threshold T is crossed once `daysLeft <= T`. Of all thresholds crossed so far the
 * latest one (the smallest) is the only one notified: a certificate recorded 25 days
 * before expiry, or a scan missed for a week, yields one notice for the 30-day
 * threshold, not one each for 90, 60 and 30. Nothing once the date has passed
 * (`daysLeft < 0`): overdue notices take over.
 */
export function latestCrossedThreshold(
  thresholdsDays: readonly number[],
  daysLeft: number,
): number | null {
  if (daysLeft < 0) return null;
  let latest: number | null = null;
  for (const threshold of thresholdsDays) {
    if (daysLeft <= threshold && (latest === null || threshold < latest)) latest = threshold;
  }
  return latest;
}

export interface OverdueOccurrence {
  /** The overdue day this occurrence belongs to (1 = the day after the due date). */
  overdueDay: number;
  /** From `escalateAfterDays` on, every admin is told as well. */
  escalated: boolean;
}

/**
 * The overdue notice to send, or null while nothing is overdue.
 *
 * Overdue day 1 is the day after the due date. Notices fall on overdue day 1 and every
 * `overdueRepeatDays` after it; on overdue day `escalateAfterDays` the notice is
 * escalated, and the repeats continue every `overdueRepeatDays` from that day on, still
 * escalated. As with thresholds, only the latest occurrence reached is notified (one
 * notice after a missed week, not two).
 *
 * With the defaults (repeat 7, escalate 7): days 1, 7 (escalated), 14, 21… (escalated).
 */
export function latestOverdueOccurrence(
  daysLeft: number,
  overdueRepeatDays: number,
  escalateAfterDays: number,
): OverdueOccurrence | null {
  if (daysLeft >= 0) return null;
  const overdueDay = -daysLeft;
  const repeat = Math.max(1, overdueRepeatDays);
  const escalateOn = Math.max(1, escalateAfterDays);
  if (overdueDay >= escalateOn) {
    const step = Math.floor((overdueDay - escalateOn) / repeat);
    return { overdueDay: escalateOn + step * repeat, escalated: true };
  }
  const step = Math.floor((overdueDay - 1) / repeat);
  return { overdueDay: 1 + step * repeat, escalated: false };
}

/** The last date a scan on `today` must look at: the furthest threshold ahead. */
export function horizonEnd(today: string, thresholdsDays: readonly number[]): string {
  return addDays(today, horizonDays({ thresholdsDays }));
}

/**
 * How far ahead a policy looks, in days: its largest threshold. Reminders announce
 * nothing further out, and scope gaps call a certificate "expiring soon" within it.
 */
export function horizonDays(policy: { thresholdsDays: readonly number[] }): number {
  return Math.max(0, ...policy.thresholdsDays);
}

/** Surveillance audits are announced 30 and 7 days ahead, whatever the policy. */
export const SURVEILLANCE_THRESHOLDS_DAYS = [30, 7] as const;

/** "Most urgent first": escalated items, then the earliest due, then by kind. */
export function byUrgency(
  a: { daysLeft: number; escalated: boolean; kind: string },
  b: { daysLeft: number; escalated: boolean; kind: string },
): number {
  if (a.escalated !== b.escalated) return a.escalated ? -1 : 1;
  if (a.daysLeft !== b.daysLeft) return a.daysLeft - b.daysLeft;
  return a.kind.localeCompare(b.kind);
}
