import { DigestItem, renderDigest, whenText } from './digest.render';

const item = (overrides: Partial<DigestItem>): DigestItem => ({
  kind: 'certificate_expiring',
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
  it.each<[number, 'en' | 'zh-CN', string]>([
    [30, 'en', '2027-03-01, in 30 days'],
    [1, 'en', '2027-03-01, tomorrow'],
    [0, 'en', '2027-03-01, today'],
    [-1, 'en', '2027-03-01, 1 day ago'],
    [-8, 'en', '2027-03-01, 8 days ago'],
    [30, 'zh-CN', '2027-03-01，还有 30 天'],
    [0, 'zh-CN', '2027-03-01，今天'],
    [-8, 'zh-CN', '2027-03-01，已过 8 天'],
  ])('%i days in %s', (daysLeft, locale, expected) => {
    expect(whenText('2027-03-01', daysLeft, locale)).toBe(expected);
  });
});

describe('renderDigest', () => {
  const base = {
    organizationName: 'Ningbo Export',
    digestOn: '2027-01-30',
    publicUrl: 'https://certpact.example',
    linkToSubmission: false,
  };

  it('lists the most urgent first, with links under PUBLIC_URL, escaped in HTML', () => {
    const digest = renderDigest({
      ...base,
      locale: 'en',
      items: [
        item({ subjectId: 'later', daysLeft: 30 }),
        item({ subjectId: 'overdue', daysLeft: -8, dueOn: '2027-01-22', escalated: true }),
      ],
    });
    expect(digest.subject).toBe('[certpact] 2 reminders for Ningbo Export (2027-01-30)');
    expect(digest.text.indexOf('2027-01-22, 8 days ago')).toBeLessThan(
      digest.text.indexOf('2027-03-01, in 30 days'),
    );
    expect(digest.text).toContain('[ESCALATED]');
    expect(digest.text).toContain('https://certpact.example/certificates/c1');
    expect(digest.html).toContain('&lt;Valve &amp; Co&gt;');
    expect(digest.html).not.toContain('<Valve');
  });

  it('writes Chinese for zh-CN and links factory people to the submission form', () => {
    const digest = renderDigest({
      ...base,
      locale: 'zh-CN',
      linkToSubmission: true,
      items: [item({ subjectId: 'cert-9' })],
    });
    expect(digest.subject).toBe('[certpact] Ningbo Export 有 1 项提醒（2027-01-30）');
    expect(digest.text).toContain('2027-03-01，还有 30 天');
    expect(digest.text).toContain('https://certpact.example/submissions/new?certificateId=cert-9');
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
      {
        kind: 'certificate_expired',
        subjectType: 'certificate',
        subjectId: 'c1',
        dueOn: '2026-11-22',
        daysLeft: -10,
        escalated: false,
        rendered: { title: 'ISO 9001:2015 certificate CN-1 has expired', link: '/certificates/c1' },
      },
    ],
  });

  it('writes the Chinese label with a full-width colon, the English one with an ASCII colon', () => {
    const zh = renderDigest(input('zh-CN')).text;
    expect(zh).toContain('日期：2026-11-22');
    expect(zh).not.toMatch(/日期: /);
    expect(renderDigest(input('en')).text).toContain('Due: 2026-11-22');
  });
});
