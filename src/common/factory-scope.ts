import type { FindOptionsWhere, ObjectLiteral, WhereExpressionBuilder } from 'typeorm';
import type { Actor } from './actor';
import type { DomainError } from './errors';

/**
 * The one home of the rule "a factory manager sees only their own factory". Services
 * apply it through these functions and never compare a role with 'factory_manager'
 * themselves (eslint.config.mjs refuses that outside this file), so the rule cannot be
 * forgotten in one feature or spelt differently in another.
 *
 * Another factory's row is indistinguishable from a missing one: a factory manager gets
 * the feature's 404, never a 403 that would confirm the row exists.
 */

/**
 * Stands in for the factory of a factory manager who has none (their factory was
 * deleted): it matches no row. TypeORM drops `null` and `undefined` conditions from a
 * find's `where`, which would match every factory. A uuid, so that it compares with
 * uuid and varchar columns alike on PostgreSQL.
 */
export const NO_FACTORY = '00000000-0000-0000-0000-000000000000';

/** Whether the actor is a factory manager, whose every read is limited to one factory. */
export function isFactoryManager(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'factory_manager';
}

/**
 * Whether the actor may see what belongs to this factory. `null` is the trader's own
 * holdings (a certificate without a factory), which a factory manager never sees.
 */
export function canSeeFactory(actor: Actor, factoryId: string | null): boolean {
  if (!isFactoryManager(actor)) return true;
  return actor.factoryId !== null && factoryId === actor.factoryId;
}

/** Throws the feature's not-found error unless the actor may see this factory's rows. */
export function assertCanSee(
  actor: Actor,
  factoryId: string | null,
  notFound: () => DomainError,
): void {
  if (!canSeeFactory(actor, factoryId)) throw notFound();
}

/**
 * The factory condition to spread into a find's `where`: nothing for trader staff, the
 * manager's own factory for a factory manager.
 */
export function factoryScope<T extends ObjectLiteral & { factoryId: string | null }>(
  actor: Actor,
): FindOptionsWhere<T> {
  if (!isFactoryManager(actor)) return {};
  return { factoryId: actor.factoryId ?? NO_FACTORY } as FindOptionsWhere<T>;
}

/**
 * The same condition on a query builder. `column` is the aliased column that holds the
 * factory id: `certificate.factoryId`, or `factory.id` for the factories themselves.
 */
export function scopeToFactory<Q extends WhereExpressionBuilder>(
  qb: Q,
  actor: Actor,
  column: string,
): Q {
  if (isFactoryManager(actor))
    qb.andWhere(`${column} = :scopeFactoryId`, { scopeFactoryId: actor.factoryId ?? NO_FACTORY });
  return qb;
}
