import { Injectable } from '@nestjs/common';
import { FactoriesService } from '../factories/factories.service';
import {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  RenderedNotice,
  ScanContext,
} from '../reminders/reminder-source';
import { FINDING_OVERDUE, overdueFindingNotice, renderOverdueFinding } from './finding-overdue';
import { FindingsService } from './findings.service';

/** Major findings whose corrective action is past due, weekly until verified closed. */
@ReminderSource()
@Injectable()
export class FindingOverdueReminderSource implements ReminderSourceHandler {
  readonly kinds = [FINDING_OVERDUE] as const;

  constructor(
    private readonly findings: FindingsService,
    private readonly factories: FactoriesService,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const { manager, organizationId, today } = context;
    const batchSize = Math.max(1, context.batchSize);
    let after = '';
    for (;;) {
      const rows = await this.findings.overdueMajors(
        manager,
        organizationId,
        today,
        after,
        batchSize,
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      const factories = await this.factories.findMany(
        organizationId,
        rows.map((f) => f.factoryId),
        manager,
      );
      const names = new Map(factories.map((f) => [f.id, f.name]));
      const notices = rows.flatMap((finding) => {
        const notice = finding.dueOn
          ? overdueFindingNotice(
              {
                ...finding,
                dueOn: finding.dueOn,
                factoryName: names.get(finding.factoryId) ?? null,
              },
              today,
            )
          : null;
        return notice ? [notice] : [];
      });
      if (notices.length > 0) yield notices;
      if (rows.length < batchSize) return;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    return renderOverdueFinding(notice, locale);
  }
}
