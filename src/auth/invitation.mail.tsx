import { renderHtml, RenderedMail, SimpleMail } from '../mail/mail-layout';
import type { Invitation } from './invitation.entity';

type MailLocale = 'en' | 'zh-CN';

const ROLE_NAMES: Record<string, Record<MailLocale, string>> = {
  admin: { en: 'an administrator', 'zh-CN': '管理员' },
  member: { en: 'a team member', 'zh-CN': '团队成员' },
  factory_manager: { en: 'the manager of your factory', 'zh-CN': '工厂负责人' },
};

interface Facts {
  name: string;
  organizationName: string;
  role: string;
  factory: string | null;
  expires: string;
}

/** What the invitation says, per language; everything else is the same in both. */
const WORDING: Record<
  MailLocale,
  {
    subject(f: Facts): string;
    greeting(f: Facts): string;
    invites(f: Facts): string;
    open(f: Facts): string;
    action: string;
  }
> = {
  en: {
    subject: (f) => `${f.organizationName} invites you to certpact`,
    greeting: (f) => `Hello ${f.name},`,
    invites: (f) =>
      f.factory
        ? `${f.organizationName} invites you to certpact as the manager of ${f.factory}, to keep that factory’s certificates current.`
        : `${f.organizationName} invites you to certpact as ${f.role}, to keep certificates current.`,
    open: (f) => `Open this link before ${f.expires} and choose a password:`,
    action: 'Accept the invitation',
  },
  'zh-CN': {
    subject: (f) => `${f.organizationName} 邀请您加入 certpact`,
    greeting: (f) => `${f.name}，您好：`,
    invites: (f) =>
      f.factory
        ? `${f.organizationName} 邀请您以${f.factory}的${f.role}身份使用 certpact，维护该工厂的认证证书。`
        : `${f.organizationName} 邀请您以${f.role}身份使用 certpact 管理认证证书。`,
    open: (f) => `请在 ${f.expires} 之前打开以下链接并设置密码：`,
    action: '接受邀请并设置密码',
  },
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
  const locale: MailLocale =
    (invitation.locale ?? context.organizationLocale) === 'zh-CN' ? 'zh-CN' : 'en';
  const words = WORDING[locale];
  const facts: Facts = {
    name: invitation.name,
    organizationName: context.organizationName,
    role: (ROLE_NAMES[invitation.role] ?? ROLE_NAMES.member)[locale],
    factory: context.factoryName ?? null,
    expires: issued.expiresAt.slice(0, 10),
  };
  const subject = words.subject(facts);
  const paragraphs = [words.greeting(facts), words.invites(facts), words.open(facts)];
  const text = `${paragraphs[0]}\n\n${paragraphs[1]}\n${paragraphs[2]}\n${issued.inviteUrl}\n`;
  const html = await renderHtml(
    <SimpleMail
      locale={locale}
      subject={subject}
      organizationName={facts.organizationName}
      paragraphs={paragraphs}
      action={{ label: words.action, href: issued.inviteUrl }}
    />,
  );
  return { subject, text, html };
}
