import type { CertificateStatus } from '../certificates/certificate.entity';
import type { VerificationState } from '../certificates/certificate-links';
import { addDays, addYears } from '../common/dates';
import type { VerificationResult } from './verification.entity';

/** Registries publish new certificates late: a `not_found` this soon after issue is not a failure. */
export const REGISTRY_GRACE_DAYS = 45;

export interface CheckFact {
  result: VerificationResult;
  checkedOn: string;
  /** Orders checks recorded on the same day (later wins). */
  recordedAt: Date;
}

/** The check that decides the state: the newest by checkedOn, then by when it was recorded. */
export function latestCheck<T extends CheckFact>(checks: readonly T[]): T | null {
  let latest: T | null = null;
  for (const check of checks) {
    if (
      !latest ||
      check.checkedOn > latest.checkedOn ||
      (check.checkedOn === latest.checkedOn && check.recordedAt > latest.recordedAt)
    ) {
      latest = check;
    }
  }
  return latest;
}

/**
 * The verification state of a certificate from its checks:
 * - `verified`: the latest check is `confirmed` and less than a year old;
 * - `pending_registry`: the latest check is `not_found` and the certificate was issued
 *   within the last 45 days (it becomes `failed` on the 46th day);
 * - `failed`: the latest check is `mismatch`, `suspended`, `withdrawn`, or a `not_found`
 *   for an older certificate;
 * - `unverified`: no check, or a confirmation a year old or more.
 */
export function verificationState(
  checks: readonly CheckFact[],
  issuedOn: string,
  today: string,
): VerificationState {
  const latest = latestCheck(checks);
  if (!latest) return 'unverified';
  switch (latest.result) {
    case 'confirmed':
      return addYears(latest.checkedOn, 1) > today ? 'verified' : 'unverified';
    case 'not_found':
      return addDays(issuedOn, REGISTRY_GRACE_DAYS) >= today ? 'pending_registry' : 'failed';
    case 'mismatch':
    case 'suspended':
    case 'withdrawn':
      return 'failed';
  }
}

/**
 * The certificate status a registry result moves it to, or null for no change. A
 * superseded certificate stays superseded (its renewal is what matters now), and a
 * withdrawal is never undone by a later suspension.
 */
export function statusAfterResult(
  current: CertificateStatus,
  result: VerificationResult,
): CertificateStatus | null {
  if (current === 'superseded') return null;
  if (result === 'withdrawn' && current !== 'withdrawn') return 'withdrawn';
  if (result === 'suspended' && current === 'active') return 'suspended';
  return null;
}
