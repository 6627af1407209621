import { renderHtml, RenderedMail, SimpleMail } from '../mail/mail-layout';

/** The mail with the reset link, in the person's language. */
export async function passwordResetMail(
  user: { name: string; locale: string | null },
  link: { resetUrl: string; validMinutes: number },
): Promise<RenderedMail> {
  if (user.locale === 'zh-CN') {
    const subject = '重置您的 certpact 密码';
    const greeting = `${user.name}，您好：`;
    const ask = `有人请求重置您的 certpact 密码。请在 ${link.validMinutes} 分钟内打开以下链接并设置新密码（链接仅可使用一次）：`;
    const notYou = '如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。';
    const html = await renderHtml(
      <SimpleMail
        locale="zh-CN"
        subject={subject}
        paragraphs={[greeting, ask]}
        action={{ label: '设置新密码', href: link.resetUrl }}
        after={[notYou]}
      />,
    );
    return { subject, text: `${greeting}\n\n${ask}\n${link.resetUrl}\n\n${notYou}\n`, html };
  }
  const subject = 'Reset your certpact password';
  const greeting = `Hello ${user.name},`;
  const ask = `Someone asked to reset your certpact password. Open this link within ${link.validMinutes} minutes and choose a new password (it works once):`;
  const notYou = 'If this was not you, ignore this mail: your password stays as it is.';
  const html = await renderHtml(
    <SimpleMail
      locale="en"
      subject={subject}
      paragraphs={[greeting, ask]}
      action={{ label: 'Choose a new password', href: link.resetUrl }}
      after={[notYou]}
    />,
  );
  return { subject, text: `${greeting}\n\n${ask}\n${link.resetUrl}\n\n${notYou}\n`, html };
}
