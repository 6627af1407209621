/** The mail with the reset link, in the person's language (the same plain style as invitations). */
export function passwordResetMail(
  user: { name: string; locale: string | null },
  link: { resetUrl: string; validMinutes: number },
) {
  if (user.locale === 'zh-CN') {
    return {
      subject: '重置您的 certpact 密码',
      text: `${user.name}，您好：\n\n有人请求重置您的 certpact 密码。请在 ${link.validMinutes} 分钟内打开以下链接并设置新密码（链接仅可使用一次）：\n${link.resetUrl}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。\n`,
    };
  }
  return {
    subject: 'Reset your certpact password',
    text: `Hello ${user.name},\n\nSomeone asked to reset your certpact password. Open this link within ${link.validMinutes} minutes and choose a new password (it works once):\n${link.resetUrl}\n\nIf this was not you, ignore this mail: your password stays as it is.\n`,
  };
}
