/**
 * Reminder engine benchmark (`npm run bench -- reminders`).
 *
 * 100 organizations × 1,000 certificates (BENCH_SCALE multiplies the certificates:
 * BENCH_SCALE=10 is 1,000,000), expiry dates spread over a year around today, bulk
 * inserted with multi-row INSERTs. Then:
 * - the scan: ReminderScanService.scanAndQueue for every organization (reads in batches,
 *   stores one row per notice and recipient, queues the digests);
 * - its baseline, in the same run: a plain SQL query of the due certificates through
 *   the same driver, plus one raw BullMQ addBulk of as many jobs as the scan stored
 *   reminders (what an engine queueing one job per reminder would at least cost);
 * - delivery: digests sent per second by digest worker processes (bench/delivery-worker.ts)
 *   to an smtp-server in a process of its own (bench/smtp-sink.ts), through nodemailer's
 *   pooled SMTP transport, with the SQL statements and the workers' CPU per digest. Digests
 *   of a realistic size go out once with each worker count of BENCH_WORKERS (default
 *   `1,2`), each on fresh data, and the rates' ratio to one worker is printed.
 *
 * BENCH_PARTS=scan runs only the scan and its floor (no delivery, no second run with
 * small digests); BENCH_PARTS=delivery only the delivery of digests of a realistic size
 * (the small run, whose scan figures are not worth reading). BENCH_SCAN_PROFILE=1 also prints, per scan step and reminder source,
 * the statements sent and the time spent (the engine's own work is "engine").
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { DeliveryWorkerReport } from './delivery-worker';
import type { BenchOptions, BenchReport } from './run';

const ORGANIZATIONS = 100;
/** Organizations of the realistic-size delivery run: about 4.7 digests each. */
const DELIVERY_ORGANIZATIONS = Number(process.env.BENCH_DELIVERY_ORGANIZATIONS ?? '400');
const DELIVERY_WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const FACTORIES_PER_ORGANIZATION = 10;
const CERTIFICATES_PER_ORGANIZATION = 1000;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SCAN_ONLY = process.env.BENCH_PARTS === 'scan';
const DELIVERY_ONLY = process.env.BENCH_PARTS === 'delivery';
const SCAN_PROFILE = process.env.BENCH_SCAN_PROFILE !== undefined;
/** BENCH_SCAN_PROFILE=statements: also the statements that took the most time, by text. */
const SCAN_PROFILE_STATEMENTS = process.env.BENCH_SCAN_PROFILE === 'statements';
const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default async function reminders(options: BenchOptions): Promise<BenchReport> {
  const perOrganization = Math.max(1, Math.round(CERTIFICATES_PER_ORGANIZATION * options.scale));
  const lines = DELIVERY_ONLY
    ? []
    : (await run(options, { organizations: ORGANIZATIONS, perOrganization, workers: 1 })).lines;
  if (SCAN_ONLY) return { name: 'reminders', lines };
  // Digests of a realistic size (1 to 10 items): 10 certificates per organization, one per
  // factory, so each factory contact's digest holds its own and the admin's the rest.
  lines.push('', 'digests of a realistic size (10 certificates per organization):');
  const rates = new Map<number, number>();
  for (const workers of DELIVERY_WORKERS) {
    const small = await run(options, {
      organizations: DELIVERY_ORGANIZATIONS,
      perOrganization: 10,
      workers,
    });
    rates.set(workers, small.digestsPerSecond);
    lines.push(
      ...small.lines.filter((line) => line.startsWith('delivery') || line.startsWith('data')),
    );
  }
  const one = rates.get(1);
  for (const [workers, rate] of rates) {
    if (one && workers > 1) {
      lines.push(
        `delivery scaling: ${workers} worker processes / 1: ${(rate / one).toFixed(2)}x (${Math.round(rate)} vs ${Math.round(one)} digests/s; target: more than 1x)`,
      );
    }
  }
  return { name: 'reminders', lines };
}

interface RunShape {
  organizations: number;
  perOrganization: number;
  /** Digest worker processes that deliver. */
  workers: number;
}

