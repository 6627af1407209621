import { Injectable } from '@nestjs/common';
import { CertificatesService } from '../certificates/certificates.service';
import { todayIn } from '../common/dates';
import {
  DueNotice,
  NoticeToRender,
  RenderedNotice,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  ScanContext,
} from '../reminders/reminder-source';
import { verificationDue } from './verification-due';
import { VerificationsService } from './verifications.service';

export const VERIFICATION_DUE = 'verification_due';

/** Tells admins which certificates nobody has checked yet, or whose check went stale. */
@ReminderSource()
@Injectable()
export class VerificationDueSource implements ReminderSourceHandler {
  readonly kinds = [VERIFICATION_DUE] as const;

  constructor(
    private readonly certificates: CertificatesService,
    private readonly verifications: VerificationsService,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    let lastId = '';
    for (;;) {
      const batch = await this.certificates.listActiveInForce(
        context.organizationId,
        { today: context.today, afterId: lastId, limit: context.batchSize },
        context.manager,
      );
      if (batch.length === 0) return;
      const checks = await this.verifications.checksOf(
        context.organizationId,
        batch.map((c) => c.id),
        context.manager,
      );
      const notices: DueNotice[] = [];
      for (const certificate of batch) {
        const list = checks.get(certificate.id) ?? [];
        const confirmed = list.filter((c) => c.result === 'confirmed');
        const due = verificationDue(
          {
            certificateId: certificate.id,
            recordedOn: todayIn(context.policy.timezone, certificate.createdAt),
            everChecked: list.length > 0,
            lastConfirmedOn: confirmed[0]?.checkedOn ?? null,
            latestIsConfirmed: list[0]?.result === 'confirmed',
          },
          context.today,
        );
        if (!due) continue;
        notices.push({
          kind: VERIFICATION_DUE,
          dedupeKey: due.dedupeKey,
          subjectType: 'certificate',
          subjectId: certificate.id,
          factoryId: certificate.factoryId,
          dueOn: due.dueOn,
          audience: 'admins',
          payload: {
            reason: due.reason,
            standard: certificate.standard,
            certificateNumber: certificate.certificateNumber,
            lastConfirmedOn: confirmed[0]?.checkedOn ?? null,
          },
        });
      }
      if (notices.length > 0) yield notices;
      lastId = batch[batch.length - 1].id;
      if (batch.length < context.batchSize) return;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const p = notice.payload as {
      reason: 'never_verified' | 'check_expired';
      standard: string;
      certificateNumber: string;
      lastConfirmedOn: string | null;
    };
    const link = `/certificates/${notice.subjectId}/verifications`;
    if (locale === 'zh-CN') {
      return p.reason === 'never_verified'
        ? {
            title: `${p.standard} 证书 ${p.certificateNumber} 尚未核验`,
            detail: '请在 IAF CertSearch、CNCA 或认证机构网站上核验，并记录结果。',
            link,
          }
        : {
            title: `${p.standard} 证书 ${p.certificateNumber} 的核验已满一年（上次确认：${p.lastConfirmedOn}）`,
            detail: '请重新核验证书状态并记录结果。',
            link,
          };
    }
    return p.reason === 'never_verified'
      ? {
          title: `${p.standard} certificate ${p.certificateNumber} has not been verified`,
          detail:
            'Check it on IAF CertSearch, CNCA or the certification body’s register, and record the result.',
          link,
        }
      : {
          title: `${p.standard} certificate ${p.certificateNumber} was last confirmed on ${p.lastConfirmedOn}, a year ago`,
          detail: 'Check its status again and record the result.',
          link,
        };
  }
}
