import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { isFactoryManager } from '../common/factory-scope';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { AgreementsService } from './agreements.service';
import { AgreementErrors } from './agreements.errors';
import { MilestoneStatus } from './at-risk';
import { milestoneSnapshot } from './dto/agreement.response';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { Milestone } from './milestone.entity';
import { plannedDaysBetween } from './plan-schedule';

/** What a factory manager may change on a milestone of their factory: mark it done, or undo that. */
const MANAGER_FIELDS = new Set(['status', 'completedOn']);
const MANAGER_STATUSES: MilestoneStatus[] = ['pending', 'done'];

@Injectable()
export class MilestonesService {
  private readonly milestones = new TenantRepository(Milestone, AgreementErrors.milestoneNotFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsService,
  ) {}

  /** A milestone the actor may see: through its agreement, so a factory manager sees only theirs. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Milestone> {
    const milestone = await this.milestones.get(manager, actor.organizationId, id);
    const agreement = await this.agreements.findVisible(actor, milestone.agreementId, manager);
    if (!agreement) throw AgreementErrors.milestoneNotFound();
    return milestone;
  }

  create(actor: Actor, agreementId: string, input: CreateMilestoneDto): Promise<Milestone> {
    return this.transactions.run(async (manager) => {
      const agreement = await this.agreements.get(actor, agreementId, manager);
      const existing = await this.milestones.findMany(manager, actor.organizationId, {
        where: { agreementId },
      });
      // Its pace by default: the days since the latest due date before its own (or startsOn).
      const previousDueOn = existing
        .map((m) => m.dueOn)
        .filter((dueOn) => dueOn <= input.dueOn)
        .reduce((latest, dueOn) => (dueOn > latest ? dueOn : latest), agreement.startsOn);
      const milestone = await this.milestones.insert(manager, actor.organizationId, {
        agreementId,
        name: input.name,
        owner: input.owner,
        dueOn: input.dueOn,
        completedOn: null,
        status: 'pending',
        plannedDays: input.plannedDays ?? plannedDaysBetween(previousDueOn, input.dueOn),
        position: existing.reduce((max, m) => Math.max(max, m.position + 1), 0),
        templateKey: null,
      });
      const saved = await this.milestones.get(manager, actor.organizationId, milestone.id);
      await this.audit.recordBy(
        actor,
        'milestone.created',
        'milestone',
        saved.id,
        null,
        milestoneSnapshot(saved),
      );
      return saved;
    });
  }

  update(actor: Actor, id: string, changes: UpdateMilestoneDto): Promise<Milestone> {
    if (isFactoryManager(actor)) {
      const fields = Object.keys(changes).filter(
        (key) => changes[key as keyof UpdateMilestoneDto] !== undefined,
      );
      if (
        fields.some((field) => !MANAGER_FIELDS.has(field)) ||
        (changes.status !== undefined && !MANAGER_STATUSES.includes(changes.status))
      ) {
        throw AgreementErrors.managerMayOnlyComplete();
      }
    }
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const today = await this.agreements.today(actor.organizationId, manager);
      const status = changes.status ?? (changes.completedOn ? 'done' : before.status);
      let completedOn: string | null = null;
      if (status === 'done') {
        if (changes.completedOn === null) throw AgreementErrors.completedOnMissing();
        // Completing sets today (organization timezone) unless a date is given.
        completedOn =
          changes.completedOn ?? (before.status === 'done' ? before.completedOn : null) ?? today;
        if (completedOn > today) throw AgreementErrors.completedInFuture(today);
      } else if (changes.completedOn) {
        throw AgreementErrors.completedOnNotDone();
      }
      const patch: Partial<Milestone> = { status, completedOn };
      if (changes.name !== undefined) patch.name = changes.name;
      if (changes.dueOn !== undefined) patch.dueOn = changes.dueOn;
      if (changes.owner !== undefined) patch.owner = changes.owner;
      const changed = (Object.keys(patch) as (keyof Milestone)[]).some(
        (key) => patch[key] !== before[key],
      );
      if (!changed) return before;
      await this.milestones.update(manager, actor.organizationId, { id }, patch);
      const after = await this.milestones.get(manager, actor.organizationId, id);
      const action =
        after.status !== before.status && after.status === 'done'
          ? 'milestone.completed'
          : 'milestone.updated';
      await this.audit.recordBy(
        actor,
        action,
        'milestone',
        id,
        milestoneSnapshot(before),
        milestoneSnapshot(after),
      );
      return after;
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const milestone = await this.get(actor, id, manager);
      await this.milestones.delete(manager, actor.organizationId, { id });
      await this.audit.recordBy(
        actor,
        'milestone.deleted',
        'milestone',
        id,
        milestoneSnapshot(milestone),
        null,
      );
    });
  }
}
