import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { canSeeFactory, scopeToFactory } from '../common/factory-scope';
import { Clock } from '../common/clock';
import { todayIn, calendarDateOf } from '../common/dates';
import { Page, pageOf } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { StandardsCatalog } from '../config/standards-catalog';
import { CertificatesService } from '../certificates/certificates.service';
import { andWhereIn, andWhereNotIn } from '../database/in-list';
import { ReportCache } from '../database/report-cache';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { Agreement } from './agreement.entity';
import {
  AgreementStatus,
  OPEN_STATUSES,
  shouldLapse,
  transitionProblem,
} from './agreement-transitions';
import { AgreementErrors } from './agreements.errors';
import { AgreementFacts, assessRisk, MilestoneFacts, MilestoneStatus } from './at-risk';
import type { ReminderMilestone } from './milestone-reminders';
import { AgreementQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';
import { agreementSnapshot, AgreementView, milestoneSnapshot } from './dto/agreement.response';
import { Milestone } from './milestone.entity';
import { defaultTargetOn, MilestoneOwner, schedulePlan } from './plan-schedule';
import type { LapsedCertificate } from './plan-preconditions';
import { PlanTemplates } from './plan-templates';

interface RawMilestone {
  id: string;
  agreementId: string;
  name: string;
  templateKey: string | null;
  owner: MilestoneOwner;
  dueOn: string | Date;
  completedOn: string | Date | null;
  status: MilestoneStatus;
  plannedDays: number | string;
  position: number | string;
}

/** The columns of a raw milestone row that the at-risk rule reads. */
type RawMilestoneFacts = Omit<RawMilestone, 'templateKey' | 'owner'>;

/** A milestone of an open agreement, with its agreement's columns the at-risk rule reads. */
interface RawOpenMilestone extends RawMilestoneFacts {
  agreementStatus: AgreementStatus;
  startsOn: string | Date;
  targetOn: string | Date;
}

function calendarDate(value: string | Date | null): string | null {
  return value === null ? null : calendarDateOf(value);
}

/**
 * The at-risk rule's facts of a raw milestone row: raw rows skip TypeORM's hydration, so
 * PostgreSQL's driver answers dates as Date objects and numbers may come as strings.
 */
function milestoneFactsOf(row: RawMilestoneFacts): MilestoneFacts {
  return {
    id: row.id,
    name: row.name,
    dueOn: calendarDate(row.dueOn)!,
    completedOn: calendarDate(row.completedOn),
    status: row.status,
    plannedDays: Number(row.plannedDays),
    position: Number(row.position),
  };
}

/** How many agreements one lapse transaction changes at most. */
const LAPSE_BATCH = 100;

@Injectable()
export class AgreementsService {
  private readonly logger = new Logger(AgreementsService.name);
  private readonly agreements = new TenantRepository(Agreement, AgreementErrors.notFound);
  private readonly milestones = new TenantRepository(Milestone, AgreementErrors.milestoneNotFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly catalog: StandardsCatalog,
    private readonly templates: PlanTemplates,
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly reports: ReportCache,
  ) {}

  /** Today in the organization's timezone: due dates and "overdue" are counted there. */
  /** Today in the organization's timezone: the actor's when it carries it, else read. */
  async today(of: Actor | string, manager?: EntityManager): Promise<string> {
    if (typeof of !== 'string' && of.timezone) return todayIn(of.timezone, this.clock.now());
    const organizationId = typeof of === 'string' ? of : of.organizationId;
    const organization = await this.organizations.get(organizationId, manager);
    return todayIn(organization.timezone, this.clock.now());
  }

  /** An agreement the actor may see: a factory manager sees only their own factory's. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Agreement> {
    const agreement = await this.findVisible(actor, id, manager);
    if (!agreement) throw AgreementErrors.notFound();
    return agreement;
  }

  /** The agreement if the actor may see it, else null. */
  async findVisible(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Agreement | null> {
    const agreement = await this.agreements.find(manager, actor.organizationId, id);
    if (!agreement) return null;
    return canSeeFactory(actor, agreement.factoryId) ? agreement : null;
  }

  /**
   * The agreement's factory's suspended or withdrawn certificates, each with the day (in
   * the organization's timezone) its status was last recorded, for the CNCA one-year wait.
   */
  async lapsedCertificatesOf(
    organizationId: string,
    view: AgreementView,
    manager: EntityManager = this.transactions.manager,
  ): Promise<LapsedCertificate[]> {
    const factoryId = view.agreement.factoryId;
    if (!factoryId) return [];
    const [rows, organization] = await Promise.all([
      this.certificates.listLapsedHeldBy(organizationId, factoryId, manager),
      this.organizations.get(organizationId, manager),
    ]);
    return rows.map((row) => ({
      standard: row.standard,
      certificateNumber: row.certificateNumber,
      status: row.status as LapsedCertificate['status'],
      statusRecordedOn: todayIn(organization.timezone, row.updatedAt),
    }));
  }

  async view(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<AgreementView> {
    const agreement = await this.get(actor, id, manager);
    const [view] = await this.withMilestones(manager, actor.organizationId, [agreement]);
    return view;
  }

  async list(actor: Actor, query: AgreementQueryDto, today: string): Promise<Page<AgreementView>> {
    const manager = this.transactions.manager;
    const qb = this.agreements.query(manager, actor.organizationId, 'agreement');
    scopeToFactory(qb, actor, 'agreement.factoryId');
    if (query.factoryId)
      qb.andWhere('agreement.factoryId = :factoryId', { factoryId: query.factoryId });
    if (query.kind) qb.andWhere('agreement.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('agreement.status = :status', { status: query.status });
    if (query.atRisk === true)
      qb.andWhere('agreement.status IN (:...open)', { open: [...OPEN_STATUSES] });
    qb.orderBy('agreement.targetOn', 'ASC').addOrderBy('agreement.id', 'ASC');
    if (query.atRisk !== undefined) {
      // At risk depends on today, so it is not stored; it is the same for everyone in the
      // organization, so the ids at risk today are worked out once (kept by ReportCache,
      // like the gaps) and the page is read in SQL among them, or outside them.
      const atRisk = await this.atRiskIds(actor.organizationId, today);
      if (query.atRisk) andWhereIn(qb, 'agreement.id', 'atRiskIds', atRisk);
      else andWhereNotIn(qb, 'agreement.id', 'atRiskIds', atRisk);
    }
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.withMilestones(manager, actor.organizationId, rows), total, query);
  }

  /** The organization's agreements at risk today. */
  private atRiskIds(organizationId: string, today: string): Promise<string[]> {
    return this.reports.get(`agreements-at-risk:${organizationId}:${today}`, async () => {
      const byAgreement = new Map<
        string,
        { agreement: AgreementFacts; milestones: MilestoneFacts[] }
      >();
      for (const row of await this.openMilestoneFacts(organizationId)) {
        const known = byAgreement.get(row.agreementId) ?? {
          agreement: {
            status: row.agreementStatus,
            startsOn: calendarDate(row.startsOn)!,
            targetOn: calendarDate(row.targetOn)!,
          },
          milestones: [],
        };
        known.milestones.push(milestoneFactsOf(row));
        byAgreement.set(row.agreementId, known);
      }
      // An agreement without milestones has nothing left to do, so it is never at risk.
      return [...byAgreement]
        .filter(
          ([, { agreement, milestones }]) => assessRisk(agreement, milestones, today) !== null,
        )
        .map(([id]) => id);
    });
  }

  /** The at-risk rule's columns of every milestone of the organization's open agreements, in one read. */
  private openMilestoneFacts(organizationId: string): Promise<RawOpenMilestone[]> {
    return this.milestones
      .query(this.transactions.manager, organizationId, 'milestone')
      .innerJoin(
        Agreement,
        'agreement',
        'agreement.id = milestone.agreementId AND agreement.organizationId = milestone.organizationId',
      )
      .select('milestone.agreementId', 'agreementId')
      .addSelect('agreement.status', 'agreementStatus')
      .addSelect('agreement.startsOn', 'startsOn')
      .addSelect('agreement.targetOn', 'targetOn')
      .addSelect('milestone.id', 'id')
      .addSelect('milestone.name', 'name')
      .addSelect('milestone.dueOn', 'dueOn')
      .addSelect('milestone.completedOn', 'completedOn')
      .addSelect('milestone.status', 'status')
      .addSelect('milestone.plannedDays', 'plannedDays')
      .addSelect('milestone.position', 'position')
      .andWhere('agreement.status IN (:...open)', { open: [...OPEN_STATUSES] })
      .getRawMany<RawOpenMilestone>();
  }

  /**
   * The milestone columns the at-risk and reminder rules need, for many agreements, read
   * as plain rows (building thousands of entities costs more than the query).
   */
  async milestoneFacts(
    manager: EntityManager,
    organizationId: string,
    agreementIds: string[],
  ): Promise<Map<string, ReminderMilestone[]>> {
    const byAgreement = new Map<string, ReminderMilestone[]>();
    if (agreementIds.length === 0) return byAgreement;
    const qb = this.milestones
      .query(manager, organizationId, 'milestone')
      .select('milestone.id', 'id')
      .addSelect('milestone.agreementId', 'agreementId')
      .addSelect('milestone.name', 'name')
      .addSelect('milestone.templateKey', 'templateKey')
      .addSelect('milestone.owner', 'owner')
      .addSelect('milestone.dueOn', 'dueOn')
      .addSelect('milestone.completedOn', 'completedOn')
      .addSelect('milestone.status', 'status')
      .addSelect('milestone.plannedDays', 'plannedDays')
      .addSelect('milestone.position', 'position');
    const rows = await andWhereIn(
      qb,
      'milestone.agreementId',
      'agreementIds',
      agreementIds,
    ).getRawMany<RawMilestone>();
    for (const row of rows) {
      const list = byAgreement.get(row.agreementId) ?? [];
      list.push({
        ...milestoneFactsOf(row),
        templateKey: row.templateKey,
        nameZh: this.templates.milestoneNameZh(row),
        owner: row.owner,
      });
      byAgreement.set(row.agreementId, list);
    }
    return byAgreement;
  }

  create(actor: Actor, input: CreateAgreementDto): Promise<AgreementView> {
    this.checkStandards(input.standards);
    const template = input.plan !== undefined ? this.templates.find(input.plan) : undefined;
    if (input.plan !== undefined && !template) {
      throw AgreementErrors.unknownPlan(this.templates.ids());
    }
    const factoryId = input.factoryId ?? null;
    if (factoryId === null && input.kind !== 'scope_expansion') {
      throw AgreementErrors.factoryRequired(input.kind);
    }
    const targetOn =
      input.targetOn ?? (template ? defaultTargetOn(template, input.startsOn) : undefined);
    if (targetOn === undefined) throw AgreementErrors.targetRequired();
    if (targetOn <= input.startsOn) throw AgreementErrors.targetNotAfterStart();

    return this.transactions.run(async (manager) => {
      if (factoryId !== null) {
        await this.factories.getInOrganization(actor.organizationId, factoryId, manager);
      }
      const agreement = await this.agreements.insert(manager, actor.organizationId, {
        factoryId,
        kind: input.kind,
        title: input.title,
        standards: input.standards,
        productCategories: input.productCategories ?? [],
        startsOn: input.startsOn,
        targetOn,
        status: 'draft',
        notes: input.notes ?? null,
        planTemplateId: template?.id ?? null,
        certificateId: null,
        createdById: actor.userId,
      });
      const saved = await this.agreements.get(manager, actor.organizationId, agreement.id);
      await this.audit.recordBy(
        actor,
        'agreement.created',
        'agreement',
        saved.id,
        null,
        agreementSnapshot(saved),
      );
      if (template) {
        for (const step of schedulePlan(template, input.startsOn)) {
          const milestone = await this.milestones.insert(manager, actor.organizationId, {
            agreementId: saved.id,
            name: step.name,
            owner: step.owner,
            dueOn: step.dueOn,
            completedOn: null,
            status: 'pending',
            plannedDays: step.plannedDays,
            position: step.position,
            templateKey: step.key,
          });
          await this.audit.recordBy(
            actor,
            'milestone.created',
            'milestone',
            milestone.id,
            null,
            milestoneSnapshot(milestone),
          );
        }
      }
      const [view] = await this.withMilestones(manager, actor.organizationId, [saved]);
      return view;
    });
  }

  update(actor: Actor, id: string, changes: UpdateAgreementDto): Promise<AgreementView> {
    if (changes.standards !== undefined) this.checkStandards(changes.standards);
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const { status, ...fields } = changes;
      const startsOn = fields.startsOn ?? before.startsOn;
      const targetOn = fields.targetOn ?? before.targetOn;
      if (targetOn <= startsOn) throw AgreementErrors.targetNotAfterStart();

      const moving = status !== undefined && status !== before.status;
      if (moving) {
        const problem = transitionProblem(before.status, status);
        if (problem) throw AgreementErrors.illegalTransition(problem);
      }
      if (fields.certificateId) {
        const effective = moving ? status : before.status;
        if (effective !== 'certified') throw AgreementErrors.notCertified(effective);
        await this.certificates.getInOrganization(
          actor.organizationId,
          fields.certificateId,
          manager,
        );
      }

      if (Object.keys(fields).length > 0) {
        await this.agreements.update(manager, actor.organizationId, { id }, fields);
      }
      if (moving) {
        // Conditional, so that two people moving the same agreement cannot both win.
        const result = await this.agreements.update(
          manager,
          actor.organizationId,
          { id, status: before.status },
          { status },
        );
        if (!result.affected) throw AgreementErrors.changedMeanwhile();
      }
      const after = await this.agreements.get(manager, actor.organizationId, id);
      if (Object.keys(fields).length > 0) {
        await this.audit.recordBy(
          actor,
          'agreement.updated',
          'agreement',
          id,
          agreementSnapshot(before),
          agreementSnapshot(after),
        );
      }
      if (moving) {
        await this.audit.recordBy(
          actor,
          'agreement.status_changed',
          'agreement',
          id,
          { status: before.status },
          { status: after.status },
        );
      }
      const [view] = await this.withMilestones(manager, actor.organizationId, [after]);
      return view;
    });
  }

  /**
   * The daily scan's state change: in_progress agreements past their target with pending
   * milestones become lapsed, with an audit event by no one (the scan). Written in
   * transactions of up to LAPSE_BATCH agreements: few enough to keep SQLite's single
   * writer free for requests, many enough not to pay a commit per agreement.
   * Returns the ids that lapsed.
   */
  async lapseOverdue(organizationId: string, today: string): Promise<string[]> {
    const lapsed: string[] = [];
    const candidates = this.agreements
      .query(this.transactions.manager, organizationId, 'agreement')
      .select('agreement.id')
      .andWhere('agreement.status = :status', { status: 'in_progress' })
      .andWhere('agreement.targetOn < :today', { today })
      .orderBy('agreement.id', 'ASC');
    let after = '';
    for (;;) {
      const rows = await candidates
        .clone()
        .andWhere('agreement.id > :after', { after })
        .take(LAPSE_BATCH)
        .getMany();
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      lapsed.push(
        ...(await this.lapse(
          organizationId,
          rows.map((r) => r.id),
          today,
        )),
      );
    }
    if (lapsed.length > 0) {
      this.logger.log(`${lapsed.length} agreement(s) of ${organizationId} lapsed`);
    }
    return lapsed;
  }

  private lapse(organizationId: string, ids: string[], today: string): Promise<string[]> {
    return this.transactions.run(async (manager) => {
      const agreements = await this.agreements.findMany(manager, organizationId, {
        where: { id: In(ids), status: 'in_progress' },
      });
      const pendingQuery = this.milestones
        .query(manager, organizationId, 'milestone')
        .select('milestone.agreementId', 'agreementId')
        .addSelect('COUNT(*)', 'pending')
        .andWhere('milestone.status = :pending', { pending: 'pending' });
      const counts = await andWhereIn(pendingQuery, 'milestone.agreementId', 'ids', ids)
        .groupBy('milestone.agreementId')
        .getRawMany<{ agreementId: string; pending: string | number }>();
      const pendingOf = new Map(counts.map((c) => [c.agreementId, Number(c.pending)]));
      const lapsed: string[] = [];
      for (const agreement of agreements) {
        const pending = pendingOf.get(agreement.id) ?? 0;
        if (!shouldLapse(agreement, pending, today)) continue;
        // Conditional, so that a person moving it meanwhile wins cleanly.
        const result = await this.agreements.update(
          manager,
          organizationId,
          { id: agreement.id, status: 'in_progress' },
          { status: 'lapsed' },
        );
        if (!result.affected) continue;
        await this.audit.record({
          organizationId,
          actorId: null,
          action: 'agreement.status_changed',
          entityType: 'agreement',
          entityId: agreement.id,
          before: { status: 'in_progress' },
          after: {
            status: 'lapsed',
            reason: `targetOn ${agreement.targetOn} passed with ${pending} milestone(s) unfinished`,
          },
        });
        lapsed.push(agreement.id);
      }
      return lapsed;
    });
  }

  /** Reads the milestones of several agreements in one query. */
  async withMilestones(
    manager: EntityManager,
    organizationId: string,
    agreements: Agreement[],
  ): Promise<AgreementView[]> {
    if (agreements.length === 0) return [];
    const milestones = await this.milestones.findMany(manager, organizationId, {
      where: { agreementId: In(agreements.map((a) => a.id)) },
      order: { dueOn: 'ASC', position: 'ASC' },
    });
    const byAgreement = new Map<string, Milestone[]>();
    for (const milestone of milestones) {
      const list = byAgreement.get(milestone.agreementId) ?? [];
      list.push(milestone);
      byAgreement.set(milestone.agreementId, list);
    }
    return agreements.map((agreement) => ({
      agreement,
      milestones: byAgreement.get(agreement.id) ?? [],
    }));
  }

  /**
   * For the calendar feed: the unfinished milestones of the agreements the actor may see
   * (a factory manager, their factory's only), each with its agreement's factory.
   */
  async openMilestones(
    actor: Actor,
  ): Promise<{ milestone: Milestone; factoryId: string | null }[]> {
    const manager = this.transactions.manager;
    const qb = this.agreements.query(manager, actor.organizationId, 'agreement');
    scopeToFactory(qb, actor, 'agreement.factoryId');
    const agreements = await qb.getMany();
    if (agreements.length === 0) return [];
    const factoryOf = new Map(agreements.map((a) => [a.id, a.factoryId]));
    const milestones = await this.milestones.findMany(manager, actor.organizationId, {
      where: { agreementId: In([...factoryOf.keys()]), status: 'pending' },
      order: { dueOn: 'ASC', position: 'ASC' },
    });
    return milestones.map((milestone) => ({
      milestone,
      factoryId: factoryOf.get(milestone.agreementId) ?? null,
    }));
  }

  private checkStandards(codes: string[]): void {
    const unknown = codes.filter((code) => !this.catalog.find(code));
    if (unknown.length > 0) throw AgreementErrors.unknownStandards(unknown, this.catalog.codes());
  }
}
