import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { appConfig } from '../config/configuration';
import { committedVersionReader } from './data-version';

/** Per request, the one read of the committed-writes token its kept answers are checked against. */
const requestScope = new AsyncLocalStorage<{ committed?: Promise<string> }>();

/**
 * Express middleware: the kept answers of one request (the signed-in user, then the page)
 * are checked against one read of the token, taken when the first of them is asked for,
 * which is a moment within the request as a fresh read would be.
 */
export function oneVersionReadPerRequest(
  _request: unknown,
  _response: unknown,
  next: () => void,
): void {
  requestScope.run({}, next);
}

/**
 * Answers that read much and change seldom (reports, certificate pages, the signed-in
 * actor) are asked for again and again while nothing changed. An answer is kept per key
 * and per version of the data, and handed out only while that version still holds:
 *
 * - this process's writes: every committed transaction and every entity written through
 *   TypeORM starts a new generation;
 * - every other process's writes: each `get` first reads the database's own token of
 *   committed writes (see `committedVersionReader`), one cheap statement.
 *
 * So an answer from memory is always the one a fresh computation would give, whichever
 * process wrote. What depends on the date carries it in its key. REPORT_CACHE_MS bounds
 * how long an answer is kept at all; 0 computes every answer afresh. Callers that ask
 * while an answer is being computed wait for that one computation. Kept answers are
 * shared: callers must not change them.
 */
@Injectable()
export class ReportCache implements EntitySubscriberInterface {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private committedVersion: () => Promise<string>;

  constructor(dataSource: DataSource, @Inject(appConfig.KEY) config: ConfigType<typeof appConfig>) {
    this.maxAgeMs = config.reportCacheMs;
    this.committedVersion = committedVersionReader(dataSource);
    dataSource.subscribers.push(this);
  }

  /**
   * Reads the token of committed writes through `source`: on SQLite a connection that
   * never writes, which sees this process's own commits as well as every other's.
   */
  readCommitsThrough(source: DataSource): void {
    this.committedVersion = committedVersionReader(source);
  }

  /** A write happened: every kept answer is out of date. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The answer kept for `key`, or `compute()`'s (shared with every caller waiting on the same key). */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.maxAgeMs === 0) return compute();
    // Taken before the read: a write of this process while it runs makes a newer one.
    const generation = this.generation;
    const scope = requestScope.getStore();
    const committed = scope
      ? (scope.committed ??= this.committedVersion())
      : this.committedVersion();
    const version = `${generation}/${await committed}`;
    const now = Date.now();
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept && kept.version === version && now - kept.at < this.maxAgeMs) {
      // Kept as the most recently used.
      this.entries.set(key, kept);
      return kept.answer as Promise<T>;
    }
    const answer = compute();
    const entry: Entry = { version, at: now, answer };
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A write during the read cleared the entries; this answer may predate it.
    if (generation === this.generation) this.entries.set(key, entry);
    // A failed computation is not kept: the next request tries again.
    answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return answer;
  }

  afterInsert(): void {
    this.invalidate();
  }
  afterUpdate(): void {
    this.invalidate();
  }
  afterRemove(): void {
    this.invalidate();
  }
  afterSoftRemove(): void {
    this.invalidate();
  }
  afterTransactionCommit(): void {
    this.invalidate();
  }
}

interface Entry {
  version: string;
  at: number;
  answer: Promise<unknown>;
}

/** Answers kept at most (the least recently used goes first). */
const MAX_ENTRIES = 1000;
