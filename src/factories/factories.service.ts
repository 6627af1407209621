import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { assertCanSee, scopeToFactory } from '../common/factory-scope';
import { Clock } from '../common/clock';
import type { FieldProblem } from '../common/errors';
import { Page, pageOf } from '../common/pagination';
import { requireOrganizationId, TenantRepository } from '../common/tenancy';
import { andWhereIn } from '../database/in-list';
import { Transactions } from '../database/transactions';
import {
  CreateFactoryDto,
  FactoryQueryDto,
  toFactoryResponse,
  UpdateFactoryDto,
} from './dto/factory.dto';
import { FactoryErrors } from './factories.errors';
import { FactoryHoldingsService } from './factory-holdings.service';
import { defaultContactLocale, Factory } from './factory.entity';
import { USCC_MESSAGES, UsccProblem, usccProblem } from './uscc';

/** The rule each licence problem names (imports say it in the reader's language by it). */
const USCC_RULES: Record<UsccProblem, string> = {
  length: 'usccLength',
  characters: 'usccCharacters',
  check_character: 'usccCheckCharacter',
};

@Injectable()
export class FactoriesService {
  private readonly factories = new TenantRepository(Factory, FactoryErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly holdings: FactoryHoldingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The contact's own one-click unsubscribe (RFC 8058), from a signed link: no login, no
   * actor. The address stops hearing from every factory of the organization it is the
   * contact of (one person, one "stop"); the number of factories that changed.
   */
  async unsubscribeContact(organizationId: string, id: string, email: string): Promise<number> {
    return this.transactions.run(async (manager) => {
      await this.factories.get(manager, organizationId, id);
      const address = email.toLowerCase();
      const subscribed = await this.factories.findMany(manager, organizationId, {
        where: { contactEmail: address, contactUnsubscribedAt: IsNull() },
      });
      if (subscribed.length === 0) return 0;
      const now = this.clock.now();
      await this.factories.update(
        manager,
        organizationId,
        { id: In(subscribed.map((f) => f.id)) },
        { contactUnsubscribedAt: now },
      );
      for (const factory of subscribed) {
        await this.audit.record({
          organizationId,
          actorId: null,
          action: 'factory.contact_unsubscribed',
          entityType: 'factory',
          entityId: factory.id,
          before: { contactEmail: factory.contactEmail, contactUnsubscribedAt: null },
          after: { contactEmail: factory.contactEmail, contactUnsubscribedAt: now.toISOString() },
        });
      }
      return subscribed.length;
    });
  }

  /** A factory the actor may see: a factory manager sees only their own. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Factory> {
    assertCanSee(actor, id, FactoryErrors.notFound);
    return this.factories.get(manager, actor.organizationId, id);
  }

  /** For other features: the factory of this organization, or a 404 naming the factory. */
  getInOrganization(
    organizationId: string,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Factory> {
    return this.factories.get(manager, organizationId, id);
  }

  findMany(
    organizationId: string,
    ids: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Factory[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.factories
      .query(manager, organizationId, 'factory')
      .andWhere('factory.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  /** For the risk signals: only the name, country and product categories of these factories. */
  signalFactsOf(
    organizationId: string,
    ids: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<Factory, 'id' | 'name' | 'country' | 'productCategories'>[]> {
    return this.columnsOf(organizationId, ids, ['name', 'country', 'productCategories'], manager);
  }

  /**
   * Only `columns` (and the id) of these factories of the organization: for readers that
   * need a few facts of many factories (reminder payloads and recipients, risk signals).
   */
  columnsOf<K extends keyof Factory>(
    organizationId: string,
    ids: (string | null)[],
    columns: K[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<Factory, 'id' | K>[]> {
    const wanted = [...new Set(ids)].filter((id): id is string => id !== null);
    if (wanted.length === 0) return Promise.resolve([]);
    return andWhereIn(
      this.factories
        .query(manager, organizationId, 'factory')
        .select(['factory.id', ...columns.map((column) => `factory.${String(column)}`)]),
      'factory.id',
      'ids',
      wanted,
    ).getMany();
  }

  /**
   * The contact columns of factories of several organizations in one read (the digest
   * worker's batch): across tenants because each id comes with its organization from a
   * claimed reminder row, and a factory only answers for the organization it was asked
   * with; the others are left out.
   */
  async contactsAcross(
    factories: { organizationId: string; factoryId: string }[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<Factory, 'id' | 'organizationId' | 'contactEmail' | 'contactUnsubscribedAt'>[]> {
    if (factories.length === 0) return [];
    factories.forEach((factory) => requireOrganizationId(factory.organizationId));
    const rows = await andWhereIn(
      this.factories
        .acrossTenants(manager)
        .createQueryBuilder('factory')
        .select([
          'factory.id',
          'factory.organizationId',
          'factory.contactEmail',
          'factory.contactUnsubscribedAt',
        ]),
      'factory.id',
      'ids',
      factories.map((factory) => factory.factoryId),
    ).getMany();
    const asked = new Set(factories.map((f) => `${f.organizationId}|${f.factoryId}`));
    return rows.filter((row) => asked.has(`${row.organizationId}|${row.id}`));
  }

  /**
   * For set-based analyses (scope gaps): every factory of the organization whose
   * partnership has not ended, with only id, name, product categories and status loaded.
   */
  listNotEnded(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<Factory, 'id' | 'name' | 'productCategories' | 'status'>[]> {
    return this.factories
      .query(manager, organizationId, 'factory')
      .select(['factory.id', 'factory.name', 'factory.productCategories', 'factory.status'])
      .andWhere("factory.status <> 'ended'")
      .getMany();
  }

  async list(actor: Actor, query: FactoryQueryDto): Promise<Page<Factory>> {
    const qb = this.factories.query(this.transactions.manager, actor.organizationId, 'factory');
    scopeToFactory(qb, actor, 'factory.id');
    if (query.status) qb.andWhere('factory.status = :status', { status: query.status });
    if (query.country) qb.andWhere('factory.country = :country', { country: query.country });
    if (query.q) {
      const like = `%${query.q.toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('LOWER(factory.name) LIKE :like', { like })
            .orWhere('LOWER(factory.city) LIKE :like', { like })
            .orWhere('LOWER(factory.licenseNumber) LIKE :like', { like }),
        ),
      );
    }
    const [items, total] = await qb
      .orderBy('factory.name', 'ASC')
      .addOrderBy('factory.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  /**
   * In a transaction of its own, or in the caller's when called inside `run` (an import
   * commits all its rows in one).
   */
  create(actor: Actor, input: CreateFactoryDto): Promise<Factory> {
    return this.transactions.run(async (manager) => {
      const fields = { ...input, productCategories: input.productCategories ?? [] };
      fields.licenseNumber = normalizeLicense(fields.country, fields.licenseNumber);
      checkLicense(fields.country, fields.licenseNumber);
      const factory = await this.factories.insert(manager, actor.organizationId, {
        ...fields,
        status: fields.status ?? 'active',
        contactLocale: fields.contactLocale ?? defaultContactLocale(fields.country),
      });
      const saved = await this.factories.get(manager, actor.organizationId, factory.id);
      await this.audit.recordBy(
        actor,
        'factory.created',
        'factory',
        saved.id,
        null,
        toFactoryResponse(saved),
      );
      return saved;
    });
  }

  /**
   * The checks `create` makes beyond the DTO's own validation, as field problems rather
   * than a thrown error: an import previews every row before anything is written.
   */
  inputProblems(input: CreateFactoryDto): FieldProblem[] {
    const licenseNumber = normalizeLicense(input.country, input.licenseNumber);
    if (input.country !== 'CN' || !licenseNumber) return [];
    const problem = usccProblem(licenseNumber);
    return problem
      ? [{ field: 'licenseNumber', message: USCC_MESSAGES[problem], rule: USCC_RULES[problem] }]
      : [];
  }

  /** For imports: every factory of the organization, to match rows by licence number or name. */
  listAll(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Factory[]> {
    return this.factories.query(manager, organizationId, 'factory').getMany();
  }

  /** In a transaction of its own, or in the caller's when called inside `run` (an import's). */
  update(actor: Actor, id: string, changes: UpdateFactoryDto): Promise<Factory> {
    return this.transactions.run(async (manager) => {
      const before = await this.get(actor, id, manager);
      const { contactMailEnabled, ...fields } = changes;
      const patch: Partial<Factory> = { ...fields };
      if (contactMailEnabled !== undefined) {
        // Mailing a contact that asked to stop is the organization's call, not any member's.
        if (actor.role !== 'admin') throw FactoryErrors.contactMailAdminOnly();
        patch.contactUnsubscribedAt = contactMailEnabled
          ? null
          : (before.contactUnsubscribedAt ?? this.clock.now());
      } else if (
        fields.contactEmail !== undefined &&
        before.contactUnsubscribedAt &&
        (fields.contactEmail ?? '').toLowerCase() !== (before.contactEmail ?? '').toLowerCase()
      ) {
        // The "stop" was the old address's: a new contact starts with mail on.
        patch.contactUnsubscribedAt = null;
      }
      if (patch.country !== undefined || patch.licenseNumber !== undefined) {
        // The licence rule depends on the country, whichever of the two the patch changes.
        const country = patch.country ?? before.country;
        patch.licenseNumber = normalizeLicense(
          country,
          patch.licenseNumber !== undefined ? patch.licenseNumber : before.licenseNumber,
        );
        checkLicense(country, patch.licenseNumber);
      }
      await this.factories.update(manager, actor.organizationId, { id }, patch);
      const after = await this.factories.get(manager, actor.organizationId, id);
      await this.audit.recordBy(
        actor,
        'factory.updated',
        'factory',
        id,
        toFactoryResponse(before),
        toFactoryResponse(after),
      );
      const was = before.contactUnsubscribedAt?.getTime() ?? null;
      if (was !== (after.contactUnsubscribedAt?.getTime() ?? null)) {
        await this.audit.recordBy(
          actor,
          after.contactUnsubscribedAt === null
            ? 'factory.contact_mail_enabled'
            : 'factory.contact_mail_disabled',
          'factory',
          id,
          { contactUnsubscribedAt: before.contactUnsubscribedAt?.toISOString() ?? null },
          { contactUnsubscribedAt: after.contactUnsubscribedAt?.toISOString() ?? null },
        );
      }
      return after;
    });
  }

  /** Refused while certificates remain, unless the factory was first ended: then they go with it. */
  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const factory = await this.get(actor, id, manager);
      const certificates = this.holdings.certificates.get();
      const count = await certificates.countHeldBy(actor.organizationId, id);
      if (count > 0 && factory.status !== 'ended') throw FactoryErrors.hasCertificates(count);
      if (count > 0) await certificates.removeAllHeldBy(actor, id);
      // A manager invited to this factory can no longer join it.
      await this.holdings.invitations.get().revokeAllFor(actor.organizationId, id);
      await this.factories.delete(manager, actor.organizationId, { id });
      await this.audit.recordBy(
        actor,
        'factory.deleted',
        'factory',
        id,
        toFactoryResponse(factory),
        {
          certificatesDeleted: count,
        },
      );
    });
  }
}

/** A Chinese USCC is stored upper-cased, however it was typed. */
function normalizeLicense(
  country: string,
  licenseNumber: string | null | undefined,
): string | null | undefined {
  return licenseNumber && country === 'CN' ? licenseNumber.toUpperCase() : licenseNumber;
}

function checkLicense(country: string, licenseNumber: string | null | undefined): void {
  if (country !== 'CN' || !licenseNumber) return;
  const problem = usccProblem(licenseNumber);
  if (problem) throw FactoryErrors.invalidLicense(problem);
}
