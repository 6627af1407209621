/**
 * The HTTP API under load, as its users meet it: the real service started as its own
 * process in production mode (JSON access logs on), driven by autocannon from this
 * process, beside a bare Node handler (bench/bare-handler.ts) that checks the same token
 * and runs the same query through the same driver on the same database. The list and the
 * detail are measured twice: as the service runs (answers kept in memory while nothing is
 * written, ReportCache) and computed afresh on every request (REPORT_CACHE_MS=0), against
 * the same bare runs. Runs alternate (certpact, certpact computing, bare, ...) and each
 * figure is the median of BENCH_HTTP_RUNS (5).
 *
 * Data: one organization with 200 factories and 2,000 certificates per BENCH_SCALE, 20
 * buyers × 3 requirements, 50 agreements with their plans; a second organization of the
 * same size, so that every query has to scope.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { BenchOptions, BenchReport } from './run';
import { Certificate } from '../src/certificates/certificate.entity';
import { Transactions } from '../src/database/transactions';
import { Factory } from '../src/factories/factory.entity';
import { signUp, type Account } from '../test/support/accounts';
import { startApp, type TestApp } from '../test/support/app';
import { freePort, startProcess, type ServiceProcess } from '../test/support/processes';
import { createTestDatabase } from '../test/support/test-database';

const RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 50;
/**
 * BENCH_HTTP_ROUTES=certificates measures only the list and the detail, `reports` only the
 * report routes (for iterating on them; record figures from a full run).
 */
const ROUTES = process.env.BENCH_HTTP_ROUTES;
const CERTIFICATE_ROUTES = ROUTES !== 'reports';
const REPORT_ROUTES = ROUTES !== 'certificates';
const CATEGORIES = ['valves', 'pumps', 'kettles', 'fasteners', 'castings'];
const STANDARDS = ['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018'];

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests sent that had no answer when the run ended (p50 and p99 leave them out). */
  unanswered: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianLoad(loads: Load[]): Load {
  return {
    requestsPerSecond: median(loads.map((l) => l.requestsPerSecond)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    unanswered: loads.reduce((sum, l) => sum + l.unanswered, 0),
  };
}

async function drive(
  url: string,
  token: string,
  options: { connections: number; rate?: number },
): Promise<Load> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    unanswered: Math.max(0, result.requests.sent - result.requests.total),
  };
}

export async function seed(t: TestApp, account: Account, scale: number): Promise<string[]> {
  const organizationId = account.organizationId;
  const factoryCount = Math.round(200 * scale);
  const certificateCount = Math.round(2000 * scale);
  const ids: string[] = [];
  await t.app.get(Transactions).run(async (manager) => {
    const factories = Array.from({ length: factoryCount }, (_, i) =>
      manager.getRepository(Factory).create({
        organizationId,
        name: `Bench factory ${i}`,
        country: 'CN',
        productCategories: [CATEGORIES[i % CATEGORIES.length]],
        status: 'active',
        contactEmail: `qa-${i}@factory.example`,
      }),
    );
    for (let i = 0; i < factories.length; i += 200)
      await manager.getRepository(Factory).insert(factories.slice(i, i + 200));
    const certificates = Array.from({ length: certificateCount }, (_, i) => {
      const factory = factories[i % factories.length];
      const expires = new Date(Date.UTC(2027, 0, 1) + ((i * 7) % 1000) * 86_400_000);
      return manager.getRepository(Certificate).create({
        organizationId,
        factoryId: factory.id,
        standard: STANDARDS[i % STANDARDS.length],
        certificateNumber: `B-${randomBytes(5).toString('hex')}`,
        certificationBody: 'China Quality Certification Centre',
        accreditationBody: i % 9 === 0 ? 'Unknown Accreditation Ltd' : 'CNAS',
        scope: `Manufacture of ${factory.productCategories[0]}`,
        sites: [],
        productCategories: factory.productCategories,
        iafCodes: [18],
        issuedOn: '2025-03-01',
        expiresOn: expires.toISOString().slice(0, 10),
        nextSurveillanceAuditOn: '2027-02-15',
        status: 'active',
      });
    });
    for (let i = 0; i < certificates.length; i += 200)
      await manager.getRepository(Certificate).insert(certificates.slice(i, i + 200));
    ids.push(...certificates.map((c) => c.id));
  });
  for (let b = 0; b < 20; b++) {
    const buyer = await t
      .http()
      .post('/api/v1/buyers')
      .set(account.auth)
      .send({ name: `Buyer ${b}`, country: 'DE', contactEmail: `buyer-${b}@buyer.example` })
      .expect(201);
    for (let r = 0; r < 3; r++) {
      await t
        .http()
        .post(`/api/v1/buyers/${(buyer.body as { id: string }).id}/requirements`)
        .set(account.auth)
        .send({ standard: STANDARDS[r], productCategory: CATEGORIES[(b + r) % CATEGORIES.length] })
        .expect(201);
    }
  }
  const factories = await t
    .http()
    .get('/api/v1/factories?pageSize=50')
    .set(account.auth)
    .expect(200);
  const factoryIds = (factories.body as { items: { id: string }[] }).items.map((f) => f.id);
  for (let a = 0; a < 50; a++) {
    await t
      .http()
      .post('/api/v1/agreements')
      .set(account.auth)
      .send({
        factoryId: factoryIds[a % factoryIds.length],
        kind: 'certification_cooperation',
        title: `ISO 14001 with factory ${a}`,
        standards: ['ISO 14001:2015'],
        startsOn: '2026-09-01',
        plan: 'standard-6m',
      })
      .expect(201);
  }
  return ids;
}

