import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { appConfig } from '../config/configuration';

/**
 * Reports (gaps, signals) read a whole organization, and under load the same report is
 * asked for again and again while nothing changed. An answer is kept per key and per
 * "generation" of the data: every committed transaction and every entity written through
 * TypeORM in this process starts a new generation, so a process never answers from data
 * older than its own last write. Writes made by another process (a worker, a second API)
 * are seen after at most REPORT_CACHE_MS. Requests that arrive while an answer is being
 * computed wait for that one computation instead of starting their own.
 */
@Injectable()
export class ReportCache implements EntitySubscriberInterface {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;

  constructor(dataSource: DataSource, @Inject(appConfig.KEY) config: ConfigType<typeof appConfig>) {
    this.maxAgeMs = config.reportCacheMs;
    dataSource.subscribers.push(this);
  }

  /** A write happened: every kept answer is out of date. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The answer kept for `key`, or `compute()`'s (shared with every caller waiting on the same key). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.maxAgeMs === 0) return compute();
    const now = Date.now();
    const kept = this.entries.get(key);
    if (kept && kept.generation === this.generation && now - kept.at < this.maxAgeMs)
      return kept.answer as Promise<T>;
    const generation = this.generation;
    const answer = compute();
    const entry: Entry = { generation, at: now, answer };
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
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
  generation: number;
  at: number;
  answer: Promise<unknown>;
}

/** Reports of this many organizations (and filters) are kept; the oldest goes first. */
const MAX_ENTRIES = 200;