async function run(
  options: BenchOptions,
  { organizations, perOrganization, workers }: RunShape,
): Promise<{ lines: string[]; digestsPerSecond: number }> {
  const certificates = perOrganization * organizations;
  const database = await benchDatabase(options.database);
  const smtp = await smtpSink();
  const prefix = `certpact-bench-${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    RUN_WORKER: 'false',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
    CALENDAR_FEED_SECRET: randomBytes(48).toString('base64url'),
  });

  // Loaded after the environment is set: the configuration is read when the modules load.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { AppModule } = require('../src/app.module') as typeof import('../src/app.module');
  const { ReminderScanService } =
    require('../src/reminders/reminder-scan.service') as typeof import('../src/reminders/reminder-scan.service');
  const { scanDate } =
    require('../src/reminders/reminder-due') as typeof import('../src/reminders/reminder-due');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule, {
    logger: ['error', 'warn'],
  });
  const lines: string[] = [];
  let digestsPerSecond = 0;
  try {
    const dataSource = app.get(DataSource);
    const today = scanDate('Asia/Shanghai', new Date()); // organizations' default timezone

    const insertStarted = Date.now();
    const organizationIds = await insertData(dataSource, today, organizations, perOrganization);
    const insertSeconds = (Date.now() - insertStarted) / 1000;

    // --- the scan, alternating organization by organization with the floor of the same
    // work (so both see the same machine load): the due rows of the organization read by
    // plain SQL through the same driver, the reminder rows the scan stored for it written
    // into a table of the same shape (primary key, unique key, indexes, foreign key) by one
    // multi-row INSERT … ON CONFLICT DO NOTHING per 500 rows, and one addBulk of its digest
    // jobs. The rows the floor writes are read back between the two, outside the timing.
    const scanner = app.get(ReminderScanService);
    const profile = SCAN_PROFILE ? new ScanProfile(app, dataSource) : null;
    const floorTable = await createFloorTable(dataSource, options.database);
    const baselineQueue = new Queue('bench-baseline', { connection: { url: REDIS_URL }, prefix });
    await baselineQueue.waitUntilReady();
    collectGarbage();
    const memory = new PeakMemory();
    let scanMs = 0;
    let created = 0;
    let digests = 0;
    let retainedHeap = 0;
    let dueRows = 0;
    let floorRowCount = 0;
    let baselineQueryMs = 0;
    let baselineWriteMs = 0;
    let baselineAddMs = 0;
    const ratios: number[] = [];
    for (const [index, organizationId] of organizationIds.entries()) {
      memory.resume();
      profile?.resume();
      const started = process.hrtime.bigint();
      const result = await scanner.scanAndQueue(organizationId);
      const organizationScanMs = elapsedMs(started);
      profile?.pause();
      memory.pause();
      scanMs += organizationScanMs;
      created += result.created;
      digests += result.pendingDigests.length;

      const floor = await floorCopyOfReminders(dataSource, organizationId, options.database);
      floorRowCount += floor.rows.length;
      const queryStarted = process.hrtime.bigint();
      dueRows += await readDueRows(dataSource, organizationId, floor.dueIds, options.database);
      const queryMs = elapsedMs(queryStarted);
      const writeStarted = process.hrtime.bigint();
      await writeFloor(dataSource, floorTable, floor, options.database);
      const writeMs = elapsedMs(writeStarted);
      const addStarted = process.hrtime.bigint();
      await baselineQueue.addBulk(
        result.pendingDigests.map((digest) => ({ name: 'digest', data: digest })),
      );
      const addMs = elapsedMs(addStarted);
      baselineQueryMs += queryMs;
      baselineWriteMs += writeMs;
      baselineAddMs += addMs;
      ratios.push(organizationScanMs / (queryMs + writeMs + addMs));
      if (index % 10 === 9) {
        // What the scan keeps between organizations (outside the timing): flat if it streams.
        collectGarbage();
        retainedHeap = Math.max(retainedHeap, process.memoryUsage().heapUsed);
      }
    }
    const peak = memory.stop();
    profile?.stop();
    await baselineQueue.close();
    const baselineMs = baselineQueryMs + baselineWriteMs + baselineAddMs;
    const byKind = (await dataSource.query(
      'SELECT "kind", COUNT(*) AS "n" FROM "reminders" GROUP BY "kind" ORDER BY "kind"',
    )) as { kind: string; n: number | string }[];

    const perSecond = (count: number, ms: number) =>
      Math.round((count / ms) * 1000).toLocaleString('en-US');
    lines.push(
      `data: ${organizations} organizations, ${certificates.toLocaleString('en-US')} certificates, bulk-inserted in ${insertSeconds.toFixed(1)} s; scan day ${today}`,
      `scan (scanAndQueue × ${organizations}): ${(scanMs / 1000).toFixed(2)} s — ${perSecond(certificates, scanMs)} certificates scanned/s, ` +
        `${created.toLocaleString('en-US')} reminders stored (${perSecond(created, scanMs)}/s) in ${digests.toLocaleString('en-US')} digest jobs`,
      `reminders by kind: ${byKind.map((k) => `${k.kind} ${Number(k.n).toLocaleString('en-US')}`).join(', ')}`,
      `floor: ${(baselineMs / 1000).toFixed(2)} s = plain SQL of the ${dueRows.toLocaleString('en-US')} due rows ${(baselineQueryMs / 1000).toFixed(2)} s + ` +
        `${floorRowCount.toLocaleString('en-US')} reminder rows by INSERT … ON CONFLICT DO NOTHING per 500 ${(baselineWriteMs / 1000).toFixed(2)} s + ` +
        `addBulk of ${digests.toLocaleString('en-US')} digest jobs ${(baselineAddMs / 1000).toFixed(2)} s (one per organization, alternating with its scan)`,
      `ratio scan / floor: ${(scanMs / baselineMs).toFixed(2)}x (target ≤ 1.5x); median of the ${ratios.length} organizations' ratios ${median(ratios).toFixed(2)}x`,
      `memory during the scan: peak rss ${mb(peak.rss)} MB, peak heap used ${mb(peak.heapUsed)} MB (before: rss ${mb(peak.rssBefore)} MB, heap ${mb(peak.heapBefore)} MB); ` +
        `heap retained after a full GC between organizations ≤ ${mb(retainedHeap)} MB`,
    );
    if (profile) lines.push(...profile.lines(scanMs));
    if (SCAN_ONLY) return { lines, digestsPerSecond: 0 };

    // --- delivery by worker processes to the local SMTP server (pooled transport); this
    // process's own digest worker stays off (RUN_WORKER=false)
    const processes = await Promise.all(Array.from({ length: workers }, () => deliveryWorker()));
    const sendStarted = process.hrtime.bigint();
    for (const worker of processes) worker.start();
    const sinkCpuMs = await smtp.waitFor(digests);
    const sendMs = elapsedMs(sendStarted);
    const reports = await Promise.all(processes.map((worker) => worker.stop()));
    const cpuMs = reports.reduce((sum, report) => sum + report.cpuMs, 0);
    const sql = reports.reduce((sum, report) => sum + report.statements, 0);
    const busy = reports.map((report) => `${(report.eventLoopUtilization * 100).toFixed(0)}%`);

    digestsPerSecond = (digests / sendMs) * 1000;
    lines.push(
      `delivery, ${workers} worker ${workers === 1 ? 'process' : 'processes'}: ${digests.toLocaleString('en-US')} digests (${created.toLocaleString('en-US')} reminders) in ${(sendMs / 1000).toFixed(2)} s — ${perSecond(digests, sendMs)} digests sent/s (target ≥ 500/s on one worker for digests of 1 to 10 items)`,
      `delivery per digest: ${(sql / Math.max(1, digests)).toFixed(1)} SQL statements, ` +
        `${(cpuMs / Math.max(1, digests)).toFixed(2)} ms of the workers' CPU ` +
        `(${((cpuMs / sendMs) * 100).toFixed(0)}% of one core while they ran; event loop busy ${busy.join(', ')}); ` +
        `the SMTP sink ${(sinkCpuMs / Math.max(1, digests)).toFixed(2)} ms (${((sinkCpuMs / sendMs) * 100).toFixed(0)}% of a core)`,
    );
  } finally {
    await app.close();
    await smtp.close();
    await deleteKeys(prefix);
    await database.drop();
  }
  return { lines, digestsPerSecond };
}

