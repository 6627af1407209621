import { byUrgency } from '../reminder-due';
import type { ReminderLocale, RenderedNotice } from '../reminder-source';

/** One line of a digest: what the source said, plus the engine's facts. */
export interface DigestItem {
  kind: string;
  subjectType: string;
  subjectId: string;
  dueOn: string;
  /** From the digest's date to dueOn; negative when overdue. */
  daysLeft: number;
  escalated: boolean;
  rendered: RenderedNotice;
  /** The signed one-click link that says "we are on it" (users only; no login needed). */
  acknowledgeUrl?: string;
  /** Someone already acknowledged it: who, and their note. */
  acknowledged?: { by: string; note: string; quietUntil: string };
}

/**
 * Who reads the digest: a colleague or factory manager (`user`, who can sign in), or a
 * factory contact (`contact`, no user: no links that need a login, no internal wording,
 * a visible unsubscribe link).
 */
export type DigestReader = 'user' | 'contact';

export interface DigestInput {
  organizationName: string;
  /** The organization's calendar date the digest is for. */
  digestOn: string;
  locale: ReminderLocale;
  /** Factory people get the submission form instead of the record. */
  linkToSubmission: boolean;
  publicUrl: string;
  items: DigestItem[];
  reader?: DigestReader;
  /** A contact's unsubscribe page (the web page; List-Unsubscribe carries the API's one-click URL). */
  unsubscribeUrl?: string;
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

export type UrgencyGroup = 'overdue' | 'thisWeek' | 'later';

/** Overdue before today; this week is today and the six days after it; later after that. */
export function urgencyOf(daysLeft: number): UrgencyGroup {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 6) return 'thisWeek';
  return 'later';
}

const EXPIRY_KINDS = new Set(['certificate_expiring', 'certificate_expired']);

/**
 * When a thing falls due, as people write it: `Due: 2027-03-01, in 30 days`, an expired
 * certificate `Expired on 2026-11-22, 10 days ago`, in Chinese `已于 2026-11-22 过期（10 天前）`.
 */
export function whenText(
  dueOn: string,
  daysLeft: number,
  locale: ReminderLocale,
  kind = '',
): string {
  const expiry = EXPIRY_KINDS.has(kind);
  if (locale === 'zh-CN') {
    if (daysLeft < 0) {
      return expiry
        ? `已于 ${dueOn} 过期（${-daysLeft} 天前）`
        : `已于 ${dueOn} 到期，逾期 ${-daysLeft} 天`;
    }
    const label = expiry ? '到期日：' : '日期：';
    if (daysLeft === 0) return `${label}${dueOn}（今天）`;
    if (daysLeft === 1) return `${label}${dueOn}（明天）`;
    return `${label}${dueOn}（还有 ${daysLeft} 天）`;
  }
  if (daysLeft < 0) {
    const ago = `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} ago`;
    return expiry ? `Expired on ${dueOn}, ${ago}` : `Overdue since ${dueOn}, ${ago}`;
  }
  const label = expiry ? 'Expires on ' : 'Due: ';
  if (daysLeft === 0) return `${label}${dueOn}, today`;
  if (daysLeft === 1) return `${label}${dueOn}, tomorrow`;
  return `${label}${dueOn}, in ${daysLeft} days`;
}

/** The page the item opens, or null for a contact (who cannot sign in). */
export function itemUrl(
  item: DigestItem,
  input: Pick<DigestInput, 'linkToSubmission' | 'publicUrl' | 'reader'>,
): string | null {
  if (input.reader === 'contact') return null;
  if (input.linkToSubmission && item.subjectType === 'certificate') {
    return `${input.publicUrl}/submissions/new?certificateId=${encodeURIComponent(item.subjectId)}`;
  }
  return `${input.publicUrl}${item.rendered.link}`;
}

