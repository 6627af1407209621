import { Injectable } from '@nestjs/common';
import { StandardsCatalog } from '../../config/standards-catalog';
import { daysUntil, horizonEnd, latestCrossedThreshold } from '../reminder-due';
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

export const STANDARD_EDITION_ENDING = 'standard_edition_ending';

/**
 * A certificate of an edition that becomes void (config/standards.json, `validUntil`:
 * old-edition certificates count through that day, whatever they say) within the
 * policy's horizon, before the certificate itself expires: it must transition to the
 * current edition. Notified at the policy's thresholds before `validUntil`.
 */
@Injectable()
@ReminderSource()
export class StandardEditionSource implements ReminderSourceHandler {
  readonly kinds = [STANDARD_EDITION_ENDING] as const;

  constructor(
    private readonly catalog: StandardsCatalog,
    private readonly rows: CertificateRows,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const { today, policy } = context;
    const until = horizonEnd(today, policy.thresholdsDays);
    const ending = this.catalog.standards.filter((s) => {
      const validUntil = s.validUntil?.date ?? null;
      return validUntil !== null && validUntil >= today && validUntil <= until;
    });
    if (ending.length === 0) return;
    const names = this.rows.names(context);
    for (const edition of ending) {
      const endsOn = edition.validUntil?.date as string;
      const threshold = latestCrossedThreshold(policy.thresholdsDays, daysUntil(today, endsOn));
      if (threshold === null) continue;
      // Certificates outliving the edition; the ones expiring first get expiry notices.
      for await (const rows of this.rows.dueBetween(context, 'expiresOn', endsOn, '9999-12-31', [
        edition.code,
      ])) {
        await names.load(rows.map((row) => row.factoryId));
        yield rows.map((row) =>
          certificateNotice(row, names, {
            kind: STANDARD_EDITION_ENDING,
            dedupeKey: `cert:${row.id}:edition:${endsOn}:${threshold}`,
            dueOn: endsOn,
            extra: { thresholdDays: threshold, edition: edition.code },
          }),
        );
      }
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const what = describeCertificate(notice, locale);
    const edition = String(notice.payload.edition ?? '');
    const link = certificateLink(notice.subjectId);
    return locale === 'zh-CN'
      ? {
          title: `${edition} 版本即将停止认证：${what} 需要转版`,
          detail: '请与认证机构安排转版审核。',
          link,
        }
      : {
          title: `${edition} stops being certifiable: ${what} must transition`,
          detail: 'Plan the transition audit with the certification body.',
          link,
        };
  }
}
