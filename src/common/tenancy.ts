import {
  DeepPartial,
  DeleteResult,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
  UpdateResult,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { currentManager } from './transaction-scope';
import { DomainError } from './errors';

export interface TenantOwned extends ObjectLiteral {
  id: string;
  organizationId: string;
}

/** Find options whose `where` is one condition: the organization is added to it. */
export type ScopedFindOptions<T> = FindManyOptions<T> & { where?: FindOptionsWhere<T> };

/**
 * TypeORM drops `undefined` conditions, so a missing organization id would match every
 * tenant's rows: refuse it loudly instead (a programming error, never a client's).
 */
export function requireOrganizationId(organizationId: string): void {
  if (typeof organizationId !== 'string' || organizationId === '')
    throw new Error('TenantRepository: an organization id is required');
}

/**
 * The one door past the organization scope, for the reads and writes that are honestly
 * across tenants: the row is found by a key unique across organizations that the caller
 * holds as a credential (login by email, a share link's or a reset's token, a user id
 * from a signed token), the daily scan lists every organization, or the table has no
 * organization column (the organization row itself). Anything else goes through the
 * scoped methods of `TenantRepository`; every call of this names its reason beside it.
 */
export function acrossTenants<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
): Repository<E> {
  return currentManager(manager).getRepository(target);
}

/**
 * Every read and write of tenant data goes through here: the organization id is a
 * required argument, so a query without it cannot be written by accident. Another
 * tenant's row is indistinguishable from a missing one.
 *
 * Inside `Transactions.run`, every call goes through the transaction's manager, whichever
 * manager of the same data source it was given (see `currentManager`).
 */
export class TenantRepository<T extends TenantOwned> {
  constructor(
    private readonly target: EntityTarget<T>,
    private readonly notFound: () => DomainError,
  ) {}

  /**
   * The table without the scope, for the writes not yet moved onto the scoped methods
   * below (issue 10): each must name the organization in its own conditions. New code
   * uses the scoped methods, or `acrossTenants` with its reason.
   */
  repo(manager: EntityManager): Repository<T> {
    return currentManager(manager).getRepository(this.target);
  }

  /** This table past the organization scope: see the function `acrossTenants` for when. */
  acrossTenants(manager: EntityManager): Repository<T> {
    return acrossTenants(manager, this.target);
  }

  private scoped(organizationId: string, where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    requireOrganizationId(organizationId);
    return { ...where, organizationId } as FindOptionsWhere<T>;
  }

  async get(
    manager: EntityManager,
    organizationId: string,
    id: string,
    extra?: FindOptionsWhere<T>,
  ): Promise<T> {
    const found = await this.find(manager, organizationId, id, extra);
    if (!found) throw this.notFound();
    return found;
  }

  find(
    manager: EntityManager,
    organizationId: string,
    id: string,
    extra?: FindOptionsWhere<T>,
  ): Promise<T | null> {
    requireOrganizationId(organizationId);
    if (typeof id !== 'string' || id.length > 64) return Promise.resolve(null);
    if (extra)
      return this.repo(manager).findOne({
        where: { ...extra, id, organizationId } as FindOptionsWhere<T>,
      });
    // The same row through the query builder: findOne's find options cost twice the
    // query's own time, on the path of every detail and every signed-in request.
    return this.query(manager, organizationId, 'row').andWhere('row.id = :id', { id }).getOne();
  }

  /** The organization's one row matching `where` (by a unique key other than the id), or null. */
  findOneWhere(
    manager: EntityManager,
    organizationId: string,
    where: FindOptionsWhere<T>,
  ): Promise<T | null> {
    const scoped = this.scoped(organizationId, where);
    return this.repo(manager).findOne({ where: scoped });
  }

  list(
    manager: EntityManager,
    organizationId: string,
    options: ScopedFindOptions<T> = {},
  ): Promise<[T[], number]> {
    const where = this.scoped(organizationId, options.where ?? {});
    return this.repo(manager).findAndCount({ ...options, where });
  }

  /** The organization's rows matching `options`, without `list`'s count. */
  async findMany(
    manager: EntityManager,
    organizationId: string,
    options: ScopedFindOptions<T> = {},
  ): Promise<T[]> {
    const where = this.scoped(organizationId, options.where ?? {});
    return this.repo(manager).find({ ...options, where });
  }

  /** How many of the organization's rows match `where`. */
  async count(
    manager: EntityManager,
    organizationId: string,
    where: FindOptionsWhere<T>,
  ): Promise<number> {
    const scoped = this.scoped(organizationId, where);
    return this.repo(manager).count({ where: scoped });
  }

  /** Updates the organization's rows matching `where` (never another's). */
  async update(
    manager: EntityManager,
    organizationId: string,
    where: FindOptionsWhere<T>,
    changes: QueryDeepPartialEntity<T>,
  ): Promise<UpdateResult> {
    const scoped = this.scoped(organizationId, where);
    return this.repo(manager).update(scoped, changes);
  }

  /** Adds `by` to a numeric column of the organization's rows matching `where`. */
  async increment(
    manager: EntityManager,
    organizationId: string,
    where: FindOptionsWhere<T>,
    column: keyof T & string,
    by: number,
  ): Promise<UpdateResult> {
    const scoped = this.scoped(organizationId, where);
    return this.repo(manager).increment(scoped, column, by);
  }

  /** Deletes the organization's rows matching `where` (never another's). */
  async delete(
    manager: EntityManager,
    organizationId: string,
    where: FindOptionsWhere<T>,
  ): Promise<DeleteResult> {
    const scoped = this.scoped(organizationId, where);
    return this.repo(manager).delete(scoped);
  }

  /** Inserts one row of the organization; the row as inserted (its generated id set). */
  async insert(manager: EntityManager, organizationId: string, fields: DeepPartial<T>): Promise<T> {
    const [row] = await this.insertMany(manager, organizationId, [fields]);
    return row;
  }

  /**
   * Inserts rows of the organization in one statement: a row without an organization id
   * gets this one, a row naming another is refused. With `orIgnore`, a row that would
   * break a unique index is skipped instead of failing the statement.
   */
  async insertMany(
    manager: EntityManager,
    organizationId: string,
    fields: DeepPartial<T>[],
    options: { orIgnore?: boolean } = {},
  ): Promise<T[]> {
    requireOrganizationId(organizationId);
    const repo = this.repo(manager);
    const rows = fields.map((one) => ownedBy(repo.create(one), organizationId));
    if (rows.length === 0) return rows;
    const insert = repo.createQueryBuilder().insert().into(this.target).values(rows);
    await (options.orIgnore ? insert.orIgnore() : insert).execute();
    return rows;
  }

  query(manager: EntityManager, organizationId: string, alias: string): SelectQueryBuilder<T> {
    requireOrganizationId(organizationId);
    return this.repo(manager)
      .createQueryBuilder(alias)
      .where(`${alias}.organizationId = :organizationId`, { organizationId });
  }
}

function ownedBy<T extends TenantOwned>(row: T, organizationId: string): T {
  if (row.organizationId === undefined) (row as TenantOwned).organizationId = organizationId;
  else if (row.organizationId !== organizationId)
    throw new Error('TenantRepository: a row of another organization cannot be inserted here');
  return row;
}
