import { Injectable } from '@nestjs/common';
import { addDays } from '../../common/dates';
import { daysUntil, latestCrossedThreshold, SURVEILLANCE_THRESHOLDS_DAYS } from '../reminder-due';
import {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  RenderedNotice,
  ScanContext,
} from '../reminder-source';
import {
  certificateLink,
  certificateNotice,
  CertificateRows,
  describeCertificate,
} from './certificate-rows';

export const SURVEILLANCE_AUDIT_DUE = 'surveillance_audit_due';

/** A surveillance audit (`nextSurveillanceAuditOn`) due within 30 days, then within 7. */
@Injectable()
@ReminderSource()
export class SurveillanceAuditSource implements ReminderSourceHandler {
  readonly kinds = [SURVEILLANCE_AUDIT_DUE] as const;

  constructor(private readonly rows: CertificateRows) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const { today } = context;
    const names = this.rows.names(context);
    const until = addDays(today, Math.max(...SURVEILLANCE_THRESHOLDS_DAYS));
    for await (const rows of this.rows.dueBetween(
      context,
      'nextSurveillanceAuditOn',
      today,
      until,
    )) {
      await names.load(rows.map((row) => row.factoryId));
      const notices: DueNotice[] = [];
      for (const row of rows) {
        const auditOn = row.nextSurveillanceAuditOn;
        if (!auditOn || auditOn >= row.expiresOn) continue; // the recertification takes its place
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
      if (notices.length > 0) yield notices;
    }
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
