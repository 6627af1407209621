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

export interface DigestInput {
  organizationName: string;
  /** The organization's calendar date the digest is for. */
  digestOn: string;
  locale: ReminderLocale;
  /** Factory people get the submission form instead of the record. */
  linkToSubmission: boolean;
  publicUrl: string;
  items: DigestItem[];
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

/** `2027-03-01, in 30 days` — the date first, written the one unambiguous way. */
export function whenText(dueOn: string, daysLeft: number, locale: ReminderLocale): string {
  if (locale === 'zh-CN') {
    if (daysLeft === 0) return `${dueOn}，今天`;
    if (daysLeft > 0) return `${dueOn}，还有 ${daysLeft} 天`;
    return `${dueOn}，已过 ${-daysLeft} 天`;
  }
  if (daysLeft === 0) return `${dueOn}, today`;
  if (daysLeft === 1) return `${dueOn}, tomorrow`;
  if (daysLeft > 0) return `${dueOn}, in ${daysLeft} days`;
  return `${dueOn}, ${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} ago`;
}

export function itemUrl(
  item: DigestItem,
  input: Pick<DigestInput, 'linkToSubmission' | 'publicUrl'>,
): string {
  if (input.linkToSubmission && item.subjectType === 'certificate') {
    return `${input.publicUrl}/submissions/new?certificateId=${encodeURIComponent(item.subjectId)}`;
  }
  return `${input.publicUrl}${item.rendered.link}`;
}

const WORDS = {
  en: {
    subject: (n: number, org: string, on: string) =>
      `[certpact] ${n} ${n === 1 ? 'reminder' : 'reminders'} for ${org} (${on})`,
    intro: (n: number, org: string, on: string) =>
      `${n === 1 ? 'One thing needs' : `${n} things need`} attention for ${org}, as of ${on}. Most urgent first:`,
    due: 'Due: ',
    escalated: 'ESCALATED',
    open: 'Open',
    acknowledge: 'We are on it (acknowledge)',
    acknowledged: (by: string, note: string, until: string) =>
      `Acknowledged by ${by}: ${note} (quiet until ${until})`,
    footer:
      "You receive this digest once a day while something is due. Times are counted in the organization's timezone.",
  },
  'zh-CN': {
    subject: (n: number, org: string, on: string) => `[certpact] ${org} 有 ${n} 项提醒（${on}）`,
    intro: (n: number, org: string, on: string) =>
      `截至 ${on}，${org} 有 ${n} 项需要处理，按紧急程度排列：`,
    // Full-width colon among Chinese words, with no space after it.
    due: '日期：',
    escalated: '已上报',
    open: '打开',
    acknowledge: '已在处理（确认）',
    acknowledged: (by: string, note: string, until: string) =>
      `${by} 已确认：${note}（${until} 前不再提醒）`,
    footer: '有待办事项时，您每天会收到一封汇总邮件。天数按组织所在时区计算。',
  },
} as const;

/** The daily digest for one recipient: plain text and HTML, most urgent first. */
export function renderDigest(input: DigestInput): RenderedDigest {
  const words = WORDS[input.locale];
  const items = [...input.items].sort(byUrgency);
  const n = items.length;
  const subject = words.subject(n, input.organizationName, input.digestOn);
  const intro = words.intro(n, input.organizationName, input.digestOn);

  const textLines = [intro, ''];
  items.forEach((item, index) => {
    const mark = item.escalated ? `[${words.escalated}] ` : '';
    textLines.push(`${index + 1}. ${mark}${item.rendered.title}`);
    textLines.push(`   ${words.due}${whenText(item.dueOn, item.daysLeft, input.locale)}`);
    if (item.rendered.detail) textLines.push(`   ${item.rendered.detail}`);
    if (item.acknowledged) {
      const a = item.acknowledged;
      textLines.push(`   ${words.acknowledged(a.by, a.note, a.quietUntil)}`);
    }
    textLines.push(`   ${itemUrl(item, input)}`);
    if (item.acknowledgeUrl) textLines.push(`   ${words.acknowledge}: ${item.acknowledgeUrl}`);
    textLines.push('');
  });
  textLines.push('--', words.footer);

  const htmlItems = items
    .map((item) => {
      const mark = item.escalated
        ? `<strong style="color:#b00020">${escapeHtml(words.escalated)}</strong> `
        : '';
      const detail = item.rendered.detail ? `<br>${escapeHtml(item.rendered.detail)}` : '';
      const url = escapeHtml(itemUrl(item, input));
      const acknowledged = item.acknowledged
        ? `<br><em>${escapeHtml(words.acknowledged(item.acknowledged.by, item.acknowledged.note, item.acknowledged.quietUntil))}</em>`
        : '';
      const acknowledge = item.acknowledgeUrl
        ? ` · <a href="${escapeHtml(item.acknowledgeUrl)}">${escapeHtml(words.acknowledge)}</a>`
        : '';
      return (
        `<li style="margin-bottom:12px">${mark}<strong>${escapeHtml(item.rendered.title)}</strong><br>` +
        `${escapeHtml(words.due)}${escapeHtml(whenText(item.dueOn, item.daysLeft, input.locale))}${detail}${acknowledged}<br>` +
        `<a href="${url}">${escapeHtml(words.open)}</a>${acknowledge}</li>`
      );
    })
    .join('\n');
  const html =
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif"><p>${escapeHtml(intro)}</p><ol>\n${htmlItems}\n</ol>` +
    `<p style="color:#666;font-size:12px">${escapeHtml(words.footer)}</p></body></html>`;

  return { subject, text: textLines.join('\n'), html };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
