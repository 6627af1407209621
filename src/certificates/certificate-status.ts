import { addDays } from '../common/dates';

/**
 * Certificate statuses and the one rule for which of them a certificate has in effect.
 * Pure: plain values in, "today" (in the organization's timezone) passed in.
 */
export const CERTIFICATE_STATUSES = [
  'active',
  'suspended',
  'withdrawn',
  'expired',
  'superseded',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * Statuses that lapse into `expired` once the certificate's last valid day has passed:
 * the certificate is in force, so it still has surveillance audits and an expiry ahead.
 */
export const LAPSING_STATUSES = ['active', 'suspended'] as const satisfies CertificateStatus[];

/** Whether a certificate of this status is in force (LAPSING_STATUSES). */
export function isInForce(status: string): boolean {
  return (LAPSING_STATUSES as readonly string[]).includes(status);
}

/**
 * Statuses a buyer's demand is weighed against: those in force and withdrawn ones, which
 * count until their date and are flagged (not_verified) rather than silently missing.
 */
export const WEIGHED_STATUSES = [
  ...LAPSING_STATUSES,
  'withdrawn',
] as const satisfies CertificateStatus[];

export interface StatusFacts {
  status: CertificateStatus;
  /** The certificate's last valid day, YYYY-MM-DD. */
  expiresOn: string;
}

/**
 * The last day the certificate counts: its `expiresOn`, or its edition's `validUntil`
 * from the standards catalogue when that comes first (IAF Resolution 2017-13: every
 * certificate of a withdrawn edition "shall expire or be withdrawn" on that day).
 */
export function lastValidDay(expiresOn: string, editionValidUntil: string | null): string {
  return editionValidUntil !== null && editionValidUntil < expiresOn
    ? editionValidUntil
    : expiresOn;
}

/** The first day the certificate is expired: the day after its last valid day. */
export function expiredFrom(expiresOn: string, editionValidUntil: string | null): string {
  return addDays(lastValidDay(expiresOn, editionValidUntil), 1);
}

/**
 * The status a certificate has on `today`: an active or suspended certificate is
 * `expired` from the first day after its last valid day, whether or not the daily scan
 * has stored that yet. Withdrawn, superseded and expired ones keep their status.
 */
export function effectiveStatus(
  certificate: StatusFacts,
  editionValidUntil: string | null,
  today: string,
): CertificateStatus {
  if (!isInForce(certificate.status)) return certificate.status;
  return today > lastValidDay(certificate.expiresOn, editionValidUntil)
    ? 'expired'
    : certificate.status;
}

/** Whether the scan's state-change step should store `expired` for this certificate today. */
export function lapsesBy(
  certificate: StatusFacts,
  editionValidUntil: string | null,
  today: string,
): boolean {
  return effectiveStatus(certificate, editionValidUntil, today) !== certificate.status;
}

/** Statuses that still call for reminders: in force, or lapsed without a successor. */
export const REMINDABLE_STATUSES = [
  'active',
  'suspended',
  'expired',
] as const satisfies CertificateStatus[];
