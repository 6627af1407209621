import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
import { daysBetween } from '../../common/dates';
import { Agreement, AGREEMENT_KINDS, AgreementKind } from '../agreement.entity';
import { AGREEMENT_STATUSES, AgreementStatus, nextStatuses } from '../agreement-transitions';
import {
  assessRisk,
  MILESTONE_STATUSES,
  MilestoneStatus,
  remainingMilestones,
  RiskReason,
} from '../at-risk';
import { Milestone } from '../milestone.entity';
import {
  LapsedCertificate,
  planPreconditionWarnings,
  PreconditionWarning,
  reapplicationWarnings,
} from '../plan-preconditions';
import {
  AgreementWarning,
  MILESTONE_OWNERS,
  MilestoneOwner,
  PlanTemplate,
  targetWarnings,
} from '../plan-schedule';

export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MILESTONE_OWNERS }) owner: MilestoneOwner;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) completedOn: string | null;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Days from today (organization timezone) to dueOn; negative once overdue; null unless pending.',
  })
  daysLeft: number | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Days the plan allows for this step.' }) plannedDays: number;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, nullable: true }) templateKey: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MilestonePage extends PageOf(MilestoneResponse) {}

export class AgreementProgress {
  @ApiProperty() done: number;
  @ApiProperty({ description: 'Leaves out skipped milestones.' }) total: number;
  @ApiProperty() skipped: number;
}

/** Why an agreement is at risk: one of the two codes, with the fields of that code. */
export class AtRiskReasonResponse {
  @ApiProperty({ enum: ['MILESTONE_OVERDUE', 'PLAN_CANNOT_FIT'] })
  code: RiskReason['code'];
  @ApiProperty() message: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'MILESTONE_OVERDUE' }) milestoneId?: string;
  @ApiPropertyOptional({ description: 'MILESTONE_OVERDUE' }) overdueCount?: number;
  @ApiPropertyOptional({ format: 'date', description: 'PLAN_CANNOT_FIT' })
  projectedFinishOn?: string;
  @ApiPropertyOptional({ description: 'PLAN_CANNOT_FIT' }) daysLate?: number;
}

export class AgreementWarningResponse {
  @ApiProperty({
    enum: [
      'TARGET_TOO_SOON',
      'TARGET_TOO_LATE',
      'PLAN_BREAKS_PRECONDITION',
      'FACTORY_CANNOT_APPLY_YET',
    ],
  })
  code: (AgreementWarning | PreconditionWarning)['code'];
  @ApiProperty({ enum: ['targetOn', 'plan', 'factoryId'] }) field:
    'targetOn' | 'plan' | 'factoryId';
  @ApiProperty() message: string;
  @ApiPropertyOptional({
    description:
      'PLAN_BREAKS_PRECONDITION, FACTORY_CANNOT_APPLY_YET: the rule (document and clause).',
  })
  rule?: string;
  @ApiPropertyOptional({
    description: 'PLAN_BREAKS_PRECONDITION, FACTORY_CANNOT_APPLY_YET: the message in Chinese.',
  })
  messageZh?: string;
}

export class AgreementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) factoryId: string | null;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind: AgreementKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) standards: string[];
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) targetOn: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status: AgreementStatus;
  @ApiProperty({
    enum: AGREEMENT_STATUSES,
    isArray: true,
    description: 'Where a person may move it next (PATCH status).',
  })
  allowedNextStatuses: readonly AgreementStatus[];
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The plan template id.' })
  plan: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) certificateId: string | null;
  @ApiProperty({ type: AgreementProgress }) progress: AgreementProgress;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  nextMilestone: MilestoneResponse | null;
  @ApiProperty() atRisk: boolean;
  @ApiProperty({ type: AtRiskReasonResponse, nullable: true })
  atRiskReason: RiskReason | null;
  @ApiProperty({
    type: [AgreementWarningResponse],
    description:
      'Target outside 3 to 6 months, a plan that breaks a certification rule (CNCA), or (single agreement answers) a factory that cannot apply yet after a suspension or withdrawal.',
  })
  warnings: (AgreementWarning | PreconditionWarning)[];
  @ApiPropertyOptional({
    type: [MilestoneResponse],
    description: 'The plan in order of due date (single agreement answers only).',
  })
  milestones?: MilestoneResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AgreementPage extends PageOf(AgreementResponse) {}

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
  options: {
    withMilestones?: boolean;
    template?: PlanTemplate;
    /** The factory's suspended or withdrawn certificates (CNCA one-year wait). */
    lapsedCertificates?: LapsedCertificate[];
  } = {},
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
      ...reapplicationWarnings(agreement.standards, options.lapsedCertificates ?? [], today),
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
