import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/errors';
import { Page, PageQueryDto, pageOf, skipTake } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { User } from './user.entity';

export function emailTaken(): DomainError {
  return new DomainError('conflict', 'USER.EMAIL_TAKEN', 'A user with this email already exists', [
    { field: 'email', message: 'email is already registered' },
  ]);
}

@Injectable()
export class UsersService {
  private readonly users = new TenantRepository(User, () => notFound('user'));

  constructor(private readonly transactions: Transactions) {}

  async findActor(userId: string, organizationId: string): Promise<Actor | null> {
    const user = await this.users.find(this.transactions.reader, organizationId, userId);
    if (!user) return null;
    return {
      userId: user.id,
      organizationId: user.organizationId,
      role: user.role,
      factoryId: user.factoryId,
      email: user.email,
      name: user.name,
      locale: user.locale,
    };
  }

  /** For login only: the one lookup that is not scoped by organization, since the email is the key. */
  findForLogin(email: string): Promise<User | null> {
    return this.transactions.manager
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const existing = await manager
      .getRepository(User)
      .exists({ where: { email: email.toLowerCase() } });
    if (existing) throw emailTaken();
  }

  async insert(manager: EntityManager, user: Partial<User>): Promise<User> {
    await this.assertEmailFree(manager, user.email ?? '');
    const repo = manager.getRepository(User);
    const row = repo.create(user);
    await repo.insert(row);
    return repo.findOneOrFail({ where: { id: row.id } });
  }

  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.getRepository(User).update({ id: userId }, { passwordHash });
  }

  get(manager: EntityManager, organizationId: string, id: string): Promise<User> {
    return this.users.get(manager, organizationId, id);
  }

  async list(actor: Actor, query: PageQueryDto): Promise<Page<User>> {
    const [rows, total] = await this.users.list(this.transactions.manager, actor.organizationId, {
      order: { name: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return pageOf(rows, total, query);
  }

  /** Admins of an organization: reminder escalations go to them. */
  admins(organizationId: string): Promise<User[]> {
    return this.transactions.manager.getRepository(User).find({
      where: { organizationId, role: 'admin' },
      order: { email: 'ASC' },
    });
  }
}
