import { addDays, addYears } from '../common/dates';

/** A certificate nobody has checked this long after it was recorded should be checked. */
export const FIRST_CHECK_AFTER_DAYS = 14;

export interface VerificationDueFacts {
  certificateId: string;
  /** The day the certificate was recorded, in the organization's timezone. */
  recordedOn: string;
  /** Whether any check (of any result) was ever recorded. */
  everChecked: boolean;
  /** The day of the newest `confirmed` check, or null. */
  lastConfirmedOn: string | null;
  /** The result of the newest check decides whether the certificate counts as verified. */
  latestIsConfirmed: boolean;
}

export interface VerificationDue {
  reason: 'never_verified' | 'check_expired';
  dueOn: string;
  /** The same fact found by a later scan gives the same key. */
  dedupeKey: string;
}

/**
 * When a certificate's verification falls due:
 * - never checked: 14 days after it was recorded;
 * - verified: a year after its last confirmation (the check goes stale then).
 * Certificates whose latest check failed are not reminded of here: they show as failed
 * (and as a gap) until someone records a new check.
 */
export function verificationDue(
  facts: VerificationDueFacts,
  today: string,
): VerificationDue | null {
  if (!facts.everChecked) {
    const dueOn = addDays(facts.recordedOn, FIRST_CHECK_AFTER_DAYS);
    return dueOn <= today
      ? {
          reason: 'never_verified',
          dueOn,
          dedupeKey: `cert:${facts.certificateId}:verification_due:never`,
        }
      : null;
  }
  if (facts.latestIsConfirmed && facts.lastConfirmedOn !== null) {
    const dueOn = addYears(facts.lastConfirmedOn, 1);
    return dueOn <= today
      ? {
          reason: 'check_expired',
          dueOn,
          dedupeKey: `cert:${facts.certificateId}:verification_due:${facts.lastConfirmedOn}`,
        }
      : null;
  }
  return null;
}
