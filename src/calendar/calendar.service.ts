import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import ical, { ICalAlarmType } from 'ical-generator';
import { AgreementsService } from '../agreements/agreements.service';
import { CertificatesService } from '../certificates/certificates.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { isFactoryManager } from '../common/factory-scope';
import { notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { appConfig, authConfig } from '../config/configuration';
import { StandardsCatalog } from '../config/standards-catalog';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { FactoryResponsiblesService } from '../reminders/factory-responsibles.service';
import { ReminderPolicyService } from '../reminders/reminder-policy.service';
import { colleagueHears } from '../reminders/reminder-recipients';
import { UsersService } from '../users/users.service';
import { CalendarFeed } from './calendar-feed.entity';
import { feedKeyOf, feedToken, newFeedKey } from './calendar-feed-token';
import { CalendarLocale, calendarEvents, firstReminderDays } from './calendar-events.rules';

export const calendarFeedNotFound = () => notFound('calendar_feed');

@Injectable()
export class CalendarService {
  private readonly feeds = new TenantRepository(CalendarFeed, calendarFeedNotFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly agreements: AgreementsService,
    private readonly policy: ReminderPolicyService,
    private readonly responsibles: FactoryResponsiblesService,
    private readonly catalog: StandardsCatalog,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  /** The actor's feed, made on first ask. */
  async feedOf(actor: Actor): Promise<{ url: string; createdAt: Date }> {
    const existing = await this.feeds.findOneWhere(
      this.transactions.manager,
      actor.organizationId,
      { userId: actor.userId },
    );
    return this.answer(existing ?? (await this.renew(actor, false)));
  }

  /** A new secret: the old URL answers 404 from now on. */
  async renewFeed(actor: Actor): Promise<{ url: string; createdAt: Date }> {
    return this.answer(await this.renew(actor, true));
  }

  private renew(actor: Actor, replace: boolean): Promise<CalendarFeed> {
    return this.transactions.run(async (manager) => {
      const organizationId = actor.organizationId;
      const existing = await this.feeds.findOneWhere(manager, organizationId, {
        userId: actor.userId,
      });
      if (existing && !replace) return existing;
      if (existing) {
        await this.feeds.update(
          manager,
          organizationId,
          { id: existing.id },
          { feedKey: newFeedKey(), createdAt: this.clock.now(), updatedAt: this.clock.now() },
        );
        return this.feeds.get(manager, organizationId, existing.id);
      }
      return this.feeds.insert(manager, organizationId, {
        userId: actor.userId,
        feedKey: newFeedKey(),
        createdAt: this.clock.now(),
      });
    });
  }

  private answer(feed: CalendarFeed): { url: string; createdAt: Date } {
    const token = feedToken(this.auth.calendarFeedSecret, feed.feedKey);
    return {
      url: `${this.app.publicUrl}/api/v1/calendar-feeds/${token}.ics`,
      createdAt: feed.createdAt,
    };
  }

  /** The iCalendar text of a feed, or 404 for an unknown, renewed or tampered secret. */
  async render(token: string): Promise<string> {
    const feedKey = feedKeyOf(this.auth.calendarFeedSecret, token.replace(/\.ics$/, ''));
    if (!feedKey) throw calendarFeedNotFound();
    // Across organizations: the secret in the URL is all a calendar app sends, and it is
    // unique; the feed's own organization scopes everything read after it.
    const feed = await this.feeds
      .acrossTenants(this.transactions.manager)
      .findOne({ where: { feedKey } });
    if (!feed) throw calendarFeedNotFound();
    const actor = await this.users.findActor(feed.userId, feed.organizationId);
    if (!actor) throw calendarFeedNotFound();
    const organization = await this.organizations.get(actor.organizationId);
    const locale: CalendarLocale =
      (actor.locale ?? organization.locale) === 'zh-CN' ? 'zh-CN' : 'en';

    const [visibleCertificates, visibleMilestones, policy] = await Promise.all([
      this.certificates.listVisible(actor),
      this.agreements.openMilestones(actor),
      this.policy.get(actor.organizationId),
    ]);
    const holds = await this.holdsFactory(actor, policy.unassignedRecipients, [
      ...visibleCertificates.map((c) => c.factoryId),
      ...visibleMilestones.map((m) => m.factoryId),
    ]);
    const certificates = visibleCertificates.filter((c) => holds(c.factoryId));
    const milestones = visibleMilestones.filter((m) => holds(m.factoryId));
    const factoryIds = [
      ...certificates.map((c) => c.factoryId),
      ...milestones.map((m) => m.factoryId),
    ].filter((id): id is string => id !== null);
    const names = new Map(
      (await this.factories.findMany(actor.organizationId, factoryIds)).map((f) => [f.id, f.name]),
    );
    const standards = [...new Set(certificates.map((c) => c.standard))];
    const events = calendarEvents({
      locale,
      webUrl: this.app.publicUrl,
      firstReminderDays: firstReminderDays(policy.thresholdsDays),
      certificates: certificates.map((c) => ({
        id: c.id,
        standard: c.standard,
        certificateNumber: c.certificateNumber,
        status: c.status,
        expiresOn: c.expiresOn,
        nextSurveillanceAuditOn: c.nextSurveillanceAuditOn,
        factoryName: c.factoryId ? (names.get(c.factoryId) ?? null) : null,
      })),
      milestones: milestones.map(({ milestone, factoryId }) => ({
        id: milestone.id,
        agreementId: milestone.agreementId,
        name: milestone.name,
        dueOn: milestone.dueOn,
        status: milestone.status,
        factoryName: factoryId ? (names.get(factoryId) ?? null) : null,
      })),
      transitions: standards.map((standard) => ({
        standard,
        newEditionAuditsFrom: this.catalog.newEditionAuditsFrom(standard),
        validUntil: this.catalog.validUntil(standard),
      })),
    });

    const calendar = ical({
      name: locale === 'zh-CN' ? `certpact：${actor.name}的日程` : `certpact: ${actor.name}`,
      prodId: {
        company: 'certpact',
        product: 'certpact',
        language: locale === 'zh-CN' ? 'ZH' : 'EN',
      },
      ttl: 3600,
    });
    const stamp = this.clock.now();
    for (const event of events) {
      const created = calendar.createEvent({
        id: event.uid,
        start: allDay(event.date),
        allDay: true,
        summary: event.summary,
        url: event.url,
        description: event.url,
        stamp,
      });
      if (event.alarmDaysBefore !== null) {
        created.createAlarm({
          type: ICalAlarmType.display,
          trigger: event.alarmDaysBefore * 24 * 3600,
          description: event.summary,
        });
      }
    }
    return calendar.toString();
  }

  /**
   * Which factories' dates (null: the trader's own) are the reader's: a factory manager's
   * are already scoped to their factory; staff get those they are responsible for
   * (colleagueHears, the rule of their reminders), read in one query for every factory of the feed.
   */
  private async holdsFactory(
    actor: Actor,
    unassigned: 'admins' | 'everyone',
    factoryIds: (string | null)[],
  ): Promise<(factoryId: string | null) => boolean> {
    if (isFactoryManager(actor)) return () => true;
    const responsible = await this.responsibles.responsibleFor(
      this.transactions.manager,
      actor.organizationId,
      factoryIds.filter((id): id is string => id !== null),
    );
    return (factoryId) =>
      colleagueHears(actor, (factoryId && responsible.get(factoryId)) || [], unassigned);
  }
}

/** An all-day date as ical-generator takes it: midnight, written as the date itself. */
function allDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
