import { daysBetween } from '../common/dates';
import type {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  RenderedNotice,
} from '../reminders/reminder-source';

export const FINDING_OVERDUE = 'finding_overdue';

export interface OverdueFindingFacts {
  id: string;
  auditId: string;
  factoryId: string;
  factoryName: string | null;
  clause: string | null;
  description: string;
  dueOn: string;
  status: string;
}

/**
 * An unresolved major finding past its due date: one notice per week it stays overdue
 * (days 1–7 are week 0…), to the factory and the staff responsible, escalated to every
 * admin from the second week. Pure.
 */
export function overdueFindingNotice(
  finding: OverdueFindingFacts,
  today: string,
): DueNotice | null {
  const daysOverdue = daysBetween(finding.dueOn, today);
  if (daysOverdue < 1 || finding.status === 'verified_closed') return null;
  const week = Math.floor((daysOverdue - 1) / 7);
  return {
    kind: FINDING_OVERDUE,
    dedupeKey: `finding:${finding.id}:overdue:${finding.dueOn}:w${week}`,
    subjectType: 'finding',
    subjectId: finding.id,
    factoryId: finding.factoryId,
    dueOn: finding.dueOn,
    audience: 'responsible',
    escalateToAdmins: week >= 1,
    payload: {
      auditId: finding.auditId,
      factoryName: finding.factoryName,
      clause: finding.clause,
      description: finding.description.slice(0, 300),
      status: finding.status,
    },
  };
}

export function renderOverdueFinding(
  notice: NoticeToRender,
  locale: ReminderLocale,
): RenderedNotice {
  const p = notice.payload;
  const factory = typeof p.factoryName === 'string' ? p.factoryName : '';
  const clause = typeof p.clause === 'string' && p.clause ? p.clause : null;
  const days = Math.max(1, -notice.daysLeft);
  const proposed = p.status === 'action_proposed';
  const link = `/findings/${notice.subjectId}`;
  if (locale === 'zh-CN')
    return {
      title: `${factory} 的严重不符合项${clause ? `（条款 ${clause}）` : ''}整改已逾期 ${days} 天（应于 ${notice.dueOn} 完成）`,
      detail: proposed
        ? '工厂已提交纠正措施，请尽快验证并关闭。'
        : '工厂尚未提交纠正措施：请提交措施并上传证据。',
      link,
    };
  return {
    title: `A major finding${clause ? ` (clause ${clause})` : ''} at ${factory} is ${days} day${days === 1 ? '' : 's'} past its corrective-action date (${notice.dueOn})`,
    detail: proposed
      ? 'The factory has proposed its corrective action: verify it and close the finding.'
      : 'No corrective action yet: the factory should propose one and attach its evidence.',
    link,
  };
}
