import { renderDigest } from './digest.mail';
import { DigestItem, digestModel, digestText, urgencyOf, whenText } from './digest.render';

const item = (overrides: Partial<DigestItem>): DigestItem => ({
  kind: 'milestone_due',
  subjectType: 'certificate',
  subjectId: 'c1',
  dueOn: '2027-03-01',
  daysLeft: 30,
  escalated: false,
  rendered: {
    title: 'ISO 9001:2015 certificate A of <Valve & Co>',
    link: '/certificates/c1',
  },
  ...overrides,
});

describe('whenText', () => {
  it.each<[string, number, 'en' | 'zh-CN', string]>([
    // overdue
    ['milestone_due', -1, 'en', 'Overdue since 2027-03-01, 1 day ago'],
    ['milestone_due', -8, 'en', 'Overdue since 2027-03-01, 8 days ago'],
    ['certificate_expired', -10, 'en', 'Expired on 2027-03-01, 10 days ago'],
    ['milestone_due', -8, 'zh-CN', '已于 2027-03-01 到期，逾期 8 天'],
    ['certificate_expired', -10, 'zh-CN', '已于 2027-03-01 过期（10 天前）'],
    // today
    ['milestone_due', 0, 'en', 'Due: 2027-03-01, today'],
    ['certificate_expiring', 0, 'en', 'Expires on 2027-03-01, today'],
    ['milestone_due', 0, 'zh-CN', '日期：2027-03-01（今天）'],
    ['certificate_expiring', 0, 'zh-CN', '到期日：2027-03-01（今天）'],
    // tomorrow
    ['milestone_due', 1, 'en', 'Due: 2027-03-01, tomorrow'],
    ['milestone_due', 1, 'zh-CN', '日期：2027-03-01（明天）'],
    // in N days
    ['milestone_due', 30, 'en', 'Due: 2027-03-01, in 30 days'],
    ['certificate_expiring', 30, 'en', 'Expires on 2027-03-01, in 30 days'],
    ['milestone_due', 30, 'zh-CN', '日期：2027-03-01（还有 30 天）'],
    ['certificate_expiring', 30, 'zh-CN', '到期日：2027-03-01（还有 30 天）'],
  ])('%s, %i days, in %s', (kind, daysLeft, locale, expected) => {
    expect(whenText('2027-03-01', daysLeft, locale, kind)).toBe(expected);
  });

  it('never writes an ASCII colon or comma in Chinese', () => {
    for (const days of [-10, -1, 0, 1, 30]) {
      for (const kind of ['certificate_expired', 'certificate_expiring', 'milestone_due']) {
        expect(whenText('2027-03-01', days, 'zh-CN', kind)).not.toMatch(/[:,()]/);
      }
    }
  });
});

describe('urgencyOf', () => {
  it.each([
    [-1, 'overdue'],
    [0, 'thisWeek'],
    [6, 'thisWeek'],
    [7, 'later'],
  ] as const)('%i days is %s', (days, group) => expect(urgencyOf(days)).toBe(group));
});

describe('renderDigest', () => {
  const base = {
    organizationName: 'Ningbo Export',
    digestOn: '2027-01-30',
    publicUrl: 'https://certpact.example',
    linkToSubmission: false,
  };

  it('groups by urgency, most urgent first, with links under PUBLIC_URL, escaped in HTML', async () => {
    const digest = await renderDigest({
      ...base,
      locale: 'en',
      items: [
        item({ subjectId: 'later', daysLeft: 30 }),
        item({ subjectId: 'soon', daysLeft: 2, dueOn: '2027-02-01' }),
        item({ subjectId: 'overdue', daysLeft: -8, dueOn: '2027-01-22', escalated: true }),
      ],
    });
    expect(digest.subject).toBe('[certpact] 3 reminders for Ningbo Export (2027-01-30)');
    expect(digest.text).toContain('1 overdue, 1 this week, 1 later');
    const order = ['== Overdue ==', 'Overdue since 2027-01-22', '== This week ==', '== Later =='];
    const positions = order.map((s) => digest.text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(digest.text).toContain('[ESCALATED]');
    expect(digest.text).toContain('https://certpact.example/certificates/c1');
    expect(digest.html).toContain('&lt;Valve &amp; Co&gt;');
    expect(digest.html).not.toContain('<Valve');
    expect(digest.html).toContain('<html');
    expect(digest.html).toContain('This week');
    expect(digest.html).toContain('href="https://certpact.example/certificates/c1"');
  });

  it('writes Chinese for zh-CN and links factory people to the submission form', async () => {
    const digest = await renderDigest({
      ...base,
      locale: 'zh-CN',
      linkToSubmission: true,
      items: [item({ subjectId: 'cert-9' })],
    });
    expect(digest.subject).toBe('[certpact] Ningbo Export 有 1 项提醒（2027-01-30）');
    expect(digest.text).toContain('日期：2027-03-01（还有 30 天）');
    expect(digest.text).toContain('== 稍后到期 ==');
    expect(digest.text).toContain('https://certpact.example/submissions/new?certificateId=cert-9');
    expect(digest.html).toContain('lang="zh-CN"');
  });

  it('gives a factory contact no escalation, no link that needs a login, and an unsubscribe link', () => {
    const model = digestModel({
      ...base,
      locale: 'zh-CN',
      linkToSubmission: true,
      reader: 'contact',
      unsubscribeUrl: 'https://certpact.example/unsubscribe?token=t',
      items: [
        item({
          escalated: true,
          daysLeft: -3,
          acknowledgeUrl: 'https://certpact.example/acknowledge?token=a',
          acknowledged: { by: 'Li', note: 'booked', quietUntil: '2027-02-10' },
        }),
      ],
    });
    const text = digestText(model);
    expect(text).not.toContain('已上报');
    expect(text).not.toContain('/acknowledge');
    expect(text).not.toContain('/certificates/');
    expect(text).not.toContain('/submissions/');
    expect(text).not.toContain('booked');
    expect(text).toContain('退订此类邮件：https://certpact.example/unsubscribe?token=t');
  });
});

describe('digest punctuation', () => {
  const input = (locale: 'en' | 'zh-CN') => ({
    organizationName: 'Ningbo Export',
    digestOn: '2026-12-02',
    locale,
    linkToSubmission: false,
    publicUrl: 'https://certpact.example',
    items: [
      item({
        kind: 'certificate_expired',
        dueOn: '2026-11-22',
        daysLeft: -10,
        rendered: { title: 'ISO 9001:2015 certificate CN-1 has expired', link: '/certificates/c1' },
      }),
      item({ kind: 'milestone_due', dueOn: '2026-12-09', daysLeft: 7 }),
    ],
  });

  it('writes Chinese labels with full-width colons and an expired item as expired, not due', () => {
    const zh = digestText(digestModel(input('zh-CN')));
    expect(zh).toContain('已于 2026-11-22 过期（10 天前）');
    expect(zh).toContain('日期：2026-12-09（还有 7 天）');
    expect(zh).not.toMatch(/[\u4e00-\u9fff][:,]/);
    const en = digestText(digestModel(input('en')));
    expect(en).toContain('Expired on 2026-11-22, 10 days ago');
    expect(en).not.toContain('Due: 2026-11-22');
  });
});
