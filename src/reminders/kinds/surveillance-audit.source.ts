import { Injectable } from '@nestjs/common';
import { addDays } from '../../common/dates';
import { daysUntil, latestCrossedThreshold, SURVEILLANCE_THRESHOLDS_DAYS } from '../reminder-due';
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

export const SURVEILLANCE_AUDIT_DUE = 'surveillance_audit_due';

/** A surveillance audit (`nextSurveillanceAuditOn`) due within 30 days, then within 7. */
@Injectable()
export class SurveillanceAuditSource implements CertificateKind {
  readonly kinds = [SURVEILLANCE_AUDIT_DUE] as const;

  windows({ today }: ScanContext): DueWindow[] {
    const until = addDays(today, Math.max(...SURVEILLANCE_THRESHOLDS_DAYS));
    return [{ column: 'nextSurveillanceAuditOn', from: today, to: until }];
  }

  notices(rows: CertificateRow[], names: FactoryNames, context: ScanContext): DueNotice[] {
    const { today } = context;
    const [window] = this.windows(context);
    const notices: DueNotice[] = [];
    for (const row of rows) {
      const auditOn = row.nextSurveillanceAuditOn;
      if (!auditOn || !liesIn(row, window)) continue;
      if (auditOn >= row.expiresOn) continue; // the recertification takes its place
      const threshold = latestCrossedThreshold(
        SURVEILLANCE_THRESHOLDS_DAYS,
        daysUntil(today, auditOn),
      );
      if (threshold === null) continue;
      notices.push(
        certificateNotice(row, names, {
          kind: SURVEILLANCE_AUDIT_DUE,
          dedupeKey: `cert:${row.id}:surveillance:${auditOn}:${threshold}`,
          dueOn: auditOn,
          extra: { thresholdDays: threshold },
        }),
      );
    }
    return notices;
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const what = describeCertificate(notice, locale);
    const link = certificateLink(notice.subjectId);
    return locale === 'zh-CN'
      ? { title: `${what} 的监督审核即将到期`, detail: '请与认证机构确认审核日期。', link }
      : {
          title: `Surveillance audit due for ${what}`,
          detail: 'Confirm the audit date with the certification body.',
          link,
        };
  }
}
