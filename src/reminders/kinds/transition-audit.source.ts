import { Injectable } from '@nestjs/common';
import { addDays } from '../../common/dates';
import { StandardsCatalog } from '../../config/standards-catalog';
import {
  StandardEdition,
  TRANSITION_NOTICE_DAYS,
  transitionAuditDue,
} from '../../config/standard-transitions';
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

export const TRANSITION_AUDIT_DUE = 'transition_audit_due';

/**
 * A certificate whose next audit (surveillance, or the recertification before expiry)
 * falls on or after its edition's `newEditionAuditsFrom`: that audit must be a transition
 * audit to the successor edition (IAF Resolution 2017-13: from 15 March 2018 every ISO
 * 9001 and ISO 14001 audit used the 2015 editions). Told to the factory's responsible
 * people 180, 90 and 30 days before the audit (rule: transitionAuditDue).
 */
@Injectable()
export class TransitionAuditSource implements CertificateKind {
  readonly kinds = [TRANSITION_AUDIT_DUE] as const;

  constructor(private readonly catalog: StandardsCatalog) {}

  windows(context: ScanContext): DueWindow[] {
    return this.editions(context).flatMap(({ surveillance, recertification }) => [
      surveillance,
      recertification,
    ]);
  }

  notices(rows: CertificateRow[], names: FactoryNames, context: ScanContext): DueNotice[] {
    const notices: DueNotice[] = [];
    for (const { edition, surveillance, recertification } of this.editions(context)) {
      for (const row of rows) {
        if (row.standard !== edition.code) continue;
        const due = transitionAuditDue(row, edition, context.today);
        if (!due) continue;
        // A surveillance audit in the window, or a recertification (by expiry) in it.
        const window = due.audit.kind === 'surveillance' ? surveillance : recertification;
        if (!liesIn(row, window)) continue;
        notices.push(this.notice(row, names, edition, due));
      }
    }
    return notices;
  }

  /** The editions whose audits must move to the successor within the notice window. */
  private editions({ today }: ScanContext) {
    const until = addDays(today, Math.max(...TRANSITION_NOTICE_DAYS));
    const found: {
      edition: StandardEdition;
      surveillance: DueWindow;
      recertification: DueWindow;
    }[] = [];
    for (const edition of this.catalog.standards) {
      const from = edition.newEditionAuditsFrom?.date;
      if (edition.successor === null || from == null || from > until) continue;
      const start = from > today ? from : today;
      const window = { from: start, to: until, standards: [edition.code] };
      found.push({
        edition,
        surveillance: { column: 'nextSurveillanceAuditOn', ...window },
        recertification: { column: 'expiresOn', ...window },
      });
    }
    return found;
  }

  private notice(
    row: Parameters<typeof certificateNotice>[0],
    names: FactoryNames,
    edition: StandardEdition,
    due: NonNullable<ReturnType<typeof transitionAuditDue>>,
  ): DueNotice {
    return certificateNotice(row, names, {
      kind: TRANSITION_AUDIT_DUE,
      dedupeKey: `cert:${row.id}:transition:${due.audit.kind}:${due.audit.dueOn}:${due.thresholdDays}`,
      dueOn: due.audit.dueOn,
      extra: {
        thresholdDays: due.thresholdDays,
        auditKind: due.audit.kind,
        successor: due.successor,
        newEditionAuditsFrom: due.newEditionAuditsFrom,
        validUntil: due.validUntil,
        provisional: Boolean(
          edition.newEditionAuditsFrom?.provisional || edition.validUntil?.provisional,
        ),
      },
    });
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const what = describeCertificate(notice, locale);
    const p = notice.payload;
    const successor = String(p.successor ?? '');
    const from = String(p.newEditionAuditsFrom ?? '');
    const validUntil = typeof p.validUntil === 'string' ? p.validUntil : null;
    const surveillance = p.auditKind === 'surveillance';
    const link = certificateLink(notice.subjectId);
    if (locale === 'zh-CN') {
      const audit = surveillance ? '监督审核' : '再认证审核';
      const until = validUntil ? `旧版证书只在 ${validUntil} 前有效。` : '';
      const provisional = p.provisional ? '（日期为暂定，以认可机构正式文件为准）' : '';
      return {
        title: `${what} 的下次审核须按 ${successor} 进行转版审核`,
        detail: `${notice.dueOn} 的${audit}在 ${from} 之后，自该日起审核须采用 ${successor}；${until}请尽早与认证机构安排转版审核${provisional}。`,
        link,
      };
    }
    const audit = surveillance ? 'surveillance audit' : 'recertification audit';
    const until = validUntil
      ? ` Certificates of the old edition count only until ${validUntil}.`
      : '';
    const provisional = p.provisional
      ? ' (provisional dates, until the accreditation document is published)'
      : '';
    return {
      title: `Next audit of ${what} must be a transition audit to ${successor}`,
      detail: `The ${audit} due ${notice.dueOn} falls on or after ${from}, from when audits must use ${successor}.${until} Plan the transition with the certification body now${provisional}.`,
      link,
    };
  }
}