/** A digest worker in a process of its own (bench/delivery-worker.ts), booted and ready. */
async function deliveryWorker(): Promise<{
  start(): void;
  stop(): Promise<DeliveryWorkerReport>;
}> {
  const child = fork(join(__dirname, 'delivery-worker.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`a delivery worker exited (${code})`)));
    });
  await next<{ ready: true }>();
  return {
    start: () => child.send({ start: true }),
    stop: () => {
      const report = next<DeliveryWorkerReport>();
      child.send({ stop: true });
      return report;
    },
  };
}

/** Multi-row INSERTs in transactions: organizations, an admin each, factories with a contact, certificates. */
async function insertData(
  dataSource: DataSource,
  today: string,
  organizations: number,
  perOrganization: number,
): Promise<string[]> {
  const postgres = dataSource.options.type === 'postgres';
  const organizationIds: string[] = [];
  let sequence = 0;
  const insert = async (
    manager: EntityManager,
    table: string,
    columns: string[],
    rows: unknown[][],
  ) => {
    const chunk = Math.max(1, Math.floor(30_000 / columns.length / 2));
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      let n = 0;
      const values = part
        .map(() => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`)
        .join(', ');
      await manager.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
        part.flat(),
      );
    }
  };
  const [y, m, d] = today.split('-').map(Number);
  const dayOffset = (days: number) =>
    new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);

  for (let o = 0; o < organizations; o++) {
    const organizationId = randomUUID();
    organizationIds.push(organizationId);
    await dataSource.transaction(async (manager) => {
      const run = (table: string, columns: string[], rows: unknown[][]) =>
        insert(manager, table, columns, rows);
      await run(
        'organizations',
        ['id', 'name', 'timezone', 'locale'],
        [[organizationId, `Bench Trader ${o}`, 'Asia/Shanghai', o % 2 ? 'zh-CN' : 'en']],
      );
      await run(
        'users',
        ['id', 'organizationId', 'email', 'name', 'role', 'locale'],
        [
          [
            randomUUID(),
            organizationId,
            `admin-${o}-${randomBytes(3).toString('hex')}@bench.example`,
            'Admin',
            'admin',
            null,
          ],
        ],
      );
      const factoryIds = Array.from({ length: FACTORIES_PER_ORGANIZATION }, () => randomUUID());
      await run(
        'factories',
        ['id', 'organizationId', 'name', 'country', 'contactEmail', 'productCategories', 'status'],
        factoryIds.map((id, f) => [
          id,
          organizationId,
          `Factory ${o}-${f}`,
          'CN',
          `qa-${o}-${f}@factory.example`,
          '["valves"]',
          'active',
        ]),
      );
      const certificates: unknown[][] = [];
      for (let c = 0; c < perOrganization; c++) {
        // expiry spread evenly over a year: 30 days overdue to 335 days ahead
        const expiresIn = (sequence++ % 366) - 30;
        const expiresOn = dayOffset(expiresIn);
        const auditOn = dayOffset((sequence * 7) % 365);
        certificates.push([
          randomUUID(),
          organizationId,
          factoryIds[c % factoryIds.length],
          'ISO 9001:2015',
          `B-${o}-${c}`,
          'China Quality Certification Centre',
          'CNAS',
          'Manufacture of valves',
          '[]',
          '["valves"]',
          '[18]',
          dayOffset(expiresIn - 3 * 365),
          expiresOn,
          auditOn < expiresOn ? auditOn : null,
          'active',
        ]);
      }
      await run(
        'certificates',
        [
          'id',
          'organizationId',
          'factoryId',
          'standard',
          'certificateNumber',
          'certificationBody',
          'accreditationBody',
          'scope',
          'sites',
          'productCategories',
          'iafCodes',
          'issuedOn',
          'expiresOn',
          'nextSurveillanceAuditOn',
          'status',
        ],
        certificates,
      );
    });
  }
  return organizationIds;
}

/** Peak memory while sampling runs (resume … pause around each organization's scan). */
class PeakMemory {
  private readonly rssBefore = process.memoryUsage().rss;
  private readonly heapBefore = process.memoryUsage().heapUsed;
  private rss = this.rssBefore;
  private heapUsed = this.heapBefore;
  private sampling = false;
  private readonly timer = setInterval(() => this.sampling && this.sample(), 20);

  private sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
  }

  resume(): void {
    this.sampling = true;
  }

  pause(): void {
    this.sample();
    this.sampling = false;
  }

  stop() {
    this.pause();
    clearInterval(this.timer);
    return {
      rss: this.rss,
      heapUsed: this.heapUsed,
      rssBefore: this.rssBefore,
      heapBefore: this.heapBefore,
    };
  }
}

/** The local SMTP server, in a process of its own (bench/smtp-sink.ts). */
async function smtpSink(): Promise<{
  url: string;
  /** Resolves with the sink's CPU spent receiving them. */
  waitFor(count: number): Promise<number>;
  close(): Promise<void>;
}> {
  const child = fork(join(__dirname, 'smtp-sink.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  const next = () =>
    new Promise<{ port?: number; received?: number; cpuMs?: number }>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
    });
  const { port } = await next();
  return {
    url: `smtp://127.0.0.1:${port}`,
    waitFor: async (count) => {
      const reached = next();
      child.send({ waitFor: count });
      return (await reached).cpuMs ?? 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ close: true });
      }),
  };
}

