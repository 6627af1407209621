import { renderHtml, RenderedMail, SimpleMail } from '../mail/mail-layout';
import type { Submission, SubmissionKind } from './submission.entity';

const KIND_NAMES: Record<SubmissionKind, { en: string; zh: string }> = {
  new_certificate: { en: 'new certificate', zh: '新证书' },
  renewal: { en: 'certificate renewal', zh: '证书换证' },
  status_change: { en: 'certificate status change', zh: '证书状态变更' },
  surveillance_audit: { en: 'surveillance audit date', zh: '监督审核日期' },
};

/** The email telling the submitter whether their submission was approved or rejected. */
export async function decisionMail(
  submission: Submission,
  recipient: { name: string; locale: string | null },
  context: { organizationName: string; certificateNumber: string | null; link: string },
): Promise<RenderedMail> {
  const approved = submission.status === 'approved';
  const kind = KIND_NAMES[submission.kind];
  const number = context.certificateNumber ?? '';
  if (recipient.locale === 'zh-CN') {
    const outcome = approved ? '已批准' : '已退回';
    const subject = `您提交的${kind.zh}${number ? `（${number}）` : ''}${outcome}`;
    const greeting = `${recipient.name}，您好：`;
    const said = `${context.organizationName} ${outcome}您提交的${kind.zh}${number ? `（证书编号 ${number}）` : ''}。`;
    const reason = approved ? null : `退回原因：${submission.rejectionReason ?? ''}`;
    const html = await renderHtml(
      <SimpleMail
        locale="zh-CN"
        subject={subject}
        organizationName={context.organizationName}
        paragraphs={[greeting, said, ...(reason ? [reason] : [])]}
        action={{ label: '查看详情', href: context.link }}
      />,
    );
    const text = `${greeting}\n\n${said}\n${reason ? `\n${reason}\n` : ''}\n详情：${context.link}\n`;
    return { subject, text, html };
  }
  const outcome = approved ? 'approved' : 'rejected';
  const subject = `Your ${kind.en}${number ? ` (${number})` : ''} was ${outcome}`;
  const greeting = `Hello ${recipient.name},`;
  const said = `${context.organizationName} ${outcome} your ${kind.en} submission${number ? ` for certificate ${number}` : ''}.`;
  const reason = approved ? null : `Reason: ${submission.rejectionReason ?? ''}`;
  const html = await renderHtml(
    <SimpleMail
      locale="en"
      subject={subject}
      organizationName={context.organizationName}
      paragraphs={[greeting, said, ...(reason ? [reason] : [])]}
      action={{ label: 'See the details', href: context.link }}
    />,
  );
  const text = `${greeting}\n\n${said}\n${reason ? `\n${reason}\n` : ''}\nDetails: ${context.link}\n`;
  return { subject, text, html };
}
