import { Link } from '@react-email/link';
import { Text } from '@react-email/text';
import { digestLayout, renderDigest } from './digest.mail';
import { digestModel, type DigestInput, type DigestItem } from './digest.render';
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

describe('renderDigest', () => {
  // Every shape a line can take: escalated, with a detail, acknowledged, with a link to
  // open, with an acknowledge link, in each urgency group; text that needs escaping.
  const items: DigestItem[] = [];
  for (let shape = 0; shape < 32; shape++) {
    const on = (bit: number) => (shape & (1 << bit)) !== 0;
    items.push({
      kind: shape % 3 ? 'certificate_expiring' : 'milestone_due',
      subjectType: on(3) ? 'certificate' : 'milestone',
      subjectId: `s${shape}`,
      dueOn: '2027-02-01',
      daysLeft: [-3, 0, 4, 12][shape % 4],
      escalated: on(0),
      rendered: {
        title: `Item ${shape} of <Valve & Co> "quoted" 'single'`,
        link: `/things/${shape}?a=1&b=<2>`,
        ...(on(1) ? { detail: `Detail ${shape} & <more>` } : {}),
      },
      ...(on(4)
        ? { acknowledgeUrl: `https://certpact.example/acknowledge?token=t${shape}&x="y"` }
        : {}),
      ...(on(2)
        ? { acknowledged: { by: 'Li & Wang', note: 'booked <soon>', quietUntil: '2027-02-10' } }
        : {}),
    });
  }
  const inputs: [string, DigestInput][] = [];
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const reader of ['user', 'contact'] as const) {
      for (const linkToSubmission of [false, true]) {
        inputs.push([
          `${locale}, ${reader}, ${linkToSubmission ? 'submission links' : 'record links'}`,
          digest({
            locale,
            reader,
            linkToSubmission,
            items,
            ...(reader === 'contact'
              ? { unsubscribeUrl: 'https://certpact.example/unsubscribe?token=t&x=1' }
              : {}),
          }),
        ]);
      }
    }
  }
  inputs.push(['one item', digest({ items: items.slice(5, 6) })]);
  inputs.push(['a contact without an unsubscribe page', digest({ reader: 'contact' })]);
  inputs.push(['an organization without a name', digest({ organizationName: '' })]);

  it.each(inputs)('writes %s exactly as React renders MailLayout', async (_name, input) => {
    const expected = await renderHtml(
      <MailLayout {...digestLayout(digestModel(input), input.organizationName)} />,
    );
    // twice: the first call renders the templates, the second fills them only
    expect((await renderDigest(input)).html).toBe(expected);
    expect((await renderDigest(input)).html).toBe(expected);
  });

  it.each([0, 1, 149, 150, 151, 300])(
    'writes a preview of %i characters as React does',
    async (n) => {
      const props: MailLayoutProps = {
        locale: 'en',
        title: 't',
        preview: '<&>😀'.repeat(Math.ceil(n / 5)).slice(0, n),
        children: <Text>x</Text>,
      };
      expect(await renderInLayout(props)).toBe(await renderHtml(<MailLayout {...props} />));
    },
  );
});