export default async function bench(options: BenchOptions): Promise<BenchReport> {
  process.env.TEST_DATABASE = options.database;
  const secret = randomBytes(48).toString('base64url');
  const database = await createTestDatabase(options.database);
  const seeding = await startApp({ database, env: { JWT_SECRET: secret } });
  let account: Account;
  let certificateIds: string[];
  try {
    account = await signUp(seeding);
    const other = await signUp(seeding);
    certificateIds = await seed(seeding, account, options.scale);
    await seed(seeding, other, options.scale);
  } finally {
    await seeding.close();
  }

  const [apiPort, computingPort, barePort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const processes: ServiceProcess[] = [];
  const lines: string[] = [];
  try {
    // The API twice: as configured (answers kept while nothing is written, ReportCache),
    // and with REPORT_CACHE_MS=0, which computes every answer afresh.
    for (const [port, reportCacheMs] of [
      [apiPort, undefined],
      [computingPort, '0'],
    ] as const)
      processes.push(
        await startProcess(
          'src/main.ts',
          {
            NODE_ENV: 'production',
            DATABASE_URL: database.url,
            DATA_DIR: database.dataDir,
            PORT: String(port),
            PUBLIC_URL: `http://localhost:${port}`,
            JWT_SECRET: secret,
            CALENDAR_FEED_SECRET: randomBytes(48).toString('base64url'),
            RUN_WORKER: 'false',
            LOG_LEVEL: 'log',
            QUEUE_PREFIX: `certpact-bench-${randomBytes(4).toString('hex')}`,
            ...(reportCacheMs === undefined ? {} : { REPORT_CACHE_MS: reportCacheMs }),
          },
          'API on http://',
          240_000,
          { keepOutput: false },
        ),
      );
    processes.push(
      await startProcess(
        'bench/bare-handler.ts',
        { DATABASE_URL: database.url, JWT_SECRET: secret, PORT: String(barePort) },
        'bare handler on',
        60_000,
        { keepOutput: false },
      ),
    );
    const certpact = `http://127.0.0.1:${apiPort}/api/v1`;
    const computing = `http://127.0.0.1:${computingPort}/api/v1`;
    const bare = `http://127.0.0.1:${barePort}/api/v1`;
    const detailId = certificateIds[Math.floor(certificateIds.length / 2)];
    const token = account.token;

    lines.push(
      `${certificateIds.length} certificates per organization, ${SECONDS} s per run, median of ${RUNS} alternating runs, ${CONNECTIONS} connections`,
    );
    if (CERTIFICATE_ROUTES)
      lines.push(
        '',
        '| route | certpact req/s | bare req/s | throughput ratio (target ≤ 1.5x) | certpact p50 / p99 | bare p50 / p99 | p99 ratio (target ≤ 1.5x) | errors |',
        '|---|---|---|---|---|---|---|---|',
      );
    for (const [name, path] of CERTIFICATE_ROUTES
      ? ([
          ['GET /certificates?pageSize=50', '/certificates?pageSize=50'],
          ['GET /certificates/:id', `/certificates/${detailId}`],
        ] as const)
      : []) {
      const kept: Load[] = [];
      const computed: Load[] = [];
      const floor: Load[] = [];
      await drive(`${certpact}${path}`, token, { connections: 10 }); // warm-up
      await drive(`${computing}${path}`, token, { connections: 10 });
      for (let run = 0; run < RUNS; run++) {
        kept.push(await drive(`${certpact}${path}`, token, { connections: CONNECTIONS }));
        computed.push(await drive(`${computing}${path}`, token, { connections: CONNECTIONS }));
        floor.push(await drive(`${bare}${path}`, token, { connections: CONNECTIONS }));
      }
      const b = medianLoad(floor);
      for (const [variant, loads] of [
        ['', kept],
        [' (computed afresh, REPORT_CACHE_MS=0)', computed],
      ] as const) {
        const a = medianLoad(loads);
        lines.push(
          `| ${name}${variant} | ${a.requestsPerSecond.toFixed(0)} | ${b.requestsPerSecond.toFixed(0)} | ${(b.requestsPerSecond / a.requestsPerSecond).toFixed(2)}x | ${a.p50} / ${a.p99} ms | ${b.p50} / ${b.p99} ms | ${(a.p99 / Math.max(1, b.p99)).toFixed(2)}x | ${a.errors} |`,
        );
      }
    }

    if (REPORT_ROUTES)
      lines.push(
        '',
        '| report route | p50 / p99 at 20 req/s (target p99 < 200 ms) | computed afresh (REPORT_CACHE_MS=0): p50 / p99 at 20 req/s | saturation req/s, p99 at 50 connections | errors |',
        '|---|---|---|---|---|',
      );
    for (const [name, path] of REPORT_ROUTES
      ? ([
          ['GET /gaps', '/gaps'],
          ['GET /signals', '/signals'],
          ['dashboard: expiring', '/certificates?expiringWithinDays=90&pageSize=1'],
          ['dashboard: agreements at risk', '/agreements?atRisk=true&pageSize=1'],
          ['dashboard: pending submissions', '/submissions?status=pending_review&pageSize=1'],
        ] as const)
      : []) {
      await drive(`${certpact}${path}`, token, { connections: 2 }); // warm-up
      await drive(`${computing}${path}`, token, { connections: 2 });
      const fixed: Load[] = [];
      const computed: Load[] = [];
      const saturated: Load[] = [];
      for (let run = 0; run < RUNS; run++) {
        fixed.push(await drive(`${certpact}${path}`, token, { connections: 10, rate: 20 }));
        computed.push(await drive(`${computing}${path}`, token, { connections: 10, rate: 20 }));
        saturated.push(await drive(`${certpact}${path}`, token, { connections: CONNECTIONS }));
      }
      const f = medianLoad(fixed);
      const c = medianLoad(computed);
      const s = medianLoad(saturated);
      // Latencies are those of the answered requests: a run that answered none misses,
      // and the requests still unanswered when a run ended are counted beside the errors.
      const latency = (load: Load) =>
        load.requestsPerSecond === 0
          ? 'no answer within the run (misses)'
          : `${load.p50} / ${load.p99} ms ${load.p99 < 200 ? '(holds)' : '(misses)'}`;
      const unanswered = f.unanswered + c.unanswered + s.unanswered;
      lines.push(
        `| ${name} | ${latency(f)} | ${latency(c)} | ${s.requestsPerSecond.toFixed(0)} req/s, p99 ${s.p99} ms | ${f.errors + c.errors + s.errors}${unanswered ? `, ${unanswered} unanswered at the end of a run` : ''} |`,
      );
    }
  } finally {
    for (const service of processes) await service.kill('SIGKILL');
    await database.drop();
  }
  return { name: 'http', lines };
}
