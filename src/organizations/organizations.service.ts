import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors';
import { acrossTenants, requireOrganizationId } from '../common/tenancy';
import { andWhereIn } from '../database/in-list';
import { Transactions } from '../database/transactions';
import { UpdateOrganizationDto } from './dto/organization.dto';
import { Organization, StoredReminderPolicy } from './organization.entity';

/**
 * The organization row is the tenant itself: it has no organization column to scope by,
 * so it is reached through `acrossTenants`. A find or an update of one organization
 * refuses an undefined or empty id, as TenantRepository does: TypeORM would drop the
 * condition and take the first organization, or update all of them.
 */
function organizations(manager: EntityManager) {
  return acrossTenants(manager, Organization);
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async create(fields: Pick<Organization, 'name'> & Partial<Organization>): Promise<Organization> {
    const repo = organizations(this.transactions.manager);
    const organization = repo.create(fields);
    await repo.insert(organization);
    return repo.findOneOrFail({ where: { id: organization.id } });
  }

  async get(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Organization> {
    requireOrganizationId(organizationId);
    const organization = await organizations(manager).findOne({ where: { id: organizationId } });
    if (!organization) throw notFound('organization');
    return organization;
  }

  /**
   * The names of these organizations in one read (the digest worker's batch spans many);
   * an id with no organization is missing from the map.
   */
  async namesOf(
    organizationIds: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, string>> {
    const ids = [...new Set(organizationIds)];
    ids.forEach(requireOrganizationId);
    if (ids.length === 0) return new Map();
    const rows = await andWhereIn(
      organizations(manager)
        .createQueryBuilder('organization')
        .select(['organization.id', 'organization.name']),
      'organization.id',
      'ids',
      ids,
    ).getMany();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Only the timezone (null for no such organization): what every request needs for "today". */
  async timezoneOf(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<string | null> {
    const row = await organizations(manager)
      .createQueryBuilder('organization')
      .select('organization.timezone', 'timezone')
      .where('organization.id = :organizationId', { organizationId })
      .getRawOne<{ timezone: string }>();
    return row?.timezone ?? null;
  }

  /**
   * In a transaction of its own, or in the caller's when called inside `run` (the
   * reminder settings change timezone and locale too).
   */
  update(actor: Actor, changes: UpdateOrganizationDto): Promise<Organization> {
    return this.transactions.run((manager) => this.updateWith(manager, actor, changes));
  }

  private async updateWith(
    manager: EntityManager,
    actor: Actor,
    changes: UpdateOrganizationDto,
  ): Promise<Organization> {
    const before = await this.get(actor.organizationId, manager);
    await organizations(manager).update({ id: before.id }, changes);
    const after = await this.get(actor.organizationId, manager);
    await this.audit.recordBy(
      actor,
      'organization.updated',
      'organization',
      after.id,
      before,
      after,
    );
    return after;
  }

  /** For the reminder engine: stores the organization's reminder policy (the caller audits it). */
  async saveReminderPolicy(organizationId: string, policy: StoredReminderPolicy): Promise<void> {
    requireOrganizationId(organizationId);
    await organizations(this.transactions.manager).update(
      { id: organizationId },
      { reminderPolicy: policy },
    );
  }

  /** Every organization, in pages: the reminder scheduler registers one schedule each. */
  async *all(batchSize = 500): AsyncGenerator<Organization[]> {
    let offset = 0;
    for (;;) {
      const batch = await organizations(this.transactions.manager).find({
        order: { id: 'ASC' },
        skip: offset,
        take: batchSize,
      });
      if (batch.length === 0) return;
      yield batch;
      offset += batch.length;
    }
  }
}
