import { addMonths } from '../common/dates';
import { dueOnFor, PlanTemplate } from './plan-schedule';

/**
 * Preconditions of certification that a plan template must respect, as data (each plan
 * template carries the ids of those that apply to it, config/plan-templates.json).
 * Pure: the template, startsOn and the agreement's standards are passed in.
 */
export interface PlanPrecondition {
  id: string;
  /** Document and clause. */
  rule: string;
  /** Standard families it applies to (`ISO 45001` covers `ISO 45001:2018`). */
  families: string[];
  /** The step that must wait, and the step from which the management system runs. */
  step: string;
  operatingFrom: string;
  minMonths: number;
  en: string;
  zh: string;
}

/**
 * CNCA-OHSMS-01:2026 (in force 2026-03-01), 5.1.2 (3) and CNCA-QMS-01:2025 (in force
 * 2026-01-01), 5.1.2 (3): an organization applies for certification only once its
 * management system has run for at least three months. The system runs from the day its
 * documentation is issued (the `documentation` step).
 */
export const PLAN_PRECONDITIONS: readonly PlanPrecondition[] = [
  {
    id: 'cnca-ohsms-operation-3m',
    rule: 'CNCA-OHSMS-01:2026, 5.1.2 (3)',
    families: ['ISO 45001', 'OHSAS 18001'],
    step: 'certification_body_application',
    operatingFrom: 'documentation',
    minMonths: 3,
    en: 'the OH&S management system must have run for at least 3 months before the application',
    zh: '职业健康安全管理体系须运行满三个月方可申请认证',
  },
  {
    id: 'cnca-qms-operation-3m',
    rule: 'CNCA-QMS-01:2025, 5.1.2 (3)',
    families: ['ISO 9001'],
    step: 'certification_body_application',
    operatingFrom: 'documentation',
    minMonths: 3,
    en: 'the quality management system must have run for at least 3 months before the application',
    zh: '质量管理体系须运行满三个月方可申请认证',
  },
];

export interface PreconditionWarning {
  code: 'PLAN_BREAKS_PRECONDITION';
  field: 'plan';
  rule: string;
  message: string;
  messageZh: string;
}

const familyOf = (code: string) => code.split(':')[0].trim();

/**
 * Warnings for a plan that breaks a precondition for one of the agreement's standards:
 * `fast-track-3m` applies to the certification body 2 months after the start, when the
 * system has run for about 6 weeks.
 */
export function planPreconditionWarnings(
  template: PlanTemplate,
  startsOn: string,
  standards: readonly string[],
  preconditions: readonly PlanPrecondition[] = PLAN_PRECONDITIONS,
): PreconditionWarning[] {
  const families = new Set(standards.map(familyOf));
  const warnings: PreconditionWarning[] = [];
  for (const precondition of preconditions) {
    if (!precondition.families.some((f) => families.has(f))) continue;
    const step = template.milestones.find((m) => m.key === precondition.step);
    const from = template.milestones.find((m) => m.key === precondition.operatingFrom);
    if (!step || !from) continue;
    const applyOn = dueOnFor(startsOn, step);
    const runningFrom = dueOnFor(startsOn, from);
    const earliest = addMonths(runningFrom, precondition.minMonths);
    if (applyOn >= earliest) continue;
    warnings.push({
      code: 'PLAN_BREAKS_PRECONDITION',
      field: 'plan',
      rule: precondition.rule,
      message: `Plan ${template.id} applies to the certification body on ${applyOn}, but ${precondition.en} (${precondition.rule}): the system runs from ${runningFrom}, so not before ${earliest}.`,
      messageZh: `计划 ${template.id} 在 ${applyOn} 向认证机构提出申请，但${precondition.zh}（${precondition.rule}）：体系自 ${runningFrom} 起运行，最早 ${earliest} 才能申请。`,
    });
  }
  return warnings;
}
