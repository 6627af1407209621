import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError, invalidField, notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { UsersService } from '../users/users.service';
import { FactoryResponsibleResponse, ResponsibleStaffMember } from './dto/factory-responsible.dto';
import { FactoryResponsible } from './factory-responsible.entity';

/** Who looks after each factory: the colleagues whose digests carry its notices. */
@Injectable()
export class FactoryResponsiblesService {
  private readonly rows = new TenantRepository(FactoryResponsible, () =>
    notFound('factory_responsible'),
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly factories: FactoriesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, factoryId: string): Promise<FactoryResponsibleResponse> {
    const factory = await this.factories.get(actor, factoryId);
    return this.answer(actor.organizationId, factory.id);
  }

  /** Replaces the factory's responsible staff; each must be an admin or member of the organization. */
  set(actor: Actor, factoryId: string, userIds: string[]): Promise<FactoryResponsibleResponse> {
    return this.transactions.run(async (manager) => {
      const factory = await this.factories.get(actor, factoryId, manager);
      for (const userId of userIds) {
        const user = await this.users.get(actor.organizationId, userId).catch((error: unknown) => {
          if (error instanceof DomainError && error.kind === 'not_found') return null;
          throw error;
        });
        if (!user || (user.role !== 'admin' && user.role !== 'member'))
          throw invalidField(
            'FACTORY.RESPONSIBLE_NOT_STAFF',
            'userIds',
            `userIds: ${userId} is not an admin or member of this organization`,
          );
      }
      const before = await this.answer(actor.organizationId, factory.id);
      await this.rows.delete(manager, actor.organizationId, { factoryId: factory.id });
      await this.rows.insertMany(
        manager,
        actor.organizationId,
        userIds.map((userId) => ({ factoryId: factory.id, userId })),
      );
      const after = await this.answer(actor.organizationId, factory.id);
      await this.audit.recordBy(
        actor,
        'factory.responsible_changed',
        'factory',
        factory.id,
        { userIds: before.responsible.map((r) => r.userId) },
        { userIds: after.responsible.map((r) => r.userId) },
      );
      return after;
    });
  }

  /** For the scan: the user ids responsible for each of these factories (factories without any are left out). */
  async responsibleFor(
    manager: EntityManager,
    organizationId: string,
    factoryIds: string[],
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (factoryIds.length === 0) return result;
    const rows = await this.rows.findMany(manager, organizationId, {
      select: { factoryId: true, userId: true },
      where: { factoryId: In([...new Set(factoryIds)]) },
    });
    for (const row of rows)
      result.set(row.factoryId, [...(result.get(row.factoryId) ?? []), row.userId]);
    return result;
  }

  private async answer(
    organizationId: string,
    factoryId: string,
  ): Promise<FactoryResponsibleResponse> {
    const rows = await this.rows.findMany(this.transactions.manager, organizationId, {
      where: { factoryId },
    });
    const responsible: ResponsibleStaffMember[] = [];
    for (const row of rows) {
      const user = await this.users.get(organizationId, row.userId);
      responsible.push({ userId: user.id, name: user.name, email: user.email, role: user.role });
    }
    responsible.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
    return { factoryId, responsible };
  }
}
