import { readFileSync } from 'node:fs';
import { configFile } from '../config/project-root';
import type { StoredReminderPolicy as ReminderPolicy } from '../organizations/organization.entity';
import type { ProductionWording } from './production-wording';

let wording: ProductionWording | null = null;
let defaultPolicy: ReminderPolicy | null = null;

/** The shipped production word list (config/production-wording.json), read once. */
export function productionWording(): ProductionWording {
  wording ??= JSON.parse(
    readFileSync(configFile('production-wording.json'), 'utf8'),
  ) as ProductionWording;
  return wording;
}

/** The reminder policy every organization has until an admin changes it (config/reminder-policy.json). */
export function defaultReminderPolicy(): ReminderPolicy {
  defaultPolicy ??= JSON.parse(
    readFileSync(configFile('reminder-policy.json'), 'utf8'),
  ) as ReminderPolicy;
  return defaultPolicy;
}

/** How far ahead gaps look: the largest threshold of the policy (90 days by default). */
export function horizonDays(policy: ReminderPolicy | null): number {
  const thresholds = (policy ?? defaultReminderPolicy()).thresholdsDays ?? [];
  return thresholds.length > 0 ? Math.max(...thresholds) : 90;
}
