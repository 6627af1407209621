import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/errors';
import { Page, PageQueryDto, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { User } from './user.entity';

export function emailTaken(): DomainError {
  return new DomainError('conflict', 'USER.EMAIL_TAKEN', 'A user with this email already exists', [
    { field: 'email', message: 'email is already registered' },
  ]);
}

@Injectable()
export class UsersService {
  private readonly users = new TenantRepository(User, () => notFound('user'));

  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * An active user as an actor; for a token (`tokenVersion` given), only while the user's
   * token version is still the token's.
   */
  async findActor(
    userId: string,
    organizationId: string,
    tokenVersion?: number,
  ): Promise<Actor | null> {
    // One statement: every request needs the organization's timezone for "today"
    // (carried on the actor so that no service reads it again), and on SQLite each
    // statement costs about as much as this whole read.
    if (typeof userId !== 'string' || userId.length > 64) return null;
    const { entities, raw } = await this.users
      .query(this.transactions.reader, organizationId, 'user')
      .andWhere('user.id = :userId', { userId })
      .addSelect(
        (organization) =>
          organization
            .select('organization.timezone')
            .from('organizations', 'organization')
            .where('organization.id = user.organizationId'),
        'timezone',
      )
      .getRawAndEntities<{ timezone: string | null }>();
    const user = entities[0];
    const timezone = raw[0]?.timezone ?? null;
    if (!user || !user.active || timezone === null) return null;
    if (tokenVersion !== undefined && user.tokenVersion !== tokenVersion) return null;
    return {
      userId: user.id,
      organizationId: user.organizationId,
      role: user.role,
      factoryId: user.factoryId,
      email: user.email,
      name: user.name,
      locale: user.locale,
      timezone,
    };
  }

  /** For login only: the one lookup that is not scoped by organization, since the email is the key. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .acrossTenants(this.transactions.manager)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /** Across organizations: an email signs in to one account only (it is the login's key). */
  async assertEmailFree(email: string): Promise<void> {
    const existing = await this.users
      .acrossTenants(this.transactions.manager)
      .exists({ where: { email: email.toLowerCase() } });
    if (existing) throw emailTaken();
  }

  async insert(user: Partial<User>): Promise<User> {
    await this.assertEmailFree(user.email ?? '');
    const organizationId = user.organizationId as string;
    const row = await this.users.insert(this.transactions.manager, organizationId, user);
    return this.users.get(this.transactions.manager, organizationId, row.id);
  }

  // Scoped like every other write: the organization comes from the signed-in actor, or
  // from the reset or invitation row that names the user.

  async setPassword(organizationId: string, userId: string, passwordHash: string): Promise<void> {
    await this.users.update(
      this.transactions.manager,
      organizationId,
      { id: userId },
      { passwordHash },
    );
  }

  /** The password hash, for checking the current password before a change. */
  async passwordHashOf(organizationId: string, userId: string): Promise<string | null> {
    const row = await this.users
      .query(this.transactions.manager, organizationId, 'user')
      .addSelect('user.passwordHash')
      .andWhere('user.id = :userId', { userId })
      .getOne();
    return row?.passwordHash ?? null;
  }

  /** Ends every session of the user: tokens carry the version they were signed with. */
  async endSessions(organizationId: string, userId: string): Promise<void> {
    await this.users.increment(
      this.transactions.manager,
      organizationId,
      { id: userId },
      'tokenVersion',
      1,
    );
  }

  async update(
    organizationId: string,
    id: string,
    changes: { role?: User['role']; active?: boolean },
  ): Promise<User> {
    if (Object.keys(changes).length > 0)
      await this.users.update(this.transactions.manager, organizationId, { id }, changes);
    return this.users.get(this.transactions.manager, organizationId, id);
  }

  /** Removes a user added by an admin who never chose a password; true when removed. */
  async removeIfNeverJoined(organizationId: string, id: string): Promise<boolean> {
    const result = await this.users.delete(this.transactions.manager, organizationId, {
      id,
      passwordHash: IsNull(),
    });
    return (result.affected ?? 0) > 0;
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await this.users.delete(this.transactions.manager, organizationId, { id });
  }

  /** Active admins other than `exceptId`: an organization must always keep one. */
  otherActiveAdmins(organizationId: string, exceptId: string) {
    return this.users
      .query(this.transactions.manager, organizationId, 'user')
      .andWhere('user.role = :role', { role: 'admin' })
      .andWhere('user.active = :active', { active: true })
      .andWhere('user.id != :exceptId', { exceptId })
      .getCount();
  }

  get(organizationId: string, id: string): Promise<User> {
    return this.users.get(this.transactions.manager, organizationId, id);
  }

  async list(actor: Actor, query: PageQueryDto): Promise<Page<User>> {
    const [rows, total] = await this.users.list(this.transactions.manager, actor.organizationId, {
      order: { name: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return pageOf(rows, total, query);
  }

  /**
   * Everyone of the organization who may receive its reminders (admins, members, factory
   * managers), by email: a deactivated account hears nothing.
   */
  reminderRecipients(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<User, 'id' | 'email' | 'role' | 'locale' | 'factoryId'>[]> {
    return this.users
      .query(manager, organizationId, 'user')
      .select(['user.id', 'user.email', 'user.role', 'user.locale', 'user.factoryId'])
      .andWhere('user.role IN (:...roles)', { roles: ['admin', 'member', 'factory_manager'] })
      .andWhere('user.active = :active', { active: true })
      .orderBy('user.email', 'ASC')
      .getMany();
  }

  /** Admins of an organization: reminder escalations go to them. */
  admins(organizationId: string): Promise<User[]> {
    return this.users.findMany(this.transactions.manager, organizationId, {
      where: { role: 'admin', active: true },
      order: { email: 'ASC' },
    });
  }
}
