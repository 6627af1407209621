import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { renderDigest } from '../reminders/digest/digest.mail';
import type { DigestInput } from '../reminders/digest/digest.render';
import { composeMail, writeAtOnce } from './compose';

const digestInput = (locale: 'en' | 'zh-CN', items: number): DigestInput => ({
  organizationName: locale === 'en' ? 'Ningbo Export <Valve & Co>' : '宁波出口贸易',
  digestOn: '2027-01-30',
  locale,
  linkToSubmission: false,
  publicUrl: 'https://certpact.example',
  items: Array.from({ length: items }, (_, i) => ({
    kind: 'certificate_expiring',
    subjectType: 'certificate',
    subjectId: `c${i}`,
    dueOn: '2027-03-01',
    daysLeft: i * 9 - 4,
    escalated: i === 1,
    rendered: {
      title: `ISO 9001:2015 certificate B-${i} of 工厂 ${i}`,
      link: `/certificates/c${i}`,
    },
    acknowledgeUrl: `https://certpact.example/acknowledge?token=${'t'.repeat(150 + i)}`,
  })),
});

async function digestMail(locale: 'en' | 'zh-CN', items: number): Promise<Mail.Options> {
  const digest = await renderDigest(digestInput(locale, items));
  return {
    from: 'certpact <noreply@certpact.example>',
    to: 'qa@factory.example',
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    messageId: '<digest-d1-0123456789ab@certpact.reminders>',
    headers: {
      'X-Certpact-Digest': 'd1',
      'List-Unsubscribe': '<https://certpact.example/api/unsubscribe?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

describe('writeAtOnce', () => {
  const cases: [string, () => Promise<Mail.Options>][] = [
    ['an English digest of 1 item', () => digestMail('en', 1)],
    ['an English digest of 10 items', () => digestMail('en', 10)],
    ['a Chinese digest of 4 items', () => digestMail('zh-CN', 4)],
    [
      'a text-only mail with trailing spaces, dots at line starts and long unbroken lines',
      () =>
        Promise.resolve({
          from: 'certpact <noreply@certpact.example>',
          to: ['a@example.com', 'Bé <b@example.com>'],
          subject: 'Reset your password',
          text: `Hello  \n.\n..dot\n${'x'.repeat(300)}\n${'é'.repeat(100)} \t\nend`,
        }),
    ],
    [
      'a short ASCII mail (7bit)',
      () =>
        Promise.resolve({
          from: 'noreply@certpact.example',
          to: 'a@example.com',
          subject: 'Hi',
          text: 'Short.',
          html: '<p>Short.</p>',
        }),
    ],
  ];

  it.each(cases)('writes %s byte for byte as MailComposer.build() does', async (_name, mail) => {
    const message = new MailComposer(await mail()).compile();
    const atOnce = writeAtOnce(message);
    const built = await message.build();
    expect(atOnce?.toString('utf8')).toBe(built.toString('utf8'));
    expect(atOnce?.equals(built)).toBe(true);
  });

  it('leaves a message with an attachment to build()', async () => {
    const mail = await composeMail({
      from: 'noreply@certpact.example',
      to: 'a@example.com',
      subject: 'With a file',
      text: 'See attached.',
      attachments: [{ filename: 'a.bin', content: Buffer.from([0, 1, 2, 13, 10]) }],
    });
    expect(
      writeAtOnce(new MailComposer({ attachments: [{ content: Buffer.from('x') }] }).compile()),
    ).toBeNull();
    expect(mail.raw.toString('utf8')).toContain('Content-Disposition: attachment; filename=a.bin');
  });

  it('keeps the given Message-ID and the envelope of the recipients', async () => {
    const mail = await composeMail(await digestMail('en', 2));
    expect(mail.messageId).toBe('<digest-d1-0123456789ab@certpact.reminders>');
    expect(mail.envelope).toEqual({ from: 'noreply@certpact.example', to: ['qa@factory.example'] });
    expect(mail.raw.toString('utf8')).toContain(
      'Message-ID: <digest-d1-0123456789ab@certpact.reminders>\r\n',
    );
  });
});
