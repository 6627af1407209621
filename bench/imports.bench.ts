/**
 * Importing 50,000 certificates (preview + commit, through ImportsService as the routes
 * call it: the file is large, so a job reads it) against a baseline measured in the same
 * run: the same rows inserted with one multi-row INSERT per 500 rows through the same
 * driver. Also the peak memory of the process above its idle level during the import.
 */
import { Certificate } from '../src/certificates/certificate.entity';
import { insertRows } from '../src/database/bulk-insert';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../src/database/transactions';
import { ImportsService } from '../src/imports/imports.service';
import { UsersService } from '../src/users/users.service';
import { signUp } from '../test/support/accounts';
import { startApp } from '../test/support/app';
import { createTestDatabase } from '../test/support/test-database';
import type { BenchOptions, BenchReport } from './run';

const HEADER = [
  'Factory',
  'Standard',
  'Certificate number',
  'Certification body',
  'Scope',
  'Product categories',
  'Issued on',
  'Expires on',
  'Next surveillance audit on',
];
const STANDARDS = ['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018'];

function row(i: number, factories: number): string[] {
  return [
    `Bench Factory ${i % factories}`,
    STANDARDS[i % STANDARDS.length],
    `BENCH-${String(i).padStart(6, '0')}`,
    i % 2 ? 'China Quality Certification Centre' : 'SGS-CSTC Standards Technical Services',
    'Design and manufacture of industrial valves and pipe fittings',
    'valves; pipe fittings',
    '2025-03-01',
    '2028-02-28',
    '2026-02-15',
  ];
}

/**
 * CPU time of the whole process (every thread: SQLite's statements run on libuv's pool),
 * in ms: less swayed than wall time by the other agents on the shared machine.
 */
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export default async function bench(options: BenchOptions): Promise<BenchReport> {
  const rows = Math.min(50_000, 50_000 * options.scale);
  const factoryCount = 100;
  const database = await createTestDatabase(options.database);
  const t = await startApp({ database, env: { RUN_WORKER: 'true' } });
  try {
    const admin = await signUp(t);
    for (let i = 0; i < factoryCount; i++) {
      await t
        .http()
        .post('/api/v1/factories')
        .set(admin.auth)
        .send({ name: `Bench Factory ${i}`, country: 'VN' })
        .expect(201);
    }
    const actor = await t.app.get(UsersService).findActor(admin.userId, admin.organizationId);
    if (!actor) throw new Error('no actor');
    const lines = [HEADER, ...Array.from({ length: rows }, (_, i) => row(i, factoryCount))];
    const file = Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}`, 'utf8');

    // The import first, from the idle process (the baselines' 100,000 entities would raise
    // the level memory is measured from), sampled for memory while it runs.
    global.gc?.();
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const imports = t.app.get(ImportsService);
    const importCpu = process.cpuUsage();
    const previewStart = process.hrtime.bigint();
    let preview = await imports.preview(actor, 'certificates', {
      buffer: file,
      originalname: 'bench.csv',
    });
    while (preview.state === 'queued' || preview.state === 'reading') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      preview = await imports.get(actor, preview.id);
    }
    const previewMs = Number(process.hrtime.bigint() - previewStart) / 1e6;
    if (preview.state !== 'ready' || preview.counts.created !== rows)
      throw new Error(
        `preview ${preview.state}: ${JSON.stringify(preview.counts)} ${JSON.stringify(preview.failure)}`,
      );
    const previewPeak = peak;
    const commitStart = process.hrtime.bigint();
    const committed = await imports.commit(actor, preview.id);
    const commitMs = Number(process.hrtime.bigint() - commitStart) / 1e6;
    const importCpuMs = cpuMs(importCpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (committed.state !== 'committed') throw new Error('not committed');

    // Baseline: the same rows as entities, one multi-row INSERT per 500, in one transaction.
    const baselineOrg = await signUp(t);
    const factoryIds = (
      (await t.http().get('/api/v1/factories?pageSize=200').set(admin.auth).expect(200)).body as {
        items: { id: string; name: string }[];
      }
    ).items.reduce((map, f) => map.set(f.name, f.id), new Map<string, string>());
    const transactions = t.app.get(Transactions);
    /**
     * The baseline twice: through TypeORM's `insert()` (as recorded since the first row of
     * RESULTS.md) and through `insertRows` (src/database/bulk-insert.ts), the same
     * multi-row INSERT built without TypeORM's per-parameter bookkeeping, which the
     * import's own writes now use: the stricter floor.
     */
    const baseline = async (
      organizationId: string,
      userId: string,
      write: (manager: EntityManager, chunk: Certificate[]) => Promise<unknown>,
    ) => {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await transactions.run(async (manager) => {
        const repo = manager.getRepository(Certificate);
        for (let first = 0; first < rows; first += 500) {
          const chunk = [];
          for (let i = first; i < Math.min(rows, first + 500); i++) {
            const cells = row(i, factoryCount);
            chunk.push(
              repo.create({
                organizationId,
                // Held by nobody: the baseline organization has no factories (no foreign key to satisfy).
                factoryId: null,
                standard: cells[1],
                certificateNumber: cells[2],
                certificationBody: cells[3],
                accreditationBody: null,
                scope: cells[4],
                sites: [],
                productCategories: ['valves', 'pipe fittings'],
                iafCodes: [],
                issuedOn: cells[6],
                expiresOn: cells[7],
                nextSurveillanceAuditOn: cells[8],
                status: 'active',
                createdById: userId,
              }),
            );
          }
          await write(manager, chunk);
        }
      });
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: cpuMs(cpu) };
    };
    const typeormBaseline = await baseline(
      baselineOrg.organizationId,
      baselineOrg.userId,
      (m, chunk) => m.getRepository(Certificate).insert(chunk),
    );
    const rawOrg = await signUp(t);
    const rawBaseline = await baseline(rawOrg.organizationId, rawOrg.userId, (m, chunk) =>
      insertRows(m, Certificate, chunk),
    );
    void factoryIds;

    const importMs = previewMs + commitMs;
    const baselineMs = typeormBaseline.ms;
    const rawBaselineMs = rawBaseline.ms;
    return {
      name: 'imports: 50,000 certificates',
      lines: [
        `rows: ${rows} certificates of ${factoryCount} factories, CSV of ${mb(file.length)}`,
        `baseline (multi-row INSERT per 500 rows, one transaction): ${baselineMs.toFixed(0)} ms through TypeORM's insert(), ${rawBaselineMs.toFixed(0)} ms through insertRows`,
        `import: preview (job: parse, validate, match) ${previewMs.toFixed(0)} ms + commit (insert + audit events) ${commitMs.toFixed(0)} ms = ${importMs.toFixed(0)} ms`,
        `ratio import / baseline: ${(importMs / baselineMs).toFixed(2)}x (commit alone ${(commitMs / baselineMs).toFixed(2)}x); against insertRows ${(importMs / rawBaselineMs).toFixed(2)}x`,
        `CPU time (all threads): import ${importCpuMs.toFixed(0)} ms, baseline ${typeormBaseline.cpuMs.toFixed(0)} ms through insert(), ${rawBaseline.cpuMs.toFixed(0)} ms through insertRows; ratios ${(importCpuMs / typeormBaseline.cpuMs).toFixed(2)}x and ${(importCpuMs / rawBaseline.cpuMs).toFixed(2)}x`,
        `memory: idle RSS ${mb(idle)}, peak ${mb(peak)}, peak above idle ${mb(peak - idle)} (during the preview ${mb(previewPeak - idle)})`,
      ],
    };
  } finally {
    await t.close();
  }
}
