import { readFileSync } from 'node:fs';
import { configFile } from '../config/project-root';
import type {
  Organization,
  ReminderPolicy,
  StoredReminderPolicy,
} from '../organizations/organization.entity';
import type { ReminderLocale } from './reminder-source';
import { LOCALES } from '../common/locales';

export const REMINDER_LOCALES: readonly ReminderLocale[] = LOCALES;

let shipped: StoredReminderPolicy | null = null;

/** The shipped default, config/reminder-policy.json (read once). */
export function defaultReminderPolicy(): StoredReminderPolicy {
  if (!shipped) {
    const file = JSON.parse(
      readFileSync(configFile('reminder-policy.json'), 'utf8'),
    ) as StoredReminderPolicy;
    shipped = storedPart(file);
  }
  return { ...shipped, thresholdsDays: [...shipped.thresholdsDays] };
}

/** Only the fields a policy keeps (older rows also held timezone and locale). */
export function storedPart(policy: StoredReminderPolicy): StoredReminderPolicy {
  return {
    thresholdsDays: policy.thresholdsDays,
    sendHour: policy.sendHour,
    escalateAfterDays: policy.escalateAfterDays,
    overdueRepeatDays: policy.overdueRepeatDays,
    unassignedRecipients: policy.unassignedRecipients,
  };
}

/**
 * The policy in force: the organization's own once an admin saved one, else the shipped
 * default; always in the organization's timezone and language (one calendar).
 */
export function effectivePolicy(
  organization: Pick<Organization, 'reminderPolicy' | 'timezone' | 'locale'>,
): ReminderPolicy {
  const base = defaultReminderPolicy();
  const own = organization.reminderPolicy ? storedPart(organization.reminderPolicy) : null;
  // A policy saved before a field existed takes the shipped value for it.
  const stored = own
    ? {
        ...base,
        ...Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined)),
      }
    : base;
  return {
    ...stored,
    thresholdsDays: normalizeThresholds(stored.thresholdsDays),
    timezone: organization.timezone,
    locale: organization.locale,
  };
}

export { horizonDays } from './reminder-due';

/** Largest first, without repeats. */
export function normalizeThresholds(thresholds: readonly number[]): number[] {
  return [...new Set(thresholds)].sort((a, b) => b - a);
}

export function asReminderLocale(locale: string | null | undefined): ReminderLocale | null {
  return locale && (REMINDER_LOCALES as readonly string[]).includes(locale)
    ? (locale as ReminderLocale)
    : null;
}

/** The daily cron pattern at the policy's local hour (the scheduler adds the timezone). */
export function scanPattern(policy: Pick<ReminderPolicy, 'sendHour'>): string {
  return `0 ${policy.sendHour} * * *`;
}
