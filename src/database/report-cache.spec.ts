import type { DataSource } from 'typeorm';
import { ReportCache } from './report-cache';

function cache(reportCacheMs = 2000): ReportCache {
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  return new ReportCache(dataSource, { reportCacheMs } as never);
}

describe('ReportCache', () => {
  it('computes once for callers that ask while the answer is being computed', async () => {
    const reports = cache();
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return computed;
    };
    const answers = await Promise.all([1, 2, 3].map(() => reports.get('gaps:org', compute)));
    expect(answers).toEqual([1, 1, 1]);
    expect(computed).toBe(1);
  });

  it('computes again after a write, and never hands a caller an answer older than it', async () => {
    const reports = cache();
    let version = 1;
    const compute = () => Promise.resolve(version);
    expect(await reports.get('gaps:org', compute)).toBe(1);
    version = 2;
    expect(await reports.get('gaps:org', compute)).toBe(1);
    reports.afterUpdate();
    expect(await reports.get('gaps:org', compute)).toBe(2);
  });

  it("computes again once another process committed a write, as the database's token shows", async () => {
    const reports = cache();
    let committed = 7;
    const otherProcessesSee = {
      options: { type: 'sqlite' },
      driver: {
        databaseConnection: {
          get: (sql: string, callback: (error: null, row: { data_version: number }) => void) =>
            callback(null, { data_version: sql === 'PRAGMA data_version' ? committed : -1 }),
        },
      },
    } as unknown as DataSource;
    reports.readCommitsThrough(otherProcessesSee);
    let version = 1;
    const compute = () => Promise.resolve(version);
    expect(await reports.get('gaps:org', compute)).toBe(1);
    version = 2;
    expect(await reports.get('gaps:org', compute)).toBe(1);
    committed = 8;
    expect(await reports.get('gaps:org', compute)).toBe(2);
  });

  it('keeps answers apart by key', async () => {
    const reports = cache();
    expect(await reports.get('gaps:a', () => Promise.resolve('a'))).toBe('a');
    expect(await reports.get('gaps:b', () => Promise.resolve('b'))).toBe('b');
  });

  it('does not keep a failed computation', async () => {
    const reports = cache();
    await expect(reports.get('gaps:org', () => Promise.reject(new Error('busy')))).rejects.toThrow(
      'busy',
    );
    expect(await reports.get('gaps:org', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('with REPORT_CACHE_MS=0 computes every answer afresh', async () => {
    const reports = cache(0);
    let computed = 0;
    await reports.get('gaps:org', () => Promise.resolve(++computed));
    await reports.get('gaps:org', () => Promise.resolve(++computed));
    expect(computed).toBe(2);
  });
});
