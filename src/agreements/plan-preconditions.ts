import { addMonths, addYears } from '../common/dates';
import { dueOnFor, PlanTemplate } from './plan-schedule';

/**
 * Preconditions of certification that every plan template must respect, as data: each
 * applies by the agreement's standard families, whatever the template (both shipped
 * templates are checked in plan-preconditions.spec.ts). Pure: the template, startsOn and
 * the agreement's standards are passed in.
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
  code: 'PLAN_BREAKS_PRECONDITION' | 'FACTORY_CANNOT_APPLY_YET';
  field: 'plan' | 'factoryId';
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

/**
 * The wait after a suspension or revocation caused by the organization itself: it may apply
 * for certification again, to the same body or another, only one year later.
 * CNCA-QMS-01:2025 (in force 2026-01-01), 5.1.2 (4); CNCA-OHSMS-01:2026 (in force
 * 2026-03-01), 5.1.2 (4) ("suspended, cancelled or revoked"). certpact does not record
 * whose fault a suspension was, so it warns for every suspension or withdrawal recorded
 * within the year and says the rule applies when the factory caused it.
 */
export interface ReapplicationWait {
  rule: string;
  families: string[];
  years: number;
}

export const REAPPLICATION_WAITS: readonly ReapplicationWait[] = [
  { rule: 'CNCA-QMS-01:2025, 5.1.2 (4)', families: ['ISO 9001'], years: 1 },
  { rule: 'CNCA-OHSMS-01:2026, 5.1.2 (4)', families: ['ISO 45001', 'OHSAS 18001'], years: 1 },
];

export interface LapsedCertificate {
  standard: string;
  certificateNumber: string;
  status: 'suspended' | 'withdrawn';
  /** The day the status was recorded here. */
  statusRecordedOn: string;
}

/**
 * Warnings for an agreement with a factory whose certificate of one of the agreement's
 * standard families was suspended or withdrawn less than the rule's wait ago: the factory
 * cannot apply yet if it caused it.
 */
export function reapplicationWarnings(
  standards: readonly string[],
  certificates: readonly LapsedCertificate[],
  today: string,
  waits: readonly ReapplicationWait[] = REAPPLICATION_WAITS,
): PreconditionWarning[] {
  const families = new Set(standards.map(familyOf));
  const warnings: PreconditionWarning[] = [];
  for (const wait of waits) {
    if (!wait.families.some((f) => families.has(f))) continue;
    for (const certificate of certificates) {
      if (!wait.families.includes(familyOf(certificate.standard))) continue;
      const from = addYears(certificate.statusRecordedOn, wait.years);
      if (today >= from) continue;
      const en = certificate.status === 'suspended' ? 'suspended' : 'withdrawn';
      const zh = certificate.status === 'suspended' ? '暂停' : '撤销';
      warnings.push({
        code: 'FACTORY_CANNOT_APPLY_YET',
        field: 'factoryId',
        rule: wait.rule,
        message: `The factory's ${certificate.standard} certificate ${certificate.certificateNumber} was recorded as ${en} on ${certificate.statusRecordedOn}: if that was caused by the factory itself, it cannot apply for certification again before ${from} (${wait.rule}).`,
        messageZh: `该工厂的 ${certificate.standard} 证书 ${certificate.certificateNumber} 于 ${certificate.statusRecordedOn} 被记录为${zh}：如因工厂自身原因所致，须满一年，即 ${from} 起方可再次申请认证（${wait.rule}）。`,
      });
    }
  }
  return warnings;
}
