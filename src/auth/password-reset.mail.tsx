import { renderHtml, RenderedMail, SimpleMail } from '../mail/mail-layout';

/** What the mail says, per language; everything else is the same in both. */
const WORDING = {
  en: {
    subject: 'Reset your certpact password',
    greeting: (name: string) => `Hello ${name},`,
    ask: (minutes: number) =>
      `Someone asked to reset your certpact password. Open this link within ${minutes} minutes and choose a new password (it works once):`,
    notYou: 'If this was not you, ignore this mail: your password stays as it is.',
    action: 'Choose a new password',
  },
  'zh-CN': {
    subject: '重置您的 certpact 密码',
    greeting: (name: string) => `${name}，您好：`,
    ask: (minutes: number) =>
      `有人请求重置您的 certpact 密码。请在 ${minutes} 分钟内打开以下链接并设置新密码（链接仅可使用一次）：`,
    notYou: '如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。',
    action: '设置新密码',
  },
} as const;

/** The mail with the reset link, in the person's language. */
export async function passwordResetMail(
  user: { name: string; locale: string | null },
  link: { resetUrl: string; validMinutes: number },
): Promise<RenderedMail> {
  const locale = user.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const words = WORDING[locale];
  const greeting = words.greeting(user.name);
  const ask = words.ask(link.validMinutes);
  const html = await renderHtml(
    <SimpleMail
      locale={locale}
      subject={words.subject}
      paragraphs={[greeting, ask]}
      action={{ label: words.action, href: link.resetUrl }}
      after={[words.notYou]}
    />,
  );
  return {
    subject: words.subject,
    text: `${greeting}\n\n${ask}\n${link.resetUrl}\n\n${words.notYou}\n`,
    html,
  };
}
