import { renderHtml, RenderedMail, SimpleMail } from '../mail/mail-layout';
import type { Invitation } from './invitation.entity';

const ROLE_NAMES: Record<string, { en: string; zh: string }> = {
  admin: { en: 'an administrator', zh: '管理员' },
  member: { en: 'a team member', zh: '团队成员' },
  factory_manager: { en: 'the manager of your factory', zh: '工厂负责人' },
};

export interface InvitationContext {
  organizationName: string;
  /** The organization's language, for an invitation that names none. */
  organizationLocale: string | null;
  /** The factory a factory manager is invited for. */
  factoryName?: string | null;
}

/** The invitation in the invitee's language, naming the organization and (for a manager) the factory. */
export async function invitationMail(
  invitation: Pick<Invitation, 'name' | 'role' | 'locale'>,
  issued: { inviteUrl: string; expiresAt: string },
  context: InvitationContext,
): Promise<RenderedMail> {
  const role = ROLE_NAMES[invitation.role] ?? ROLE_NAMES.member;
  const expires = issued.expiresAt.slice(0, 10);
  const organizationName = context.organizationName;
  const factory = context.factoryName ?? null;
  const locale = (invitation.locale ?? context.organizationLocale) === 'zh-CN' ? 'zh-CN' : 'en';
  if (locale === 'zh-CN') {
    const subject = `${organizationName} 邀请您加入 certpact`;
    const paragraphs = [
      `${invitation.name}，您好：`,
      factory
        ? `${organizationName} 邀请您以${factory}的${role.zh}身份使用 certpact，维护该工厂的认证证书。`
        : `${organizationName} 邀请您以${role.zh}身份使用 certpact 管理认证证书。`,
      `请在 ${expires} 之前打开以下链接并设置密码：`,
    ];
    const text = `${paragraphs[0]}\n\n${paragraphs[1]}\n${paragraphs[2]}\n${issued.inviteUrl}\n`;
    const html = await renderHtml(
      <SimpleMail
        locale={locale}
        subject={subject}
        organizationName={organizationName}
        paragraphs={paragraphs}
        action={{ label: '接受邀请并设置密码', href: issued.inviteUrl }}
      />,
    );
    return { subject, text, html };
  }
  const subject = `${organizationName} invites you to certpact`;
  const paragraphs = [
    `Hello ${invitation.name},`,
    factory
      ? `${organizationName} invites you to certpact as the manager of ${factory}, to keep that factory’s certificates current.`
      : `${organizationName} invites you to certpact as ${role.en}, to keep certificates current.`,
    `Open this link before ${expires} and choose a password:`,
  ];
  const text = `${paragraphs[0]}\n\n${paragraphs[1]}\n${paragraphs[2]}\n${issued.inviteUrl}\n`;
  const html = await renderHtml(
    <SimpleMail
      locale={locale}
      subject={subject}
      organizationName={organizationName}
      paragraphs={paragraphs}
      action={{ label: 'Accept the invitation', href: issued.inviteUrl }}
    />,
  );
  return { subject, text, html };
}
