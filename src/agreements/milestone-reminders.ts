/**
 * Which reminders an agreement's plan calls for today: milestones due in 7 days and in
 * 1 day, overdue milestones (again every week they stay overdue), and agreements at risk.
 * Pure: the reminder source feeds it rows and "today"; the engine stores and sends.
 *
 * Windows rather than exact days, so a missed daily scan loses nothing: a milestone 2 to 7
 * days away is owed its 7-day notice, 0 or 1 day away its 1-day notice. Dedupe keys
 * carry the due date, so a rescheduled milestone is reminded afresh.
 */
import { daysBetween } from '../common/dates';
import type {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  RenderedNotice,
} from '../reminders/reminder-source';
import type { AgreementStatus } from './agreement-transitions';
import { assessRisk, MilestoneFacts, RiskReason } from './at-risk';
import type { MilestoneOwner } from './plan-schedule';

export const MILESTONE_DUE = 'milestone_due';
export const MILESTONE_OVERDUE = 'milestone_overdue';
export const AGREEMENT_AT_RISK = 'agreement_at_risk';
export const AGREEMENT_REMINDER_KINDS = [MILESTONE_DUE, MILESTONE_OVERDUE, AGREEMENT_AT_RISK];

/** Days before the due date at which a pending milestone is reminded, largest first. */
export const MILESTONE_DUE_THRESHOLDS = [7, 1] as const;

/** Only signed agreements commit people to dates; drafts and negotiations are not chased. */
export const REMINDED_STATUSES: readonly AgreementStatus[] = ['signed', 'in_progress'];

export interface ReminderAgreement {
  id: string;
  title: string;
  status: AgreementStatus;
  factoryId: string | null;
  factoryName: string | null;
  startsOn: string;
  targetOn: string;
}

export interface ReminderMilestone extends MilestoneFacts {
  owner: MilestoneOwner;
  /** The plan step it came from, if any. */
  templateKey: string | null;
  /** Its name in Chinese, when known (a plan step's, not renamed). */
  nameZh?: string | null;
}

export type MilestoneReminderDue =
  | { kind: typeof MILESTONE_DUE; threshold: number; dedupeKey: string }
  | { kind: typeof MILESTONE_OVERDUE; week: number; daysOverdue: number; dedupeKey: string };

/** The reminder a pending milestone is owed today, if any. */
export function milestoneReminderDue(
  milestone: Pick<MilestoneFacts, 'id' | 'dueOn' | 'status'>,
  today: string,
): MilestoneReminderDue | null {
  if (milestone.status !== 'pending') return null;
  const daysLeft = daysBetween(today, milestone.dueOn);
  if (daysLeft >= 0) {
    // the smallest threshold the milestone has reached: 5 days left → the 7-day notice
    const reached = MILESTONE_DUE_THRESHOLDS.filter((t) => daysLeft <= t);
    if (reached.length === 0) return null;
    const threshold = reached[reached.length - 1];
    return {
      kind: MILESTONE_DUE,
      threshold,
      dedupeKey: `milestone:${milestone.id}:due:${milestone.dueOn}:${threshold}`,
    };
  }
  const daysOverdue = -daysLeft;
  // days 1-7 overdue are week 0, days 8-14 week 1, …: one notice per week overdue
  const week = Math.floor((daysOverdue - 1) / 7);
  return {
    kind: MILESTONE_OVERDUE,
    week,
    daysOverdue,
    dedupeKey: `milestone:${milestone.id}:overdue:${milestone.dueOn}:w${week}`,
  };
}

/** Every notice one agreement owes today: its milestones', then its own at-risk notice. */
export function agreementNotices(
  agreement: ReminderAgreement,
  milestones: ReminderMilestone[],
  today: string,
): DueNotice[] {
  if (!REMINDED_STATUSES.includes(agreement.status)) return [];
  const common = {
    agreementId: agreement.id,
    agreementTitle: agreement.title,
    factoryName: agreement.factoryName,
  };
  const notices: DueNotice[] = [];
  for (const milestone of milestones) {
    const due = milestoneReminderDue(milestone, today);
    if (!due) continue;
    notices.push({
      kind: due.kind,
      dedupeKey: due.dedupeKey,
      subjectType: 'milestone',
      subjectId: milestone.id,
      factoryId: agreement.factoryId,
      dueOn: milestone.dueOn,
      audience: 'responsible',
      ...(due.kind === MILESTONE_OVERDUE ? { escalateToAdmins: true } : {}),
      payload: {
        ...common,
        milestoneName: milestone.name,
        ...(milestone.nameZh ? { milestoneNameZh: milestone.nameZh } : {}),
        owner: milestone.owner,
        ...(due.kind === MILESTONE_DUE
          ? { threshold: due.threshold }
          : { week: due.week, daysOverdue: due.daysOverdue }),
      },
    });
  }
  const risk = assessRisk(agreement, milestones, today);
  if (risk) {
    notices.push({
      kind: AGREEMENT_AT_RISK,
      // once per reason and target: moving the target makes a new episode
      dedupeKey: `agreement:${agreement.id}:at-risk:${risk.code}:${agreement.targetOn}`,
      subjectType: 'agreement',
      subjectId: agreement.id,
      factoryId: agreement.factoryId,
      dueOn: agreement.targetOn,
      audience: 'responsible',
      payload: { ...common, targetOn: agreement.targetOn, reason: riskPayload(risk, milestones) },
    });
  }
  return notices;
}