export const DIGEST_WORDS = {
  en: {
    subject: (n: number, org: string, on: string) =>
      `[certpact] ${n} ${n === 1 ? 'reminder' : 'reminders'} for ${org} (${on})`,
    intro: (n: number, org: string, on: string) =>
      `${n === 1 ? 'One thing needs' : `${n} things need`} attention for ${org}, as of ${on}.`,
    summary: (counts: Record<UrgencyGroup, number>) =>
      [
        counts.overdue ? `${counts.overdue} overdue` : '',
        counts.thisWeek ? `${counts.thisWeek} this week` : '',
        counts.later ? `${counts.later} later` : '',
      ]
        .filter(Boolean)
        .join(', '),
    groups: { overdue: 'Overdue', thisWeek: 'This week', later: 'Later' },
    escalated: 'ESCALATED',
    open: 'Open',
    acknowledge: 'We are on it (acknowledge)',
    acknowledged: (by: string, note: string, until: string) =>
      `Acknowledged by ${by}: ${note} (quiet until ${until})`,
    footer:
      "You receive this digest once a day while something is due. Times are counted in the organization's timezone.",
    contactFooter: (org: string) =>
      `${org} sends you this digest once a day while something is due for your factory. Reply to this mail if something is wrong.`,
    unsubscribe: 'Unsubscribe from these mails',
  },
  'zh-CN': {
    subject: (n: number, org: string, on: string) => `[certpact] ${org} 有 ${n} 项提醒（${on}）`,
    intro: (n: number, org: string, on: string) => `截至 ${on}，${org} 有 ${n} 项需要处理。`,
    summary: (counts: Record<UrgencyGroup, number>) =>
      [
        counts.overdue ? `已逾期 ${counts.overdue} 项` : '',
        counts.thisWeek ? `本周 ${counts.thisWeek} 项` : '',
        counts.later ? `稍后 ${counts.later} 项` : '',
      ]
        .filter(Boolean)
        .join('，'),
    groups: { overdue: '已逾期', thisWeek: '本周到期', later: '稍后到期' },
    escalated: '已上报',
    open: '打开',
    acknowledge: '已在处理（确认）',
    acknowledged: (by: string, note: string, until: string) =>
      `${by} 已确认：${note}（${until} 前不再提醒）`,
    footer: '有待办事项时，您每天会收到一封汇总邮件。天数按组织所在时区计算。',
    contactFooter: (org: string) =>
      `您的工厂有待办事项时，${org} 每天会给您发送一封汇总邮件。如有错误，请直接回复此邮件。`,
    unsubscribe: '退订此类邮件',
  },
} as const;

/** One item as both parts show it. */
export interface DigestLine {
  title: string;
  escalated: boolean;
  when: string;
  detail?: string;
  acknowledged?: string;
  url: string | null;
  acknowledgeUrl?: string;
}

/** Everything the text and HTML parts show, worked out once. */
export interface DigestModel {
  locale: ReminderLocale;
  reader: DigestReader;
  subject: string;
  intro: string;
  summary: string;
  groups: { group: UrgencyGroup; heading: string; lines: DigestLine[] }[];
  footer: string;
  unsubscribe?: { label: string; url: string };
  words: (typeof DIGEST_WORDS)[ReminderLocale];
}

export function digestModel(input: DigestInput): DigestModel {
  const words = DIGEST_WORDS[input.locale];
  const reader = input.reader ?? 'user';
  const contact = reader === 'contact';
  const items = [...input.items].sort(byUrgency);
  const n = items.length;
  const counts: Record<UrgencyGroup, number> = { overdue: 0, thisWeek: 0, later: 0 };
  const groups: DigestModel['groups'] = (['overdue', 'thisWeek', 'later'] as const).map(
    (group) => ({ group, heading: words.groups[group], lines: [] }),
  );
  for (const item of items) {
    const group = urgencyOf(item.daysLeft);
    counts[group] += 1;
    groups
      .find((g) => g.group === group)
      ?.lines.push({
        title: item.rendered.title,
        // A contact is told what the factory must do, never the trader's escalation.
        escalated: !contact && item.escalated,
        when: whenText(item.dueOn, item.daysLeft, input.locale, item.kind),
        detail: item.rendered.detail,
        acknowledged:
          !contact && item.acknowledged
            ? words.acknowledged(
                item.acknowledged.by,
                item.acknowledged.note,
                item.acknowledged.quietUntil,
              )
            : undefined,
        url: itemUrl(item, { ...input, reader }),
        acknowledgeUrl: contact ? undefined : item.acknowledgeUrl,
      });
  }
  return {
    locale: input.locale,
    reader,
    subject: words.subject(n, input.organizationName, input.digestOn),
    intro: words.intro(n, input.organizationName, input.digestOn),
    summary: words.summary(counts),
    groups: groups.filter((g) => g.lines.length > 0),
    footer: contact ? words.contactFooter(input.organizationName) : words.footer,
    unsubscribe:
      contact && input.unsubscribeUrl
        ? { label: words.unsubscribe, url: input.unsubscribeUrl }
        : undefined,
    words,
  };
}

/** The plain-text part. */
export function digestText(model: DigestModel): string {
  const words = model.words;
  const colon = model.locale === 'zh-CN' ? '：' : ': ';
  const lines = [model.intro, model.summary, ''];
  let index = 0;
  for (const group of model.groups) {
    lines.push(`== ${group.heading} ==`, '');
    for (const line of group.lines) {
      index += 1;
      const mark = line.escalated ? `[${words.escalated}] ` : '';
      lines.push(`${index}. ${mark}${line.title}`);
      lines.push(`   ${line.when}`);
      if (line.detail) lines.push(`   ${line.detail}`);
      if (line.acknowledged) lines.push(`   ${line.acknowledged}`);
      if (line.url) lines.push(`   ${line.url}`);
      if (line.acknowledgeUrl) lines.push(`   ${words.acknowledge}${colon}${line.acknowledgeUrl}`);
      lines.push('');
    }
  }
  lines.push('--', model.footer);
  if (model.unsubscribe) lines.push(`${model.unsubscribe.label}${colon}${model.unsubscribe.url}`);
  return lines.join('\n');
}
