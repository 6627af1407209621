import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';

/** What `Transactions.run` keeps for the call chain of its work. */
export interface TransactionInProgress {
  /** The Transactions that opened it (tests run several applications in one process). */
  readonly owner: object;
  readonly manager: EntityManager;
  /** Whether a manager is of the same data source (its default manager or a reader). */
  owns(manager: EntityManager): boolean;
}

/**
 * The transaction in progress in this call chain, if any; only `Transactions.run` enters
 * one. Here rather than in src/database so that TenantRepository can read it.
 */
export const transactionScope = new AsyncLocalStorage<TransactionInProgress>();

/**
 * The manager to use instead of `manager`: the transaction in progress in this call
 * chain when `manager` belongs to the same data source, else `manager` itself.
 */
export function currentManager(manager: EntityManager): EntityManager {
  const current = transactionScope.getStore();
  if (!current || current.manager === manager || !isOpen(current.manager)) return manager;
  return current.owns(manager) ? current.manager : manager;
}

/**
 * False once the transaction is over: work started inside `run` but still going after it
 * (a callback, a timer) inherits the scope, and must go back to the default manager.
 */
export function isOpen(manager: EntityManager): boolean {
  const runner = manager.queryRunner;
  return runner !== undefined && !runner.isReleased;
}
