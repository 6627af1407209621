/**
 * Is an agreement at risk of missing its target? Pure: "today" is passed in.
 *
 * An open agreement is at risk when
 * 1. a pending milestone is overdue (its dueOn is before today), or
 * 2. its remaining milestones cannot fit before targetOn at the plan's pace.
 *
 * The pace: every milestone carries `plannedDays`, the days its plan allows for it, fixed
 * when it is created: for a template step, the days between its due date and the previous
 * step's (startsOn for the first), i.e. the template's own rhythm; for a milestone added by
 * hand, the days from the latest due date before its own (or startsOn) unless given.
 * Work is taken to run one milestone after another, resuming from the anchor: the latest
 * completedOn of a done milestone, or startsOn when none is done (never earlier than startsOn).
 * The first remaining milestone (earliest due) ends no sooner than today and no sooner than
 * anchor + its plannedDays; each further remaining milestone adds its plannedDays:
 *
 *   projectedFinishOn = max(today, anchor + plannedDays(first)) + Σ plannedDays(others)
 *
 * and the agreement is at risk when projectedFinishOn is after targetOn. Skipped
 * milestones take no time. Final agreements (certified, terminated, lapsed) are never at risk.
 */
import { addDays, daysBetween } from '../common/dates';
import { AgreementStatus, isOpen } from './agreement-transitions';

export const MILESTONE_STATUSES = ['pending', 'done', 'skipped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneFacts {
  id: string;
  name: string;
  dueOn: string;
  status: MilestoneStatus;
  completedOn: string | null;
  plannedDays: number;
  position: number;
}

export interface AgreementFacts {
  status: AgreementStatus;
  startsOn: string;
  targetOn: string;
}

export type RiskReason =
  | {
      code: 'MILESTONE_OVERDUE';
      message: string;
      milestoneId: string;
      overdueCount: number;
    }
  | {
      code: 'PLAN_CANNOT_FIT';
      message: string;
      projectedFinishOn: string;
      daysLate: number;
    };

/** Pending milestones, earliest due first (the plan's order breaks ties). */
export function remainingMilestones<T extends MilestoneFacts>(milestones: T[]): T[] {
  return milestones
    .filter((m) => m.status === 'pending')
    .sort((a, b) => (a.dueOn === b.dueOn ? a.position - b.position : a.dueOn < b.dueOn ? -1 : 1));
}

/** When the remaining milestones would be done at the plan's pace; null when none remain. */
export function projectedFinishOn(
  agreement: AgreementFacts,
  milestones: MilestoneFacts[],
  today: string,
): string | null {
  const remaining = remainingMilestones(milestones);
  if (remaining.length === 0) return null;
  const anchor = milestones
    .filter((m) => m.status === 'done' && m.completedOn !== null)
    .reduce((latest, m) => (m.completedOn! > latest ? m.completedOn! : latest), agreement.startsOn);
  const [first, ...others] = remaining;
  const firstEnds = addDays(anchor, first.plannedDays);
  const start = firstEnds > today ? firstEnds : today;
  return addDays(
    start,
    others.reduce((sum, m) => sum + m.plannedDays, 0),
  );
}

export function assessRisk(
  agreement: AgreementFacts,
  milestones: MilestoneFacts[],
  today: string,
): RiskReason | null {
  if (!isOpen(agreement.status)) return null;
  const remaining = remainingMilestones(milestones);
  const overdue = remaining.filter((m) => m.dueOn < today);
  if (overdue.length > 0) {
    const first = overdue[0];
    const days = daysBetween(first.dueOn, today);
    const more = overdue.length > 1 ? ` (and ${overdue.length - 1} more overdue)` : '';
    return {
      code: 'MILESTONE_OVERDUE',
      message: `Milestone "${first.name}" was due on ${first.dueOn}, ${days} day${days === 1 ? '' : 's'} ago${more}`,
      milestoneId: first.id,
      overdueCount: overdue.length,
    };
  }
  const finish = projectedFinishOn(agreement, milestones, today);
  if (finish !== null && finish > agreement.targetOn) {
    const daysLate = daysBetween(agreement.targetOn, finish);
    return {
      code: 'PLAN_CANNOT_FIT',
      message: `The ${remaining.length} remaining milestone${remaining.length === 1 ? '' : 's'} need until ${finish} at the plan's pace, ${daysLate} day${daysLate === 1 ? '' : 's'} after targetOn ${agreement.targetOn}`,
      projectedFinishOn: finish,
      daysLate,
    };
  }
  return null;
}
