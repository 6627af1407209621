import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Page, pageOf } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { StandardsCatalog } from '../config/standards-catalog';
import { Transactions } from '../database/transactions';
import { Buyer } from './buyer.entity';
import { BuyerErrors } from './buyers.errors';
import {
  BuyerQueryDto,
  CreateBuyerDto,
  CreateRequirementDto,
  toBuyerResponse,
  toRequirementResponse,
  UpdateBuyerDto,
} from './dto/buyer.dto';
import { Requirement } from './requirement.entity';

@Injectable()
export class BuyersService {
  private readonly buyers = new TenantRepository(Buyer, BuyerErrors.notFound);
  private readonly requirements = new TenantRepository(
    Requirement,
    BuyerErrors.requirementNotFound,
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly catalog: StandardsCatalog,
  ) {}

  get(
    organizationId: string,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Buyer> {
    return this.buyers.get(manager, organizationId, id);
  }

  async list(actor: Actor, query: BuyerQueryDto): Promise<Page<Buyer>> {
    const qb = this.buyers.query(this.transactions.manager, actor.organizationId, 'buyer');
    if (query.q)
      qb.andWhere('LOWER(buyer.name) LIKE :like', { like: `%${query.q.toLowerCase()}%` });
    const [items, total] = await qb
      .orderBy('buyer.name', 'ASC')
      .addOrderBy('buyer.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  create(actor: Actor, input: CreateBuyerDto): Promise<Buyer> {
    return this.transactions.run(async (manager) => {
      const buyer = await this.buyers.insert(manager, actor.organizationId, {
        name: input.name,
        country: input.country,
        contactEmail: input.contactEmail || null,
        locale: input.locale ?? 'en',
        notes: input.notes ?? null,
      });
      const saved = await this.buyers.get(manager, actor.organizationId, buyer.id);
      await this.audit.recordBy(
        actor,
        'buyer.created',
        'buyer',
        saved.id,
        null,
        toBuyerResponse(saved),
      );
      return saved;
    });
  }

  update(actor: Actor, id: string, changes: UpdateBuyerDto): Promise<Buyer> {
    return this.transactions.run(async (manager) => {
      const before = await this.buyers.get(manager, actor.organizationId, id);
      const patch = { ...changes };
      if (patch.contactEmail === '') patch.contactEmail = null;
      await this.buyers.update(manager, actor.organizationId, { id }, patch);
      const after = await this.buyers.get(manager, actor.organizationId, id);
      await this.audit.recordBy(
        actor,
        'buyer.updated',
        'buyer',
        id,
        toBuyerResponse(before),
        toBuyerResponse(after),
      );
      return after;
    });
  }

  /** Its requirements (and gap episodes) go with it, by foreign key. */
  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const buyer = await this.buyers.get(manager, actor.organizationId, id);
      const requirements = await this.requirementsOf(actor.organizationId, [id], manager);
      await this.requirements.delete(manager, actor.organizationId, { buyerId: id });
      await this.buyers.delete(manager, actor.organizationId, { id });
      await this.audit.recordBy(
        actor,
        'buyer.deleted',
        'buyer',
        id,
        toBuyerResponse(buyer, requirements),
        null,
      );
    });
  }

  addRequirement(actor: Actor, buyerId: string, input: CreateRequirementDto): Promise<Requirement> {
    if (!this.catalog.find(input.standard)) throw BuyerErrors.unknownStandard(this.catalog.codes());
    return this.transactions.run(async (manager) => {
      await this.buyers.get(manager, actor.organizationId, buyerId);
      const existing = await this.requirements.list(manager, actor.organizationId, {
        where: { buyerId, standard: input.standard },
      });
      const category = input.productCategory.toLowerCase();
      if (existing[0].some((r) => r.productCategory.toLowerCase() === category))
        throw BuyerErrors.duplicateRequirement();
      const requirement = await this.requirements.insert(manager, actor.organizationId, {
        buyerId,
        standard: input.standard,
        productCategory: input.productCategory,
      });
      const saved = await this.requirements.get(manager, actor.organizationId, requirement.id);
      await this.audit.recordBy(
        actor,
        'requirement.created',
        'requirement',
        saved.id,
        null,
        toRequirementResponse(saved),
      );
      return saved;
    });
  }

  getRequirement(actor: Actor, id: string): Promise<Requirement> {
    return this.requirements.get(this.transactions.manager, actor.organizationId, id);
  }

  removeRequirement(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const requirement = await this.requirements.get(manager, actor.organizationId, id);
      await this.requirements.delete(manager, actor.organizationId, { id });
      await this.audit.recordBy(
        actor,
        'requirement.deleted',
        'requirement',
        id,
        toRequirementResponse(requirement),
        null,
      );
    });
  }

  /** For gap analysis: the requirements of the given buyers, or of every buyer when `buyerIds` is undefined. */
  async requirementsOf(
    organizationId: string,
    buyerIds?: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Requirement[]> {
    if (buyerIds && buyerIds.length === 0) return [];
    const qb = this.requirements.query(manager, organizationId, 'requirement');
    if (buyerIds) qb.andWhere('requirement.buyerId IN (:...buyerIds)', { buyerIds });
    return qb
      .orderBy('requirement.buyerId', 'ASC')
      .addOrderBy('requirement.standard', 'ASC')
      .addOrderBy('requirement.productCategory', 'ASC')
      .addOrderBy('requirement.id', 'ASC')
      .getMany();
  }

  /** Buyer names by id, for explanations and reminders. */
  async namesOf(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, string>> {
    const rows = await this.buyers
      .query(manager, organizationId, 'buyer')
      .select(['buyer.id', 'buyer.name'])
      .getMany();
    return new Map(rows.map((b) => [b.id, b.name]));
  }
}
