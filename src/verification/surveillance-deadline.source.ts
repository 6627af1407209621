import { Injectable } from '@nestjs/common';
import { CertificatesService } from '../certificates/certificates.service';
import { addDays, addMonths, todayIn } from '../common/dates';
import { FactoriesService } from '../factories/factories.service';
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
import { IafMlaList } from './signals/iaf-mla-list';
import {
  presumedLastSurveillance,
  SURVEILLANCE_DEADLINE_THRESHOLDS_DAYS,
  surveillanceDeadline,
  SurveillanceRule,
  surveillanceRuleFor,
  surveillanceStatus,
} from './signals/surveillance-clock';
import { VerificationsService } from './verifications.service';

export const SURVEILLANCE_DEADLINE = 'surveillance_deadline';

/** What the clock and its notice read of the certificate holder. */
interface HolderFactory {
  name: string;
  country: string;
}

/**
 * The surveillance clock as a reminder: a certificate whose rule's last day for its next
 * surveillance audit (CNCA-QMS-01:2025 5.4.1.4 for certificates of CNCA-approved bodies,
 * ISO/IEC 17021-1 9.6.2.2 otherwise) comes within 30, then 7 days with no audit planned by
 * then, and once that day has passed (under CNCA rules the body must then suspend it).
 * Counted from the issue date and the audits recorded here, not from the planned date;
 * deadlines before the certificate was recorded are presumed met (presumedLastSurveillance).
 */
@ReminderSource()
@Injectable()
export class SurveillanceDeadlineSource implements ReminderSourceHandler {
  readonly kinds = [SURVEILLANCE_DEADLINE] as const;

