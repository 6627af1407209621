import { addDays } from '../common/dates';

export const FINDING_SEVERITIES = ['major', 'minor', 'observation'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * Days the factory has, from the audit date, to have its corrective action in place.
 *
 * Why these numbers: certification bodies working to ISO/IEC 17021-1 give a supplier
 * about 90 days at most to correct a nonconformity, and for a major one expect the
 * correction (with evidence) before they will certify or keep certifying, in practice
 * within 30 days. A trader's supplier audit follows the same practice so the buyer reads
 * familiar terms: a major finding (a requirement not met at all, or a failure that can
 * reach the product) is due in 30 days; a minor one (a lapse that does not put the
 * product at risk) in 90 days, in time for the next order cycle. An observation asks
 * for no corrective action, so it has no due date.
 */
export const CORRECTIVE_ACTION_DAYS: Record<FindingSeverity, number | null> = {
  major: 30,
  minor: 90,
  observation: null,
};

/** The due date of a finding's corrective action, counted from the audit date. */
export function correctiveActionDueOn(severity: FindingSeverity, auditedOn: string): string | null {
  const days = CORRECTIVE_ACTION_DAYS[severity];
  return days === null ? null : addDays(auditedOn, days);
}
