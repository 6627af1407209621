import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Every write goes through `run`. TypeORM shares one connection for SQLite, so two
 * transactions opened at once would collide ("cannot start a transaction within a
 * transaction"): on SQLite they queue behind one mutex, while PostgreSQL takes a pooled
 * connection per transaction.
 */
@Injectable()
export class Transactions {
  private readonly sqliteLock = new Mutex();

  constructor(readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    return this.sqliteLock.runExclusive(() => this.dataSource.transaction(work));
  }
}
