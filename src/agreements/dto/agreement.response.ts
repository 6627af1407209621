import { daysBetween } from '../../common/dates';
import { Agreement, AgreementKind } from '../agreement.entity';
import { AgreementStatus, nextStatuses } from '../agreement-transitions';
import { assessRisk, MilestoneStatus, remainingMilestones, RiskReason } from '../at-risk';
import { Milestone } from '../milestone.entity';
import { planPreconditionWarnings, PreconditionWarning } from '../plan-preconditions';
import { AgreementWarning, MilestoneOwner, PlanTemplate, targetWarnings } from '../plan-schedule';

export interface MilestoneResponse {
  id: string;
  agreementId: string;
  name: string;
  owner: MilestoneOwner;
  dueOn: string;
  completedOn: string | null;
  status: MilestoneStatus;
  /** Days from today (organization timezone) to dueOn; negative once overdue; null unless pending. */
  daysLeft: number | null;
  overdue: boolean;
  plannedDays: number;
  position: number;
  templateKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgreementResponse {
  id: string;
  factoryId: string | null;
  kind: AgreementKind;
  title: string;
  standards: string[];
  productCategories: string[];
  startsOn: string;
  targetOn: string;
  status: AgreementStatus;
  /** Where a person may move it next (PATCH status). */
  allowedNextStatuses: readonly AgreementStatus[];
  notes: string | null;
  plan: string | null;
  certificateId: string | null;
  /** done / total, where total leaves out skipped milestones. */
  progress: { done: number; total: number; skipped: number };
  nextMilestone: MilestoneResponse | null;
  atRisk: boolean;
  atRiskReason: RiskReason | null;
  /** Target outside 3 to 6 months, or a plan that breaks a certification rule (CNCA). */
  warnings: (AgreementWarning | PreconditionWarning)[];
  milestones?: MilestoneResponse[];
  createdAt: string;
  updatedAt: string;
}

/** An agreement with its milestones, read together, and the organization's today. */
export interface AgreementView {
  agreement: Agreement;
  milestones: Milestone[];
}

export function sortMilestones(milestones: Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) =>
    a.dueOn === b.dueOn ? a.position - b.position : a.dueOn < b.dueOn ? -1 : 1,
  );
}

export function toMilestoneResponse(milestone: Milestone, today: string): MilestoneResponse {
  const pending = milestone.status === 'pending';
  const daysLeft = pending ? daysBetween(today, milestone.dueOn) : null;
  return {
    id: milestone.id,
    agreementId: milestone.agreementId,
    name: milestone.name,
    owner: milestone.owner,
    dueOn: milestone.dueOn,
    completedOn: milestone.completedOn,
    status: milestone.status,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    plannedDays: milestone.plannedDays,
    position: milestone.position,
    templateKey: milestone.templateKey,
    createdAt: milestone.createdAt.toISOString(),
    updatedAt: milestone.updatedAt.toISOString(),
  };
}

export function riskOf(view: AgreementView, today: string): RiskReason | null {
  return assessRisk(view.agreement, view.milestones, today);
}

export function toAgreementResponse(
  view: AgreementView,
  today: string,
  options: { withMilestones?: boolean; template?: PlanTemplate } = {},
): AgreementResponse {
  const { agreement, milestones } = view;
  const skipped = milestones.filter((m) => m.status === 'skipped').length;
  const next = remainingMilestones(milestones)[0] ?? null;
  const risk = riskOf(view, today);
  return {
    id: agreement.id,
    factoryId: agreement.factoryId,
    kind: agreement.kind,
    title: agreement.title,
    standards: agreement.standards,
    productCategories: agreement.productCategories,
    startsOn: agreement.startsOn,
    targetOn: agreement.targetOn,
    status: agreement.status,
    allowedNextStatuses: nextStatuses(agreement.status),
    notes: agreement.notes,
    plan: agreement.planTemplateId,
    certificateId: agreement.certificateId,
    progress: {
      done: milestones.filter((m) => m.status === 'done').length,
      total: milestones.length - skipped,
      skipped,
    },
    nextMilestone: next ? toMilestoneResponse(next, today) : null,
    atRisk: risk !== null,
    atRiskReason: risk,
    warnings: [
      ...targetWarnings(agreement.startsOn, agreement.targetOn),
      ...(options.template
        ? planPreconditionWarnings(options.template, agreement.startsOn, agreement.standards)
        : []),
    ],
    ...(options.withMilestones
      ? { milestones: sortMilestones(milestones).map((m) => toMilestoneResponse(m, today)) }
      : {}),
    createdAt: agreement.createdAt.toISOString(),
    updatedAt: agreement.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an agreement (no derived fields). */
export function agreementSnapshot(agreement: Agreement): Record<string, unknown> {
  const { createdAt, updatedAt, ...fields } = agreement;
  void createdAt;
  void updatedAt;
  return { ...fields };
}

export function milestoneSnapshot(milestone: Milestone): Record<string, unknown> {
  const { createdAt, updatedAt, ...fields } = milestone;
  void createdAt;
  void updatedAt;
  return { ...fields };
}
