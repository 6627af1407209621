import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Mutex } from 'async-mutex';
import { DataSource, DataSourceOptions, EntityManager, QueryRunner } from 'typeorm';
import { isOpen, transactionScope } from '../common/transaction-scope';
import { readConnectionsConfig } from '../config/configuration';
import { ReportCache } from './report-cache';

/**
 * Every write goes through `run`. TypeORM shares one connection for SQLite, so two
 * transactions opened at once would collide ("cannot start a transaction within a
 * transaction"): on SQLite they queue behind one mutex, while PostgreSQL takes a pooled
 * connection per transaction.
 *
 * On SQLite a transaction starts with BEGIN IMMEDIATE: it takes the write lock at once,
 * so a transaction that reads before it writes is never refused with SQLITE_BUSY because
 * another process (a second worker on the same file) wrote in between. While another
 * process holds the lock, it waits here in short steps rather than in SQLite's busy
 * handler, which would hold a libuv thread (and, through the connection mutex, every
 * other query of this process) for the whole wait.
 *
 * While `work` runs, its manager is the current one (held in AsyncLocalStorage, see
 * `currentManager`): `manager` and `reader` answer it, and TenantRepository reads and
 * writes through it, so a service called inside `run` joins the transaction without a
 * manager parameter. A `run` inside a `run` joins the outer transaction.
 */
@Injectable()
export class Transactions implements OnModuleInit, OnModuleDestroy {
  private readonly sqliteLock = new Mutex();
  private shortBusyWait = false;
  private readers: DataSource[] = [];
  private nextReader = 0;

  constructor(
    readonly dataSource: DataSource,
    private readonly reports: ReportCache,
    @Inject(readConnectionsConfig.KEY)
    private readonly readConnections: ConfigType<typeof readConnectionsConfig> = { sqlite: 0 },
  ) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
  }

  /** The manager of the transaction in progress in this call chain, else the default. */
  get manager(): EntityManager {
    return this.active() ?? this.dataSource.manager;
  }

  /** True while a `run` of this data source is in progress in this call chain. */
  get inTransaction(): boolean {
    return this.active() !== undefined;
  }

  private active(): EntityManager | undefined {
    const current = transactionScope.getStore();
    return current?.owner === this && isOpen(current.manager) ? current.manager : undefined;
  }

  /** Whether the manager is this data source's (the default one or a reader). */
  owns(manager: EntityManager): boolean {
    return (
      manager.connection === this.dataSource ||
      this.readers.some((reader) => reader === manager.connection)
    );
  }

  /**
   * For reads outside any transaction that need not see one in progress (a list, a
   * detail, the signed-in user): on SQLite a connection of its own, taken in turn, so
   * that such reads run side by side and never queue behind a write (WAL lets readers
   * and the writer work at once, and a reader sees every committed write); on
   * PostgreSQL the pool, as everywhere else. Inside `run`, the transaction's manager, so
   * that a read there sees the transaction's own writes.
   */
  get reader(): EntityManager {
    const active = this.active();
    if (active) return active;
    if (this.readers.length === 0) return this.dataSource.manager;
    this.nextReader = (this.nextReader + 1) % this.readers.length;
    return this.readers[this.nextReader].manager;
  }

  async onModuleInit(): Promise<void> {
    if (!this.isSqlite || this.readConnections.sqlite === 0) return;
    const options = this.dataSource.options as DataSourceOptions;
    for (let i = 0; i < this.readConnections.sqlite; i++) {
      const reader = new DataSource({
        ...options,
        name: `reader-${i}`,
        migrations: [],
        migrationsRun: false,
        subscribers: [],
      } as DataSourceOptions);
      this.readers.push(await reader.initialize());
    }
    this.reports.readCommitsThrough(this.readers[0]);
  }

  async onModuleDestroy(): Promise<void> {
    const readers = this.readers;
    this.readers = [];
    await Promise.all(readers.map((reader) => reader.destroy()));
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const active = this.active();
    // Already inside one: join it (on SQLite a second BEGIN would wait on the mutex the
    // outer transaction holds, for ever).
    if (active) return work(active);
    const scoped = (manager: EntityManager): Promise<T> =>
      transactionScope.run({ owner: this, manager, owns: (other) => this.owns(other) }, () =>
        work(manager),
      );
    try {
      if (!this.isSqlite) return await this.dataSource.transaction(scoped);
      return await this.sqliteLock.runExclusive(() => this.immediate(scoped));
    } finally {
      // Whatever it wrote, kept reports are older than it now.
      this.reports.invalidate();
    }
  }

  private async immediate<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await this.beginImmediate(runner);
      // Tells TypeORM a transaction is open, so save() does not try to begin its own.
      markTransaction(runner, true);
      try {
        const result = await work(runner.manager);
        markTransaction(runner, false);
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        markTransaction(runner, false);
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private async beginImmediate(runner: QueryRunner): Promise<void> {
    if (!this.shortBusyWait) {
      await runner.query(`PRAGMA busy_timeout = ${SQLITE_LOCK_STEP_MS}`);
      this.shortBusyWait = true;
    }
    const deadline = Date.now() + SQLITE_LOCK_PATIENCE_MS;
    for (;;) {
      try {
        await runOnDriver(this.dataSource, 'BEGIN IMMEDIATE TRANSACTION');
        return;
      } catch (error) {
        if (!/SQLITE_BUSY/.test(String(error)) || Date.now() > deadline) throw error;
        await new Promise((resolve) =>
          setTimeout(resolve, 5 + Math.random() * SQLITE_LOCK_STEP_MS),
        );
      }
    }
  }
}

/** SQLite's own busy wait per try, and how long a transaction waits for the lock in all. */
const SQLITE_LOCK_STEP_MS = 25;
const SQLITE_LOCK_PATIENCE_MS = 30_000;

/** TypeORM declares the flag read-only; the transaction was begun by hand above. */
function markTransaction(runner: QueryRunner, active: boolean): void {
  (runner as { isTransactionActive: boolean }).isTransactionActive = active;
}

interface SqliteHandle {
  run(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Straight on the driver's one SQLite connection (the one every query runner uses), so an
 * expected SQLITE_BUSY while waiting for the lock is not logged as a failed query.
 */
function runOnDriver(dataSource: DataSource, sql: string): Promise<void> {
  const handle = (dataSource.driver as unknown as { databaseConnection: SqliteHandle })
    .databaseConnection;
  return new Promise((resolve, reject) =>
    handle.run(sql, (error) => (error ? reject(error) : resolve())),
  );
}
