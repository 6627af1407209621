import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Transactions } from '../src/database/transactions';
import { DigestDeliveryService } from '../src/reminders/digest-delivery.service';
import { ReminderQueues } from '../src/reminders/reminder-queues';
import { ReminderScanService } from '../src/reminders/reminder-scan.service';
import { Reminder } from '../src/reminders/reminder.entity';
import { createCertificate, createFactory } from './factories/reminders';
import { Account, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { TestSmtpServer } from './support/smtp';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * Exactly-once delivery across processes: several apps on one database and one queue
 * prefix, in Redis DB 5 of its own (FLUSHDB there never touches other people's tests).
 */
const REDIS_URL = 'redis://127.0.0.1:6379/5';

jest.setTimeout(60_000);

describe('reminders: exactly one delivery', () => {
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let scanner: TestApp;
  const workers: TestApp[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    database = await createTestDatabase();
    env = {
      SMTP_URL: smtp.url,
      REDIS_URL,
      QUEUE_PREFIX: `certpact-test-once-${randomBytes(4).toString('hex')}`,
      REMINDER_BACKOFF_MS: '50',
    };
    scanner = await startApp({ database, env: { ...env, RUN_WORKER: 'false' } });
    scanner.clock.set('2027-01-31T01:00:00Z');
  });
  afterAll(async () => {
    for (const app of [...workers, scanner]) await app.close();
    await flushRedisDb5();
    await database.drop();
    await smtp.close();
  });

  async function startWorker(): Promise<TestApp> {
    const worker = await startApp({ database, env: { ...env, RUN_WORKER: 'true' } });
    worker.clock.set('2027-01-31T01:00:00Z');
    workers.push(worker);
    return worker;
  }

  /** An organization with one admin and `factories` factories, each with a contact and a certificate expiring in 30 days. */
  async function organizationWithDueCertificates(
    factories: number,
  ): Promise<{ admin: Account; contacts: string[] }> {
    const admin = await signUp(scanner);
    const contacts: string[] = [];
    for (let i = 0; i < factories; i++) {
      const contact = `qa-${randomBytes(4).toString('hex')}@factory.example`;
      const factory = await createFactory(scanner, admin, { contactEmail: contact });
      await createCertificate(scanner, admin, {
        factoryId: factory.id,
        issuedOn: '2024-03-03', // 3 years: no surveillance deadline falls in these tests
        expiresOn: '2027-03-02',
        nextSurveillanceAuditOn: null,
      });
      contacts.push(contact);
    }
    return { admin, contacts };
  }

  const rowsOf = (organizationId: string) =>
    scanner.app.get(DataSource).getRepository(Reminder).find({ where: { organizationId } });

  /** Waits for the digests, then for an idle queue, then checks nothing more arrived. */
  async function expectOneDigestEach(recipients: string[], before: number): Promise<void> {
    await smtp.waitForCount(before + recipients.length);
    const queues = workers[0].app.get(ReminderQueues);
    while ((await queues.pendingJobCounts()) > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (const recipient of recipients) expect(smtp.digestsTo(recipient)).toHaveLength(1);
  }

  it('still delivers exactly once when Redis loses every key between scan and send', async () => {
    const { admin, contacts } = await organizationWithDueCertificates(3);
    const first = await scanner.app.get(ReminderScanService).scanAndQueue(admin.organizationId);
    expect(first.created).toBe(6); // 3 notices × (contact + admin)
    expect(await scanner.app.get(ReminderQueues).pendingJobCounts()).toBe(4);

    await flushRedisDb5(); // every queued job is gone
    expect(await scanner.app.get(ReminderQueues).pendingJobCounts()).toBe(0);
    const worker = await startWorker();

    // The next scan finds nothing new but queues what is still pending.
    const before = smtp.digests.length;
    const next = await worker.app.get(ReminderScanService).scanAndQueue(admin.organizationId);
    expect(next.created).toBe(0);
    expect(next.pendingDigests).toHaveLength(4);
    await expectOneDigestEach([admin.email, ...contacts], before);
    expect(smtp.digestsTo(admin.email)[0].text).toContain('2027-03-02, in 30 days');
    expect((await rowsOf(admin.organizationId)).map((r) => r.state)).toEqual(Array(6).fill('sent'));
  });

  it('sends each reminder once when a scan runs twice at once and two workers share the queue', async () => {
    if (workers.length < 2) await startWorker();
    const [one, two] = workers;
    const { admin, contacts } = await organizationWithDueCertificates(8);
    const before = smtp.digests.length;
    await Promise.all([
      one.app.get(ReminderScanService).scanAndQueue(admin.organizationId),
      two.app.get(ReminderScanService).scanAndQueue(admin.organizationId),
    ]);
    const rows = await rowsOf(admin.organizationId);
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(16);
    await expectOneDigestEach([admin.email, ...contacts], before);
    expect(smtp.digests.length - before).toBe(9);
    await eventuallyAllSent(admin.organizationId);
  });

  it('lets only one of two senders racing for the same digests send them (row claim)', async () => {
    if (workers.length < 2) await startWorker();
    const { admin, contacts } = await organizationWithDueCertificates(5);
    const scan = await scanner.app.get(ReminderScanService).scan(admin.organizationId); // rows only, no jobs
    const before = smtp.digests.length;
    const outcomes = await Promise.all(
      scan.pendingDigests.flatMap((digest) =>
        workers
          .slice(0, 2)
          .map((worker) => worker.app.get(DigestDeliveryService).deliver(digest.digestId)),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(6);
    // The losers find the rows sent, or still held by the winner.
    expect(outcomes.filter((o) => o.status === 'nothing' || o.status === 'held')).toHaveLength(6);
    expect(smtp.digests.length - before).toBe(6);
    for (const recipient of [admin.email, ...contacts])
      expect(smtp.digestsTo(recipient)).toHaveLength(1);
    await eventuallyAllSent(admin.organizationId);
  });

  it('sends, on the next scan, what a sender killed mid-send had claimed, once its claim lapsed', async () => {
    if (workers.length < 1) await startWorker();
    const { admin, contacts } = await organizationWithDueCertificates(2);
    const scan = await scanner.app.get(ReminderScanService).scan(admin.organizationId); // rows only
    expect(scan.created).toBe(4);
    const rows = scanner.app.get(DataSource).getRepository(Reminder);
    const [held, lapsed] = scan.pendingDigests
      .map((d) => d.digestId)
      .filter((id, i, all) => all.indexOf(id) === i);
    // One digest held by a live sender (claim valid 10 more minutes), one by a dead one (claim ran out).
    await scanner.app.get(Transactions).run(async (manager) => {
      await manager
        .getRepository(Reminder)
        .update(
          { digestId: held },
          { claimToken: 'live-sender', claimedUntil: new Date('2027-01-31T01:10:00Z') },
        );
      await manager
        .getRepository(Reminder)
        .update(
          { digestId: lapsed },
          { claimToken: 'dead-sender', claimedUntil: new Date('2027-01-31T00:50:00Z') },
        );
    });
    const before = smtp.digests.length;
    const next = await workers[0].app.get(ReminderScanService).scanAndQueue(admin.organizationId);
    expect(next.pendingDigests.map((d) => d.digestId).sort()).toEqual(
      [
        lapsed,
        ...scan.pendingDigests.map((d) => d.digestId).filter((id) => id !== held && id !== lapsed),
      ].sort(),
    );
    await smtp.waitForCount(before + next.pendingDigests.length);
    const queues = workers[0].app.get(ReminderQueues);
    while ((await queues.pendingJobCounts()) > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      (await rows.find({ where: { digestId: lapsed } })).every((r) => r.state === 'sent'),
    ).toBe(true);
    expect(
      (await rows.find({ where: { digestId: held } })).every((r) => r.state === 'pending'),
    ).toBe(true);
    const heldRecipient = (await rows.findOneByOrFail({ digestId: held })).recipient;
    expect(smtp.digestsTo(heldRecipient)).toHaveLength(0);
    for (const recipient of [admin.email, ...contacts].filter((r) => r !== heldRecipient)) {
      expect(smtp.digestsTo(recipient)).toHaveLength(1);
    }
  });

  async function eventuallyAllSent(organizationId: string): Promise<void> {
    for (;;) {
      const rows = await rowsOf(organizationId);
      if (rows.every((r) => r.state === 'sent')) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});

async function flushRedisDb5(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
