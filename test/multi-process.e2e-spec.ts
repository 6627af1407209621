import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { SMTP_POOL_CONNECTIONS } from '../src/mail/mail.service';
import { REMINDER_SCAN_QUEUE, SCAN_JOB } from '../src/reminders/reminders.jobs';
import { makeCertificate, makeFactory } from './factories';
import { freePort, ServiceProcess, startProcess } from './support/processes';
import { deleteQueueKeys } from './support/redis';
import { TestSmtpServer } from './support/smtp';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * The production shape, as real processes: two API processes and two workers on one
 * database and one Redis. Traffic goes to both APIs while both workers run the daily scan
 * of the same organization at once; one worker is killed with SIGKILL in the middle of
 * sending and started again. Every due notice must arrive exactly once, except the
 * digests that were in flight at the kill, which may arrive twice with the same
 * Message-ID (SMTP has no two-phase commit); no request may fail.
 *
 * `MULTI_PROCESS_FACTORIES` scales it (`npm run test:multi-process` runs a longer one).
 */
const FACTORIES = Number(process.env.MULTI_PROCESS_FACTORIES ?? 12);
const REDIS_URL = 'redis://127.0.0.1:6379';
const API_READY = 'API on http://';
const WORKER_READY = 'Reminder worker running';

jest.setTimeout(Math.max(600_000, FACTORIES * 5_000));

interface Api {
  process: ServiceProcess;
  url: string;
}

