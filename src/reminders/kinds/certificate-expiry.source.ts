import { Injectable } from '@nestjs/common';
import { addDays } from '../../common/dates';
import {
  horizonEnd,
  daysUntil,
  latestCrossedThreshold,
  latestOverdueOccurrence,
} from '../reminder-due';
import type {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  RenderedNotice,
  ScanContext,
} from '../reminder-source';
import {
  certificateLink,
  certificateNotice,
  CertificateKind,
  CertificateRow,
  describeCertificate,
  DueWindow,
  FactoryNames,
  liesIn,
} from './certificate-rows';

export const CERTIFICATE_EXPIRING = 'certificate_expiring';
export const CERTIFICATE_EXPIRED = 'certificate_expired';

/**
 * A certificate reaching one of the policy's thresholds before `expiresOn`; then, once
 * it has expired without a renewal, overdue notices every `overdueRepeatDays`,
 * escalated to every admin from `escalateAfterDays` on.
 */
@Injectable()
export class CertificateExpirySource implements CertificateKind {
  readonly kinds = [CERTIFICATE_EXPIRING, CERTIFICATE_EXPIRED] as const;

  windows({ today, policy }: ScanContext): DueWindow[] {
    return [{ column: 'expiresOn', from: null, to: horizonEnd(today, policy.thresholdsDays) }];
  }

  notices(rows: CertificateRow[], names: FactoryNames, context: ScanContext): DueNotice[] {
    const { today, policy } = context;
    const [window] = this.windows(context);
    const notices: DueNotice[] = [];
    for (const row of rows) {
      if (!liesIn(row, window)) continue;
      const daysLeft = daysUntil(today, row.expiresOn);
      const threshold = latestCrossedThreshold(policy.thresholdsDays, daysLeft);
      if (threshold !== null) {
        notices.push(
          certificateNotice(row, names, {
            kind: CERTIFICATE_EXPIRING,
            dedupeKey: `cert:${row.id}:expiring:${row.expiresOn}:${threshold}`,
            dueOn: row.expiresOn,
            extra: { thresholdDays: threshold },
          }),
        );
        continue;
      }
      const overdue = latestOverdueOccurrence(
        daysLeft,
        policy.overdueRepeatDays,
        policy.escalateAfterDays,
      );
      if (overdue) {
        notices.push(
          certificateNotice(row, names, {
            kind: CERTIFICATE_EXPIRED,
            dedupeKey: `cert:${row.id}:expired:${row.expiresOn}:${overdue.overdueDay}`,
            dueOn: row.expiresOn,
            escalateToAdmins: overdue.escalated,
            extra: {
              overdueDay: overdue.overdueDay,
              escalated: overdue.escalated,
              lapsedOn: addDays(row.expiresOn, 1),
            },
          }),
        );
      }
    }
    return notices;
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const what = describeCertificate(notice, locale);
    const link = certificateLink(notice.subjectId);
    const escalated = notice.payload.escalated === true;
    if (notice.kind === CERTIFICATE_EXPIRING) {
      return locale === 'zh-CN'
        ? { title: `${what} 即将到期`, detail: '请安排再认证审核，并登记续期后的新证书。', link }
        : {
            title: `${what} expires`,
            detail: 'Arrange the recertification audit, then record the renewed certificate.',
            link,
          };
    }
    return locale === 'zh-CN'
      ? {
          title: `${what} 已过期且未续期`,
          detail: escalated
            ? '已上报给所有管理员：请立即处理，买家可能停止下单。'
            : '请尽快登记续期证书，或与工厂确认再认证进度。',
          link,
        }
      : {
          title: `${what} has expired and was not renewed`,
          detail: escalated
            ? 'Escalated to every admin: act now, buyers may stop ordering.'
            : 'Record the renewed certificate, or check the recertification with the factory.',
          link,
        };
  }
}
