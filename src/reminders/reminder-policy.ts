import { readFileSync } from 'node:fs';
import { configFile } from '../config/project-root';
import type { Organization, ReminderPolicy } from '../organizations/organization.entity';
import type { ReminderLocale } from './reminder-source';

export const REMINDER_LOCALES: readonly ReminderLocale[] = ['en', 'zh-CN'];

let shipped: ReminderPolicy | null = null;

/** The shipped default, config/reminder-policy.json (read once). */
export function defaultReminderPolicy(): ReminderPolicy {
  if (!shipped) {
    const file = JSON.parse(
      readFileSync(configFile('reminder-policy.json'), 'utf8'),
    ) as ReminderPolicy;
    shipped = {
      thresholdsDays: file.thresholdsDays,
      sendHour: file.sendHour,
      timezone: file.timezone,
      locale: file.locale,
      escalateAfterDays: file.escalateAfterDays,
      overdueRepeatDays: file.overdueRepeatDays,
    };
  }
  return { ...shipped, thresholdsDays: [...shipped.thresholdsDays] };
}

/**
 * The policy in force: the organization's own once an admin saved one; until then the
 * shipped default, in the organization's own timezone and language.
 */
export function effectivePolicy(
  organization: Pick<Organization, 'reminderPolicy' | 'timezone' | 'locale'>,
): ReminderPolicy {
  const base = defaultReminderPolicy();
  const own = organization.reminderPolicy;
  if (own) return { ...base, ...own, thresholdsDays: normalizeThresholds(own.thresholdsDays) };
  return {
    ...base,
    timezone: organization.timezone || base.timezone,
    locale: organization.locale || base.locale,
    thresholdsDays: normalizeThresholds(base.thresholdsDays),
  };
}

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