async function benchDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ url: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'certpact-bench-'));
  if (kind === 'sqlite') {
    return {
      url: `sqlite:${join(dataDir, 'bench.sqlite')}`,
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `certpact_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A full garbage collection, without needing node --expose-gc on the command line. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const FLOOR_TABLE = 'bench_floor_reminders';

/**
 * An empty table of the same shape as "reminders" for the floor to write into: the same
 * columns, primary key, unique dedupe key, indexes and foreign key, so that the floor
 * writes the same rows into the same structure (a bare table without them is no floor of
 * storing reminders, it is less work).
 */
async function createFloorTable(
  dataSource: DataSource,
  database: 'sqlite' | 'postgres',
): Promise<string> {
  if (database === 'postgres') {
    await dataSource.query(`CREATE TABLE "${FLOOR_TABLE}" (LIKE "reminders" INCLUDING ALL)`);
    const foreignKeys = (await dataSource.query(
      `SELECT pg_get_constraintdef(oid) AS "definition" FROM pg_constraint
       WHERE conrelid = '"reminders"'::regclass AND contype = 'f'`,
    )) as { definition: string }[];
    for (const [n, { definition }] of foreignKeys.entries())
      await dataSource.query(
        `ALTER TABLE "${FLOOR_TABLE}" ADD CONSTRAINT "${FLOOR_TABLE}_fk_${n}" ${definition}`,
      );
    return FLOOR_TABLE;
  }
  const schema = (await dataSource.query(
    `SELECT "type", "sql" FROM sqlite_master WHERE tbl_name = 'reminders' AND sql IS NOT NULL
     ORDER BY CASE "type" WHEN 'table' THEN 0 ELSE 1 END`,
  )) as { type: string; sql: string }[];
  for (const { sql } of schema)
    await dataSource.query(
      sql
        .replace(/"reminders"/g, `"${FLOOR_TABLE}"`)
        .replace(/"(UQ|IDX|FK|PK)_/g, (_, kind: string) => `"${FLOOR_TABLE}_${kind}_`),
    );
  return FLOOR_TABLE;
}

