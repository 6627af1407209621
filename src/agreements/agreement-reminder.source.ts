import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import { TenantRepository } from '../common/tenancy';
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
import { Agreement } from './agreement.entity';
import { AgreementErrors } from './agreements.errors';
import { AgreementsService } from './agreements.service';
import {
  AGREEMENT_REMINDER_KINDS,
  agreementNotices,
  REMINDED_STATUSES,
  renderAgreementNotice,
} from './milestone-reminders';

/**
 * Milestones due in 7 days and in 1 day, overdue milestones (weekly), and agreements at
 * risk, for the reminder engine's daily digest. Reads only: agreements lapse in the
 * scan's state-change step before (agreement-lapse.step.ts).
 */
@ReminderSource()
@Injectable()
export class AgreementReminderSource implements ReminderSourceHandler {
  readonly kinds = AGREEMENT_REMINDER_KINDS;
  private readonly agreementRows = new TenantRepository(Agreement, AgreementErrors.notFound);

  constructor(
    private readonly agreements: AgreementsService,
    private readonly factories: FactoriesService,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const { manager, organizationId, today } = context;
    const pages = pagesById(context.batchSize, (afterId) =>
      this.agreementRows.findMany(manager, organizationId, {
        where: { status: In([...REMINDED_STATUSES]), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: Math.max(1, context.batchSize),
      }),
    );
    for await (const rows of pages) {
      const facts = await this.agreements.milestoneFacts(
        manager,
        organizationId,
        rows.map((a) => a.id),
      );
      const factoryIds = rows.map((a) => a.factoryId).filter((id): id is string => id !== null);
      const factories = await this.factories.findMany(organizationId, factoryIds, manager);
      const names = new Map(factories.map((f) => [f.id, f.name]));
      const notices = rows.flatMap((agreement) =>
        agreementNotices(
          {
            id: agreement.id,
            title: agreement.title,
            status: agreement.status,
            factoryId: agreement.factoryId,
            factoryName: agreement.factoryId ? (names.get(agreement.factoryId) ?? null) : null,
            startsOn: agreement.startsOn,
            targetOn: agreement.targetOn,
          },
          facts.get(agreement.id) ?? [],
          today,
        ),
      );
      if (notices.length > 0) yield notices;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    return renderAgreementNotice(notice, locale);
  }
}