  constructor(
    private readonly certificates: CertificatesService,
    private readonly factories: FactoriesService,
    private readonly verifications: VerificationsService,
    private readonly mla: IafMlaList,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const { manager, organizationId, today, batchSize } = context;
    // The earliest last day is 12 months after issue: younger certificates owe nothing yet.
    const horizon = Math.max(...SURVEILLANCE_DEADLINE_THRESHOLDS_DAYS);
    const issuedOnOrBefore = addMonths(addDays(today, horizon), -12);
    // A factory's name and country, read once per scan (an organization has far fewer
    // factories than certificates); null for an id the organization does not hold.
    const factoryOf = new Map<string, HolderFactory | null>();
    const pages = pagesById(batchSize, (afterId) =>
      this.certificates.listUnderSurveillance(
        organizationId,
        { today, issuedOnOrBefore, afterId, limit: batchSize },
        manager,
      ),
    );
    for await (const batch of pages) {
      const missing = [...new Set(batch.map((c) => c.factoryId))].filter(
        (id): id is string => id !== null && !factoryOf.has(id),
      );
      const [factories, lastAudits] = await Promise.all([
        this.factories.columnsOf(organizationId, missing, ['name', 'country'], manager),
        this.verifications.lastAudits(
          organizationId,
          batch.map((c) => c.id),
          today,
          manager,
        ),
      ]);
      for (const id of missing) factoryOf.set(id, null);
      for (const factory of factories) factoryOf.set(factory.id, factory);
      const notices: DueNotice[] = [];
      for (const certificate of batch) {
        const factory = certificate.factoryId ? factoryOf.get(certificate.factoryId) : null;
        const rule = surveillanceRuleFor({
          country: factory?.country ?? null,
          accreditationEconomy:
            this.mla.signatoryOf(certificate.accreditationBody)?.economy ?? null,
        });
        const lastAuditOn = lastAudits.get(certificate.id) ?? null;
        const countFrom = presumedLastSurveillance(
          rule,
          certificate.issuedOn,
          lastAuditOn,
          todayIn(context.policy.timezone, certificate.createdAt),
        );
        const deadline = surveillanceDeadline(
          surveillanceStatus(rule, certificate, countFrom, today),
          certificate.nextSurveillanceAuditOn,
          today,
        );
        if (!deadline) continue;
        notices.push({
          kind: SURVEILLANCE_DEADLINE,
          dedupeKey: `cert:${certificate.id}:surveillance-deadline:${deadline.dueBy}:${deadline.threshold}`,
          subjectType: 'certificate',
          subjectId: certificate.id,
          factoryId: certificate.factoryId,
          dueOn: deadline.dueBy,
          audience: 'admins',
          payload: {
            standard: certificate.standard,
            certificateNumber: certificate.certificateNumber,
            factoryName: factory?.name ?? null,
            rule,
            overdue: deadline.threshold === 'overdue',
            lastAuditOn: countFrom,
            presumed: countFrom !== lastAuditOn,
            issuedOn: certificate.issuedOn,
            nextSurveillanceAuditOn: certificate.nextSurveillanceAuditOn,
          },
        });
      }
      if (notices.length > 0) yield notices;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const p = notice.payload as {
      standard: string;
      certificateNumber: string;
      factoryName: string | null;
      rule: SurveillanceRule;
      overdue: boolean;
      lastAuditOn: string | null;
      presumed?: boolean;
      issuedOn: string;
      nextSurveillanceAuditOn: string | null;
    };
    const cnca = p.rule === 'CNCA-QMS-01:2025';
    const link = `/certificates/${notice.subjectId}`;
    if (locale === 'zh-CN') {
      const what = `${p.factoryName ? `${p.factoryName} 的` : '本公司的'} ${p.standard} 证书 ${p.certificateNumber}`;
      const since = !p.lastAuditOn
        ? `发证（${p.issuedOn}）`
        : p.presumed
          ? `上一个期限（${p.lastAuditOn}，录入本系统前的审核视为按期完成）`
          : `上次审核（${p.lastAuditOn}）`;
      const rule = cnca
        ? 'CNCA-QMS-01:2025 第 5.4.1.4 条：发证后 12 个月内进行首次监督审核，此后间隔不超过 12 个月'
        : 'ISO/IEC 17021-1:2015 第 9.6.2.2 条：认证决定后 12 个月内进行首次监督审核，此后每个日历年至少一次';
      const planned = p.nextSurveillanceAuditOn
        ? `目前计划的 ${p.nextSurveillanceAuditOn} 已经太晚。`
        : '目前没有计划的审核日期。';
      return p.overdue
        ? {
            title: `${what} 的监督审核已逾期（最迟 ${notice.dueOn}）`,
            detail: `自${since}起未记录监督审核（${rule}）。${cnca ? '按此规则，认证机构须暂停该证书；' : ''}请与工厂和认证机构核实，并记录已进行的审核。`,
            link,
          }
        : {
            title: `${what} 的监督审核最迟须在 ${notice.dueOn} 前进行`,
            detail: `自${since}起计算（${rule}）。${planned}请尽快与认证机构安排审核${cnca ? '，逾期证书将被暂停' : ''}。`,
            link,
          };
    }
    const what = `${p.standard} certificate ${p.certificateNumber} ${p.factoryName ? `of ${p.factoryName}` : '(your own)'}`;
    const since = !p.lastAuditOn
      ? `issue on ${p.issuedOn}`
      : p.presumed
        ? `the deadline of ${p.lastAuditOn} (audits before the certificate was recorded here are presumed done on time)`
        : `the audit of ${p.lastAuditOn}`;
    const rule = cnca
      ? 'CNCA-QMS-01:2025, 5.4.1.4: within 12 months of the issue date, then at most 12 months apart'
      : 'ISO/IEC 17021-1:2015, 9.6.2.2: within 12 months of the certification decision, then once a calendar year';
    const planned = p.nextSurveillanceAuditOn
      ? `The audit planned for ${p.nextSurveillanceAuditOn} is too late.`
      : 'No audit date is planned.';
    return p.overdue
      ? {
          title: `Surveillance audit of ${what} overdue since ${notice.dueOn}`,
          detail: `No surveillance audit is recorded since ${since} (${rule}).${cnca ? ' Under this rule the certification body must suspend the certificate.' : ''} Check with the factory and the certification body, and record the audit if it took place.`,
          link,
        }
      : {
          title: `Surveillance audit of ${what} due by ${notice.dueOn} at the latest`,
          detail: `Counted from ${since} (${rule}). ${planned} Book the audit with the certification body now${cnca ? ': an overdue one means suspension' : ''}.`,
          link,
        };
  }
}