interface FloorRows {
  columns: readonly string[];
  rows: unknown[][];
  /** The certificates the organization's reminders are about: its due rows. */
  dueIds: string[];
}

/**
 * The rows the scan stored for one organization, read back (outside the timing) in the
 * columns the scan writes (the rest take their defaults in both), with the ids of the
 * certificates they are about.
 */
async function floorCopyOfReminders(
  dataSource: DataSource,
  organizationId: string,
  database: 'sqlite' | 'postgres',
): Promise<FloorRows> {
  // Loaded like the app's modules, after the environment is set (see run()).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { REMINDER_INSERT_COLUMNS: columns } =
    require('../src/reminders/reminder-scan.service') as typeof import('../src/reminders/reminder-scan.service');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const p = database === 'postgres' ? '$1' : '?';
  const rows = (await dataSource.query(
    `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "reminders" WHERE "organizationId" = ${p}`,
    [organizationId],
  )) as Record<string, unknown>[];
  const dueIds = new Set<string>();
  for (const row of rows) if (row.subjectType === 'certificate') dueIds.add(String(row.subjectId));
  return { columns, rows: rows.map((row) => columns.map((c) => row[c])), dueIds: [...dueIds] };
}

/**
 * The floor's read: the organization's due certificates (those its reminders are about),
 * in the columns the notices use, by plain SQL through the same driver, 500 ids a statement.
 */