function riskPayload(risk: RiskReason, milestones: ReminderMilestone[]): Record<string, unknown> {
  if (risk.code === 'MILESTONE_OVERDUE') {
    const milestone = milestones.find((m) => m.id === risk.milestoneId);
    return {
      ...risk,
      milestoneName: milestone?.name ?? '',
      ...(milestone?.nameZh ? { milestoneNameZh: milestone.nameZh } : {}),
      dueOn: milestone?.dueOn ?? '',
    };
  }
  return { ...risk };
}

const OWNER_WORDS: Record<MilestoneOwner, Record<ReminderLocale, string>> = {
  trader: { en: 'the trader', 'zh-CN': '贸易公司' },
  factory: { en: 'the factory', 'zh-CN': '工厂' },
};

function str(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function inDays(daysLeft: number, locale: ReminderLocale): string {
  if (locale === 'zh-CN') {
    if (daysLeft === 0) return '今天到期';
    if (daysLeft === 1) return '明天到期';
    return `${daysLeft} 天后到期`;
  }
  if (daysLeft === 0) return 'is due today';
  if (daysLeft === 1) return 'is due tomorrow';
  return `is due in ${daysLeft} days`;
}

/** The digest's words for one agreement notice, in English or Simplified Chinese. */
export function renderAgreementNotice(
  notice: NoticeToRender,
  locale: ReminderLocale,
): RenderedNotice {
  const p = notice.payload;
  const zh = locale === 'zh-CN';
  const agreement = str(p, 'agreementTitle');
  const factory = str(p, 'factoryName');
  const link = `/agreements/${str(p, 'agreementId')}`;
  const owner = OWNER_WORDS[(p.owner as MilestoneOwner) ?? 'trader'] ?? OWNER_WORDS.trader;
  const withFactory = factory ? (zh ? `（${factory}）` : ` (${factory})`) : '';

  if (notice.kind === MILESTONE_DUE) {
    return zh
      ? {
          title: `合作协议“${agreement}”${withFactory}的里程碑“${str(p, 'milestoneNameZh') || str(p, 'milestoneName')}”${inDays(notice.daysLeft, locale)}（${notice.dueOn}）`,
          detail: `负责方：${owner[locale]}。完成后请在 certpact 中标记为已完成。`,
          link,
        }
      : {
          title: `Milestone "${str(p, 'milestoneName')}" of "${agreement}"${withFactory} ${inDays(notice.daysLeft, locale)} (${notice.dueOn})`,
          detail: `Owner: ${owner[locale]}. Mark it done in certpact once it is finished.`,
          link,
        };
  }
  if (notice.kind === MILESTONE_OVERDUE) {
    const days = Math.max(1, -notice.daysLeft);
    return zh
      ? {
          title: `合作协议“${agreement}”${withFactory}的里程碑“${str(p, 'milestoneNameZh') || str(p, 'milestoneName')}”已逾期 ${days} 天（应于 ${notice.dueOn} 完成）`,
          detail: `负责方：${owner[locale]}。请完成它，或调整计划日期。`,
          link,
        }
      : {
          title: `Milestone "${str(p, 'milestoneName')}" of "${agreement}"${withFactory} is ${days} day${days === 1 ? '' : 's'} overdue (due ${notice.dueOn})`,
          detail: `Owner: ${owner[locale]}. Finish it, or move its due date to a realistic one.`,
          link,
        };
  }
  const reason = (p.reason ?? {}) as Record<string, unknown>;
  const target = str(p, 'targetOn') || notice.dueOn;
  let detail: string;
  if (reason.code === 'MILESTONE_OVERDUE') {
    detail = zh
      ? `里程碑“${str(reason, 'milestoneNameZh') || str(reason, 'milestoneName')}”应于 ${str(reason, 'dueOn')} 完成，已逾期。`
      : str(reason, 'message');
  } else {
    detail = zh
      ? `按计划节奏，剩余里程碑要到 ${str(reason, 'projectedFinishOn')} 才能完成，比目标日期晚 ${str(reason, 'daysLate')} 天。`
      : str(reason, 'message');
  }
  return zh
    ? {
        title: `合作协议“${agreement}”${withFactory}可能无法在目标日期 ${target} 前完成认证`,
        detail,
        link,
      }
    : {
        title: `Agreement "${agreement}"${withFactory} is at risk of missing its target ${target}`,
        detail,
        link,
      };
}
