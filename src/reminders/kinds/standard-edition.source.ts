import { Injectable } from '@nestjs/common';
import { StandardsCatalog } from '../../config/standards-catalog';
import { daysUntil, horizonEnd, latestCrossedThreshold } from '../reminder-due';
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

export const STANDARD_EDITION_ENDING = 'standard_edition_ending';

/**
 * A certificate of an edition that becomes void (config/standards.json, `validUntil`:
 * old-edition certificates count through that day, whatever they say) within the
 * policy's horizon, before the certificate itself expires: it must transition to the
 * current edition. Notified at the policy's thresholds before `validUntil`.
 */
@Injectable()
export class StandardEditionSource implements CertificateKind {
  readonly kinds = [STANDARD_EDITION_ENDING] as const;

  constructor(private readonly catalog: StandardsCatalog) {}

  windows(context: ScanContext): DueWindow[] {
    return this.ending(context).map(({ window }) => window);
  }

  notices(rows: CertificateRow[], names: FactoryNames, context: ScanContext): DueNotice[] {
    const notices: DueNotice[] = [];
    for (const { code, endsOn, threshold, window } of this.ending(context)) {
      // Certificates outliving the edition; the ones expiring first get expiry notices.
      for (const row of rows) {
        if (!liesIn(row, window)) continue;
        notices.push(
          certificateNotice(row, names, {
            kind: STANDARD_EDITION_ENDING,
            dedupeKey: `cert:${row.id}:edition:${endsOn}:${threshold}`,
            dueOn: endsOn,
            extra: { thresholdDays: threshold, edition: code },
          }),
        );
      }
    }
    return notices;
  }

  /** The editions that stop counting within the horizon, at a threshold crossed today. */
  private ending({ today, policy }: ScanContext) {
    const until = horizonEnd(today, policy.thresholdsDays);
    const ending: { code: string; endsOn: string; threshold: number; window: DueWindow }[] = [];
    for (const edition of this.catalog.standards) {
      const endsOn = edition.validUntil?.date ?? null;
      if (endsOn === null || endsOn < today || endsOn > until) continue;
      const threshold = latestCrossedThreshold(policy.thresholdsDays, daysUntil(today, endsOn));
      if (threshold === null) continue;
      const window: DueWindow = {
        column: 'expiresOn',
        from: endsOn,
        to: '9999-12-31',
        standards: [edition.code],
      };
      ending.push({ code: edition.code, endsOn, threshold, window });
    }
    return ending;
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
