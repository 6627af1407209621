import type { Invitation } from './invitation.entity';

const ROLE_NAMES: Record<string, { en: string; zh: string }> = {
  admin: { en: 'an administrator', zh: '管理员' },
  member: { en: 'a team member', zh: '团队成员' },
  factory_manager: { en: 'the manager of your factory', zh: '工厂负责人' },
};

export function invitationMail(
  invitation: Invitation,
  issued: { inviteUrl: string; expiresAt: string },
  organizationName: string,
) {
  const role = ROLE_NAMES[invitation.role] ?? ROLE_NAMES.member;
  const expires = issued.expiresAt.slice(0, 10);
  if (invitation.locale === 'zh-CN') {
    return {
      subject: `${organizationName} 邀请您加入 certpact`,
      text: `${invitation.name}，您好：\n\n${organizationName} 邀请您以${role.zh}身份使用 certpact 管理认证证书。\n请在 ${expires} 之前打开以下链接并设置密码：\n${issued.inviteUrl}\n`,
    };
  }
  return {
    subject: `${organizationName} invites you to certpact`,
    text: `Hello ${invitation.name},\n\n${organizationName} invites you to certpact as ${role.en}, to keep certificates current.\nOpen this link before ${expires} and choose a password:\n${issued.inviteUrl}\n`,
  };
}
