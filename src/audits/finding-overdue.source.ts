import { Injectable } from '@nestjs/common';
import { FactoriesService } from '../factories/factories.service';
import {
  DueNotice,
  NoticeToRender,
  pagesById,
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
    const pages = pagesById(context.batchSize, (afterId) =>
      this.findings.overdueMajors(
        manager,
        organizationId,
        today,
        afterId,
        Math.max(1, context.batchSize),
      ),
    );
    for await (const rows of pages) {
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
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    return renderOverdueFinding(notice, locale);
  }
}
