import { Link, Text } from '@react-email/components';
import { digestLayout } from './digest.mail';
import { digestModel, type DigestInput } from './digest.render';
import {
  MailLayout,
  type MailLayoutProps,
  renderHtml,
  renderInLayout,
} from '../../mail/mail-layout';

const digest = (overrides: Partial<DigestInput>): DigestInput => ({
  organizationName: 'Ningbo Export <Valve & Co> "quoted"',
  digestOn: '2027-01-30',
  locale: 'en',
  linkToSubmission: false,
  publicUrl: 'https://certpact.example',
  items: [-8, 2, 30].map((daysLeft, i) => ({
    kind: i ? 'certificate_expiring' : 'certificate_expired',
    subjectType: 'certificate',
    subjectId: `c${i}`,
    dueOn: '2027-02-01',
    daysLeft,
    escalated: i === 0,
    rendered: {
      title: `ISO 9001:2015 certificate B-${i} of <Factory> & Sons`,
      link: `/certificates/c${i}`,
    },
    acknowledgeUrl: `https://certpact.example/acknowledge?token=a&b=${i}`,
    ...(i === 1
      ? { acknowledged: { by: 'Li', note: 'booked <soon>', quietUntil: '2027-02-10' } }
      : {}),
  })),
  ...overrides,
});

describe('renderInLayout', () => {
  const cases: [string, MailLayoutProps][] = [
    [
      'an English digest to a user',
      digestLayout(digestModel(digest({})), 'Ningbo Export <Valve & Co> "quoted"'),
    ],
    [
      'a Chinese digest to a factory contact, with its unsubscribe link',
      digestLayout(
        digestModel(
          digest({
            locale: 'zh-CN',
            reader: 'contact',
            linkToSubmission: true,
            unsubscribeUrl: 'https://certpact.example/unsubscribe?token=t&x=1',
          }),
        ),
        '宁波出口贸易',
      ),
    ],
    [
      'a mail without organization or footer, with a long preview',
      {
        locale: 'en',
        title: 'Reset your password & more',
        preview: 'p'.repeat(200),
        children: (
          <Text>
            Hello <Link href="https://certpact.example/reset?token=a&b">reset</Link>
          </Text>
        ),
      },
    ],
  ];

  it.each(cases)('renders %s exactly as the full React render does', async (_name, props) => {
    expect(await renderInLayout(props)).toBe(await renderHtml(<MailLayout {...props} />));
  });

  it('renders the frame of each locale in its own language, whichever came first', async () => {
    const zh = await renderInLayout({ ...cases[1][1] });
    const en = await renderInLayout({ ...cases[0][1] });
    expect(zh).toContain('lang="zh-CN"');
    expect(zh).toContain('certpact 帮助您跟踪');
    expect(en).toContain('lang="en"');
    expect(en).not.toContain('帮助您');
  });
});
