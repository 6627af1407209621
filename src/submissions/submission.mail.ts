import type { Submission, SubmissionKind } from './submission.entity';

const KIND_NAMES: Record<SubmissionKind, { en: string; zh: string }> = {
  new_certificate: { en: 'new certificate', zh: '新证书' },
  renewal: { en: 'certificate renewal', zh: '证书换证' },
  status_change: { en: 'certificate status change', zh: '证书状态变更' },
  surveillance_audit: { en: 'surveillance audit date', zh: '监督审核日期' },
};

/** The email telling the submitter whether their submission was approved or rejected. */
export function decisionMail(
  submission: Submission,
  recipient: { name: string; locale: string | null },
  context: { organizationName: string; certificateNumber: string | null; link: string },
): { subject: string; text: string } {
  const approved = submission.status === 'approved';
  const kind = KIND_NAMES[submission.kind];
  const number = context.certificateNumber ?? '';
  if (recipient.locale === 'zh-CN') {
    const outcome = approved ? '已批准' : '已退回';
    const reason = approved ? '' : `\n退回原因：${submission.rejectionReason ?? ''}\n`;
    return {
      subject: `您提交的${kind.zh}${number ? `（${number}）` : ''}${outcome}`,
      text: `${recipient.name}，您好：\n\n${context.organizationName} ${outcome}您提交的${kind.zh}${number ? `（证书编号 ${number}）` : ''}。\n${reason}\n详情：${context.link}\n`,
    };
  }
  const outcome = approved ? 'approved' : 'rejected';
  const reason = approved ? '' : `\nReason: ${submission.rejectionReason ?? ''}\n`;
  return {
    subject: `Your ${kind.en}${number ? ` (${number})` : ''} was ${outcome}`,
    text: `Hello ${recipient.name},\n\n${context.organizationName} ${outcome} your ${kind.en} submission${number ? ` for certificate ${number}` : ''}.\n${reason}\nDetails: ${context.link}\n`,
  };
}
