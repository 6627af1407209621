import { Injectable } from '@nestjs/common';
import { CertificatesService } from '../certificates/certificates.service';
import { addDays, todayIn } from '../common/dates';
import {
  DueNotice,
  NoticeToRender,
  pagesById,
  RenderedNotice,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  ScanContext,
} from '../reminders/reminder-source';
import { FIRST_CHECK_AFTER_DAYS, verificationDue } from './verification-due';
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
    const { manager, organizationId, today, batchSize } = context;
    // Only two kinds of certificate can be due (verificationDue): one never checked and
    // recorded at least FIRST_CHECK_AFTER_DAYS ago, and one with a check. In SQL: recorded
    // before a day early enough for any timezone (the organization's day and the
    // session's are each within 14 hours of UTC), or with any check; the rule below then
    // decides on the day exactly as before, on far fewer rows.
    const recordedBefore = {
      day: addDays(today, -FIRST_CHECK_AFTER_DAYS + 3),
      orMatching: this.verifications.hasCheckSql(manager, 'certificate'),
    };
    const pages = pagesById(batchSize, (afterId) =>
      this.certificates.listActiveInForce(
        organizationId,
        { today, afterId, limit: batchSize, recordedBefore },
        manager,
      ),
    );
    for await (const batch of pages) {
      const checks = await this.verifications.checkResultsOf(
        organizationId,
        batch.map((c) => c.id),
        manager,
      );
      const notices: DueNotice[] = [];
      for (const certificate of batch) {
        const list = checks.get(certificate.id) ?? [];
        const lastConfirmedOn = list.find((c) => c.result === 'confirmed')?.checkedOn ?? null;
        const due = verificationDue(
          {
            certificateId: certificate.id,
            recordedOn: todayIn(context.policy.timezone, certificate.createdAt),
            everChecked: list.length > 0,
            lastConfirmedOn,
            latestIsConfirmed: list[0]?.result === 'confirmed',
          },
          today,
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
            lastConfirmedOn,
          },
        });
      }
      if (notices.length > 0) yield notices;
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