/** Today plus `days`, as YYYY-MM-DD (in UTC; the threshold of 30 days absorbs the timezone). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('several API and worker processes on one database and one Redis', () => {
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let env: Record<string, string>;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      REDIS_URL,
      QUEUE_PREFIX: `certpact-test-procs-${randomBytes(4).toString('hex')}`,
      SMTP_URL: smtp.url,
      JWT_SECRET: 'multi-process-test-secret-that-is-long-enough-to-sign',
      LOG_LEVEL: 'log',
      // A killed sender's hold on its rows lapses quickly, and refusals retry quickly.
      REMINDER_CLAIM_TTL_MS: '4000',
      REMINDER_BACKOFF_MS: '200',
    };
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.kill('SIGKILL')));
    await deleteQueueKeys(env.QUEUE_PREFIX, REDIS_URL);
    await database.drop();
    await smtp.close();
  });

  async function startApi(): Promise<Api> {
    const port = await freePort();
    const service = await startProcess(
      'src/main.ts',
      { ...env, PORT: String(port), RUN_WORKER: 'false', PUBLIC_URL: `http://localhost:${port}` },
      API_READY,
    );
    running.push(service);
    return { process: service, url: `http://127.0.0.1:${port}/api/v1` };
  }

  async function startWorker(): Promise<ServiceProcess> {
    const service = await startProcess('src/worker.ts', env, WORKER_READY);
    running.push(service);
    return service;
  }

  async function call<T>(
    api: Api,
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('delivers every due notice exactly once while a worker is killed mid-send', async () => {
    // The first process applies the migrations; the others then find them applied.
    const one = await startApi();
    const [two, workerA, workerB] = await Promise.all([startApi(), startWorker(), startWorker()]);
    const apis = [one, two];

    const signup = await call<{ accessToken: string; organization: { id: string } }>(
      one,
      'POST',
      '/auth/signup',
      undefined,
      {
        organizationName: 'Ningbo Export Trading',
        name: 'Li Wei',
        email: `admin-${randomBytes(4).toString('hex')}@example.com`,
        password: 'a-long-password-1',
      },
    );
    expect(signup.status).toBe(201);
    const token = signup.body.accessToken;
    const organizationId = signup.body.organization.id;

    // Factories and certificates written through both APIs, alternately.
    const contacts: string[] = [];
    const certificateIds: string[] = [];
    for (let i = 0; i < FACTORIES; i++) {
      const api = apis[i % 2];
      const contact = `qa-${i}-${randomBytes(3).toString('hex')}@factory.example`;
      const factory = await call<{ id: string }>(api, 'POST', '/factories', token, {
        ...makeFactory({ contactEmail: contact }),
      });
      expect(factory.status).toBe(201);
      const certificate = await call<{ id: string }>(
        apis[(i + 1) % 2],
        'POST',
        '/certificates',
        token,
        makeCertificate({
          factoryId: factory.body.id,
          // a 3-year certificate: no surveillance deadline (surveillance_deadline) before expiry
          issuedOn: inDays(30 - 3 * 365),
          expiresOn: inDays(30),
          nextSurveillanceAuditOn: null,
        }),
      );
      expect(certificate.status).toBe(201);
      contacts.push(contact);
      certificateIds.push(certificate.body.id);
    }

    // Readers on both APIs for the whole run; every answer must be a 200.
    const failures: string[] = [];
    let answered = 0;
    let reading = true;
    const readers = apis.map(async (api, index) => {
      for (let i = 0; reading; i++) {
        const path =
          i % 2 === 0
            ? '/certificates?pageSize=50'
            : `/certificates/${certificateIds[(i + index) % certificateIds.length]}`;
        try {
          const response = await fetch(`${api.url}${path}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await response.arrayBuffer();
          if (response.status !== 200) failures.push(`${path}: ${response.status}`);
          answered++;
        } catch (error) {
          failures.push(`${path}: ${String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });

    // The daily scan of this organization, run by both workers at once.
    smtp.slowDown(300);
    const scans = new Queue(REMINDER_SCAN_QUEUE, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: env.QUEUE_PREFIX,
    });
    try {
      await scans.addBulk(
        ['a', 'b'].map((run) => ({
          name: SCAN_JOB,
          data: { organizationId },
          opts: { jobId: `test-scan-${organizationId}-${run}` },
        })),
      );
    } finally {
      await scans.close();
    }

    // Kill worker A while digests are being sent, then start it again.
    await smtp.waitForCount(2);
    await workerA.kill('SIGKILL');
    const receivedAtKill = smtp.digests.length;
    await startWorker();

    const recipients = [...contacts];
    const expectedDigests = contacts.length + 1; // each contact, and the admin with every item
    for (;;) {
      const pending = await call<{ total: number }>(one, 'GET', '/reminders?state=pending', token);
      const digestRecipients = new Set(smtp.digests.map((mail) => mail.to[0]));
      if (pending.body.total === 0 && digestRecipients.size >= expectedDigests) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    reading = false;
    await Promise.all(readers);

    const sent = await call<{ total: number }>(
      one,
      'GET',
      '/reminders?state=sent&pageSize=1',
      token,
    );
    expect(sent.body.total).toBe(FACTORIES * 2); // one notice to the contact, one to the admin
    const failed = await call<{ total: number }>(one, 'GET', '/reminders?state=failed', token);
    expect(failed.body.total).toBe(0);

    // Exactly once per recipient, except digests in flight at the kill: those may repeat,
    // but only with the same Message-ID, so the mail client folds them.
    const byRecipient = new Map<string, string[]>();
    for (const mail of smtp.digests) {
      const ids = byRecipient.get(mail.to[0]) ?? [];
      ids.push(mail.messageId);
      byRecipient.set(mail.to[0], ids);
    }
    expect(byRecipient.size).toBe(expectedDigests);
    for (const recipient of recipients)
      expect(byRecipient.get(recipient)?.length).toBeGreaterThan(0);
    const repeated = [...byRecipient.values()].filter((ids) => ids.length > 1);
    for (const ids of repeated) expect(new Set(ids).size).toBe(1);
    // Worker A has at most one digest in flight per pooled SMTP connection.
    expect(repeated.length).toBeLessThanOrEqual(SMTP_POOL_CONNECTIONS);
    expect(smtp.digests.length).toBe(
      expectedDigests + repeated.reduce((n, ids) => n + ids.length - 1, 0),
    );
    expect(receivedAtKill).toBeLessThan(smtp.digests.length);

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    expect(workerB.child.exitCode).toBeNull();
  });
});
