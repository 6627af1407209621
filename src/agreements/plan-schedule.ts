/**
 * Certification plans: when each step of a plan template falls due, and how long the
 * plan allows for it (its pace). Pure functions over `YYYY-MM-DD` strings.
 */
import { addDays, addMonths, daysBetween } from '../common/dates';

export const MILESTONE_OWNERS = ['trader', 'factory'] as const;
export type MilestoneOwner = (typeof MILESTONE_OWNERS)[number];

/** A step of a plan template: due `months` calendar months and then `days` days after startsOn. */
export interface PlanStep {
  key: string;
  name: string;
  /** The name in Simplified Chinese, for mails and pages read in Chinese. */
  nameZh: string;
  owner: MilestoneOwner;
  months: number;
  days: number;
}

export interface PlanTemplate {
  id: string;
  name: string;
  nameZh: string;
  description: string;
  /** The plan's length: the default targetOn is startsOn plus this many months. */
  months: number;
  milestones: PlanStep[];
}

export interface ScheduledStep {
  key: string;
  name: string;
  owner: MilestoneOwner;
  dueOn: string;
  /** Days the plan allows for this step: from the previous step's due date (startsOn for the first). */
  plannedDays: number;
  position: number;
}

/**
 * Months first, then days: 31 January + 1 month + 3 days = 3 March (28 February + 3),
 * or 2 March in a leap year. Adding the days first would let a month-end clamp swallow them.
 */
export function dueOnFor(startsOn: string, step: Pick<PlanStep, 'months' | 'days'>): string {
  return addDays(addMonths(startsOn, step.months), step.days);
}

/** Days from `previousDueOn` to `dueOn`, never negative (a step never gives time back). */
export function plannedDaysBetween(previousDueOn: string, dueOn: string): number {
  return Math.max(0, daysBetween(previousDueOn, dueOn));
}

/** Every step of the template with its due date for an agreement starting on `startsOn`. */
export function schedulePlan(template: PlanTemplate, startsOn: string): ScheduledStep[] {
  let previous = startsOn;
  return template.milestones.map((step, position) => {
    const dueOn = dueOnFor(startsOn, step);
    const plannedDays = plannedDaysBetween(previous, dueOn);
    previous = dueOn > previous ? dueOn : previous;
    return { key: step.key, name: step.name, owner: step.owner, dueOn, plannedDays, position };
  });
}

export function defaultTargetOn(template: PlanTemplate, startsOn: string): string {
  return addMonths(startsOn, template.months);
}

export interface AgreementWarning {
  code: 'TARGET_TOO_SOON' | 'TARGET_TOO_LATE';
  field: 'targetOn';
  message: string;
}

export const MIN_PLAN_MONTHS = 3;
export const MAX_PLAN_MONTHS = 6;

/**
 * A certification plan takes 3 to 6 months. A target outside that window is accepted
 * (the trader may know better) but answered with a warning. "3 months after 31 January"
 * is 30 April, clamped like addMonths.
 */
export function targetWarnings(startsOn: string, targetOn: string): AgreementWarning[] {
  const earliest = addMonths(startsOn, MIN_PLAN_MONTHS);
  const latest = addMonths(startsOn, MAX_PLAN_MONTHS);
  if (targetOn < earliest) {
    return [
      {
        code: 'TARGET_TOO_SOON',
        field: 'targetOn',
        message: `targetOn ${targetOn} is less than ${MIN_PLAN_MONTHS} months after startsOn ${startsOn} (before ${earliest}); certification plans usually take ${MIN_PLAN_MONTHS} to ${MAX_PLAN_MONTHS} months`,
      },
    ];
  }
  if (targetOn > latest) {
    return [
      {
        code: 'TARGET_TOO_LATE',
        field: 'targetOn',
        message: `targetOn ${targetOn} is more than ${MAX_PLAN_MONTHS} months after startsOn ${startsOn} (after ${latest}); certification plans usually take ${MIN_PLAN_MONTHS} to ${MAX_PLAN_MONTHS} months`,
      },
    ];
  }
  return [];
}

/**
 * Checks the shipped templates file; returns the problems found (empty when sound), so a
 * broken config/plan-templates.json stops the program with a message naming the fault.
 */
export function templateProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const templates = (raw as { templates?: unknown })?.templates;
  if (!Array.isArray(templates) || templates.length === 0) {
    return ['templates must be a non-empty list'];
  }
  const ids = new Set<string>();
  templates.forEach((template: Partial<PlanTemplate>, t) => {
    const where = `templates[${t}]`;
    if (typeof template.id !== 'string' || !/^[a-z0-9-]+$/.test(template.id))
      problems.push(`${where}.id must be lower-case letters, digits and dashes`);
    else if (ids.has(template.id)) problems.push(`${where}.id ${template.id} is used twice`);
    else ids.add(template.id);
    if (typeof template.name !== 'string' || !template.name)
      problems.push(`${where}.name is required`);
    if (typeof template.nameZh !== 'string' || !template.nameZh)
      problems.push(`${where}.nameZh (the name in Chinese) is required`);
    if (!Number.isInteger(template.months) || (template.months ?? 0) < 1)
      problems.push(`${where}.months must be a whole number of months, at least 1`);
    if (!Array.isArray(template.milestones) || template.milestones.length === 0) {
      problems.push(`${where}.milestones must be a non-empty list`);
      return;
    }
    template.milestones.forEach((step: Partial<PlanStep>, s) => {
      const at = `${where}.milestones[${s}]`;
      if (typeof step.key !== 'string' || !step.key) problems.push(`${at}.key is required`);
      if (typeof step.name !== 'string' || !step.name) problems.push(`${at}.name is required`);
      if (typeof step.nameZh !== 'string' || !step.nameZh)
        problems.push(`${at}.nameZh (the name in Chinese) is required`);
      if (!MILESTONE_OWNERS.includes(step.owner as MilestoneOwner))
        problems.push(`${at}.owner must be trader or factory`);
      if (!Number.isInteger(step.months) || (step.months ?? -1) < 0)
        problems.push(`${at}.months must be a whole number, 0 or more`);
      if (!Number.isInteger(step.days) || (step.days ?? -1) < 0)
        problems.push(`${at}.days must be a whole number, 0 or more`);
    });
  });
  return problems;
}