async function readDueRows(
  dataSource: DataSource,
  organizationId: string,
  ids: string[],
  database: 'sqlite' | 'postgres',
): Promise<number> {
  const parameter = (n: number) => (database === 'postgres' ? `$${n}` : '?');
  let read = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = (await dataSource.query(
      `SELECT "id", "factoryId", "standard", "certificateNumber", "accreditationBody", "issuedOn",
              "expiresOn", "nextSurveillanceAuditOn", "createdAt"
       FROM "certificates" WHERE "organizationId" = ${parameter(1)}
         AND "id" IN (${chunk.map((_, k) => parameter(k + 2)).join(', ')})`,
      [organizationId, ...chunk],
    )) as unknown[];
    read += rows.length;
  }
  return read;
}

async function writeFloor(
  dataSource: DataSource,
  table: string,
  floor: FloorRows,
  database: 'sqlite' | 'postgres',
): Promise<void> {
  const quoted = floor.columns.map((c) => `"${c}"`).join(', ');
  const width = floor.columns.length;
  // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535: 500 rows fit both.
  for (let i = 0; i < floor.rows.length; i += 500) {
    const chunk = floor.rows.slice(i, i + 500);
    const values = chunk
      .map(
        (_, r) =>
          `(${Array.from({ length: width }, (_, c) =>
            database === 'postgres' ? `$${r * width + c + 1}` : '?',
          ).join(', ')})`,
      )
      .join(', ');
    await dataSource.query(
      `INSERT INTO "${table}" (${quoted}) VALUES ${values} ON CONFLICT ("dedupeKey") DO NOTHING`,
      chunk.flat(),
    );
  }
}

/**
 * Where a scan's time goes (BENCH_SCAN_PROFILE=1): every statement any query runner sends
 * is counted and timed under the part of the scan that sent it (a state-change step, a
 * reminder source, storing the rows, or the engine's own reads: organization, people,
 * quiet notices, pending digests), and each part's wall time is summed.
 */
class ScanProfile {
  private readonly parts = new Map<string, { ms: number; statements: number; sqlMs: number }>();
  private readonly stack: string[] = ['engine'];
  readonly statements = new Map<string, { count: number; ms: number }>();
  private readonly restore: (() => void)[] = [];

