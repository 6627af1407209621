import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { todayIn } from '../common/dates';
import { Page, pageOf } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { StandardsCatalog } from '../config/standards-catalog';
import { CertificatesService } from '../certificates/certificates.service';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { Agreement } from './agreement.entity';
import { OPEN_STATUSES, shouldLapse, transitionProblem } from './agreement-transitions';
import { AgreementErrors } from './agreements.errors';
import { AgreementQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';
import {
  agreementSnapshot,
  AgreementView,
  milestoneSnapshot,
  riskOf,
} from './dto/agreement.response';
import { Milestone } from './milestone.entity';
import { defaultTargetOn, schedulePlan } from './plan-schedule';
import { PlanTemplates } from './plan-templates';

/** How many agreements the at-risk filter and the daily scan read at a time. */
const BATCH_SIZE = 500;

@Injectable()
export class AgreementsService {
  private readonly logger = new Logger(AgreementsService.name);
  private readonly agreements = new TenantRepository(Agreement, AgreementErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly catalog: StandardsCatalog,
    private readonly templates: PlanTemplates,
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  /** Today in the organization's timezone: due dates and "overdue" are counted there. */
  async today(organizationId: string, manager?: EntityManager): Promise<string> {
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
    if (actor.role === 'factory_manager' && agreement.factoryId !== actor.factoryId) return null;
    return agreement;
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
    if (actor.role === 'factory_manager')
      qb.andWhere('agreement.factoryId = :own', { own: actor.factoryId });
    if (query.factoryId)
      qb.andWhere('agreement.factoryId = :factoryId', { factoryId: query.factoryId });
    if (query.kind) qb.andWhere('agreement.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('agreement.status = :status', { status: query.status });
    if (query.atRisk === true)
      qb.andWhere('agreement.status IN (:...open)', { open: [...OPEN_STATUSES] });
    qb.orderBy('agreement.targetOn', 'ASC').addOrderBy('agreement.id', 'ASC');
    const skip = (query.page - 1) * query.pageSize;

    if (query.atRisk === undefined) {
      const [rows, total] = await qb.skip(skip).take(query.pageSize).getManyAndCount();
      return pageOf(await this.withMilestones(manager, actor.organizationId, rows), total, query);
    }
    // At risk depends on today, so it is not stored: read the candidates in batches,
    // keep those that match, and page through the matches.
    const matches: AgreementView[] = [];
    for (let offset = 0; ; offset += BATCH_SIZE) {
      const rows = await qb.clone().skip(offset).take(BATCH_SIZE).getMany();
      for (const view of await this.withMilestones(manager, actor.organizationId, rows)) {
        if ((riskOf(view, today) !== null) === query.atRisk) matches.push(view);
      }
      if (rows.length < BATCH_SIZE) break;
    }
    return pageOf(matches.slice(skip, skip + query.pageSize), matches.length, query);
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
      const repo = this.agreements.repo(manager);
      const agreement = repo.create({
        organizationId: actor.organizationId,
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
      await repo.insert(agreement);
      const saved = await this.agreements.get(manager, actor.organizationId, agreement.id);
      await this.audit.recordBy(
        manager,
        actor,
        'agreement.created',
        'agreement',
        saved.id,
        null,
        agreementSnapshot(saved),
      );
      if (template) {
        const milestones = manager.getRepository(Milestone);
        for (const step of schedulePlan(template, input.startsOn)) {
          const milestone = milestones.create({
            organizationId: actor.organizationId,
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
          await milestones.insert(milestone);
          await this.audit.recordBy(
            manager,
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

      const repo = this.agreements.repo(manager);
      if (Object.keys(fields).length > 0) {
        await repo.update({ id, organizationId: actor.organizationId }, fields);
      }
      if (moving) {
        // Conditional, so that two people moving the same agreement cannot both win.
        const result = await repo.update(
          { id, organizationId: actor.organizationId, status: before.status },
          { status },
        );
        if (!result.affected) throw AgreementErrors.changedMeanwhile();
      }
      const after = await this.agreements.get(manager, actor.organizationId, id);
      if (Object.keys(fields).length > 0) {
        await this.audit.recordBy(
          manager,
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
          manager,
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
   * milestones become lapsed, each in its own transaction with an audit event by no one.
   * Returns the ids that lapsed.
   */
  async lapseOverdue(organizationId: string, today: string): Promise<string[]> {
    const lapsed: string[] = [];
    const candidates = this.agreements
      .query(this.transactions.manager, organizationId, 'agreement')
      .andWhere('agreement.status = :status', { status: 'in_progress' })
      .andWhere('agreement.targetOn < :today', { today })
      .orderBy('agreement.id', 'ASC');
    let after = '';
    for (;;) {
      const rows = await candidates
        .clone()
        .andWhere('agreement.id > :after', { after })
        .take(BATCH_SIZE)
        .getMany();
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        if (await this.lapse(organizationId, row.id, today)) lapsed.push(row.id);
      }
    }
    if (lapsed.length > 0) {
      this.logger.log(`${lapsed.length} agreement(s) of ${organizationId} lapsed`);
    }
    return lapsed;
  }

  private lapse(organizationId: string, id: string, today: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const agreement = await this.agreements.find(manager, organizationId, id);
      if (!agreement) return false;
      const pending = await manager
        .getRepository(Milestone)
        .count({ where: { organizationId, agreementId: id, status: 'pending' } });
      if (!shouldLapse(agreement, pending, today)) return false;
      const result = await this.agreements
        .repo(manager)
        .update({ id, organizationId, status: 'in_progress' }, { status: 'lapsed' });
      if (!result.affected) return false;
      await this.audit.record(manager, {
        organizationId,
        actorId: null,
        action: 'agreement.status_changed',
        entityType: 'agreement',
        entityId: id,
        before: { status: 'in_progress' },
        after: {
          status: 'lapsed',
          reason: `targetOn ${agreement.targetOn} passed with ${pending} milestone(s) unfinished`,
        },
      });
      return true;
    });
  }

  /** Reads the milestones of several agreements in one query. */
  async withMilestones(
    manager: EntityManager,
    organizationId: string,
    agreements: Agreement[],
  ): Promise<AgreementView[]> {
    if (agreements.length === 0) return [];
    const milestones = await manager.getRepository(Milestone).find({
      where: { organizationId, agreementId: In(agreements.map((a) => a.id)) },
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

  private checkStandards(codes: string[]): void {
    const unknown = codes.filter((code) => !this.catalog.find(code));
    if (unknown.length > 0) throw AgreementErrors.unknownStandards(unknown, this.catalog.codes());
  }
}