  constructor(app: INestApplicationContext, dataSource: DataSource) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { ReminderSources } =
      require('../src/reminders/reminder-sources') as typeof import('../src/reminders/reminder-sources');
    const { ReminderScanService } =
      require('../src/reminders/reminder-scan.service') as typeof import('../src/reminders/reminder-scan.service');
    const { ReminderQueues } =
      require('../src/reminders/reminder-queues') as typeof import('../src/reminders/reminder-queues');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const runner = dataSource.createQueryRunner();
    const runnerPrototype = Object.getPrototypeOf(runner) as {
      query: (...a: unknown[]) => Promise<unknown>;
    };
    void runner.release();
    const query = runnerPrototype.query;
    const count = (args: unknown[], ms: number) => this.count(args, ms);
    runnerPrototype.query = async function (this: unknown, ...args: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return await query.apply(this, args);
      } finally {
        count(args, elapsedMs(started));
      }
    };
    this.restore.push(() => (runnerPrototype.query = query));

    const sources = app.get(ReminderSources);
    for (const step of sources.steps()) this.wrap(step, 'run', `step: ${step.name}`);
    for (const source of sources.all()) this.wrapScan(source, `source: ${source.constructor.name}`);
    const scanner = app.get(ReminderScanService);
    this.wrap(scanner, 'store', 'engine: store rows');
    this.wrap(scanner, 'pendingDigests', 'engine: pending digests');
    this.wrap(app.get(ReminderQueues), 'queueDigests', 'engine: queue digests');
  }

  /** Counts statements only while a scan runs (not the floor's, between scans). */
  private counting = false;

  resume(): void {
    this.counting = true;
  }

  pause(): void {
    this.counting = false;
  }

  private count(args: unknown[], ms: number): void {
    if (!this.counting) return;
    const label = this.stack[this.stack.length - 1];
    const part = this.part(label);
    part.statements++;
    part.sqlMs += ms;
    if (!SCAN_PROFILE_STATEMENTS) return;
    const key = `${label} | ${String(args[0]).replace(/\s+/g, ' ').slice(0, 140)}`;
    const statement = this.statements.get(key) ?? { count: 0, ms: 0 };
    statement.count++;
    statement.ms += ms;
    this.statements.set(key, statement);
  }

  private part(name: string) {
    let part = this.parts.get(name);
    if (!part) this.parts.set(name, (part = { ms: 0, statements: 0, sqlMs: 0 }));
    return part;
  }

  private async within<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.stack.push(label);
    const started = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      this.part(label).ms += elapsedMs(started);
      this.stack.pop();
    }
  }

  private wrap(target: object, method: string, label: string): void {
    const object = target as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const original = object[method];
    object[method] = (...args: unknown[]) => this.within(label, () => original.apply(target, args));
    this.restore.push(() => delete object[method]);
  }

  private wrapScan(source: object, label: string): void {
    const object = source as { scan: (context: unknown) => AsyncIterable<unknown> };
    const original = object.scan;
    object.scan = (context: unknown) => {
      const iterator = original.call(source, context)[Symbol.asyncIterator]();
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => this.within(label, () => iterator.next()),
          return: (value?: unknown) =>
            iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value }),
        }),
      } as AsyncIterable<unknown>;
    };
    this.restore.push(() => delete (object as Record<string, unknown>).scan);
  }

  stop(): void {
    for (const undo of this.restore.reverse()) undo();
  }

  lines(scanMs: number): string[] {
    const timed = [...this.parts.entries()].filter(([name]) => name !== 'engine');
    const accounted = timed.reduce((sum, [, part]) => sum + part.ms, 0);
    const engine = this.part('engine');
    engine.ms = scanMs - accounted;
    const rows = [...timed, ['engine: the rest', engine] as const].sort(
      (a, b) => b[1].ms - a[1].ms,
    );
    return [
      'profile of the scan (wall time of each part; statements sent and their time):',
      ...rows.map(
        ([name, part]) =>
          `  ${name}: ${(part.ms / 1000).toFixed(2)} s, ${part.statements.toLocaleString('en-US')} statements (${(part.sqlMs / 1000).toFixed(2)} s)`,
      ),
      ...[...this.statements.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 25)
        .map(([key, s]) => `    ${(s.ms / 1000).toFixed(2)} s × ${s.count}: ${key}`),
    ];
  }
}
