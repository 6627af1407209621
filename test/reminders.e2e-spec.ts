import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { REMINDER_SCAN_QUEUE, scanSchedulerId } from '../src/reminders/reminders.jobs';
import { Reminder } from '../src/reminders/reminder.entity';
import { createCertificate, createFactory, createFactoryManager } from './factories/reminders';
import { Account, addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { TestSmtpServer } from './support/smtp';

interface ReminderBody {
  id: string;
  kind: string;
  recipient: string;
  state: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  escalated: boolean;
  payload: Record<string, unknown>;
}

/** Re-reads until `done` holds (each read is a real assertion target; no sleeps). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

jest.setTimeout(60_000);

describe('reminders: policy, scan, digests', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(
    async () =>
      ({ t, smtp, close } = await startMailingApp({
        REMINDER_MAX_ATTEMPTS: '4',
        REMINDER_BACKOFF_MS: '50',
      })),
  );
  afterAll(() => close());

  const list = async (account: Account, query: string) =>
    (await t.http().get(`/api/v1/reminders?pageSize=200&${query}`).set(account.auth).expect(200))
      .body as {
      items: ReminderBody[];
      total: number;
    };

  describe('policy', () => {
    it('starts from the shipped default and saves a valid change', async () => {
      const admin = await signUp(t);
      const initial = await t.http().get('/api/v1/settings/reminders').set(admin.auth).expect(200);
      expect(initial.body).toEqual({
        thresholdsDays: [90, 60, 30, 14, 7, 1],
        sendHour: 9,
        timezone: 'Asia/Shanghai',
        locale: 'en',
        escalateAfterDays: 7,
        overdueRepeatDays: 7,
        unassignedRecipients: 'admins',
        isDefault: true,
      });
      const saved = await t
        .http()
        .put('/api/v1/settings/reminders')
        .set(admin.auth)
        .send({
          thresholdsDays: [7, 30, 60],
          sendHour: 8,
          timezone: 'Europe/Berlin',
          locale: 'zh-CN',
        })
        .expect(200);
      expect(saved.body).toMatchObject({
        thresholdsDays: [60, 30, 7],
        sendHour: 8,
        timezone: 'Europe/Berlin',
        locale: 'zh-CN',
        isDefault: false,
      });
      const again = await t.http().get('/api/v1/settings/reminders').set(admin.auth).expect(200);
      expect(again.body).toEqual(saved.body);
    });

    it('moves the organization schedule (one fixed id) to the new hour and timezone', async () => {
      const admin = await signUp(t);
      await t
        .http()
        .put('/api/v1/settings/reminders')
        .set(admin.auth)
        .send({ sendHour: 6 })
        .expect(200);
      await t
        .http()
        .put('/api/v1/settings/reminders')
        .set(admin.auth)
        .send({ sendHour: 7, timezone: 'America/New_York' })
        .expect(200);
      const queue = new Queue(REMINDER_SCAN_QUEUE, {
        connection: { url: 'redis://127.0.0.1:6379' },
        prefix: t.env.QUEUE_PREFIX,
      });
      try {
        const schedulers = (await queue.getJobSchedulers(0, -1, true)).filter(
          (s) => s.key === scanSchedulerId(admin.organizationId),
        );
        expect(schedulers).toHaveLength(1);
        expect(schedulers[0]).toMatchObject({ pattern: '0 7 * * *', tz: 'America/New_York' });
      } finally {
        await queue.close();
      }
    });

    it.each([
      [{ sendHour: 25 }, 'sendHour'],
      [{ sendHour: 9.5 }, 'sendHour'],
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ thresholdsDays: [30, -1] }, 'thresholdsDays'],
      [{ thresholdsDays: [] }, 'thresholdsDays'],
      [{ thresholdsDays: 'soon' }, 'thresholdsDays'],
      [{ locale: 'fr' }, 'locale'],
      [{ escalateAfterDays: -3 }, 'escalateAfterDays'],
      [{ overdueRepeatDays: 0 }, 'overdueRepeatDays'],
      [{ sendHours: 9 }, 'sendHours'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const admin = await signUp(t);
      const response = await t
        .http()
        .put('/api/v1/settings/reminders')
        .set(admin.auth)
        .send(body)
        .expect(400);
      expect((response.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('lets only admins change it', async () => {
      const admin = await signUp(t);
      const member = await addStaff(t, admin, 'member');
      await t.http().get('/api/v1/settings/reminders').set(member.auth).expect(200);
      await t
        .http()
        .put('/api/v1/settings/reminders')
        .set(member.auth)
        .send({ sendHour: 7 })
        .expect(403);
    });
  });

  describe('the daily digest', () => {
    let admin: Account;
    let chineseAdmin: Account;
    let manager: { email: string };
    const certs: Record<string, { id: string; certificateNumber: string }> = {};

    beforeAll(async () => {
      // 23:30 UTC on 30 January is already 31 January in Shanghai.
      t.clock.set('2027-01-30T23:30:00Z');
      admin = await signUp(t, { organizationName: 'Ningbo Export' });
      chineseAdmin = await addStaff(t, admin, 'admin', 'zh-CN');
      const valves = await createFactory(t, admin, {
        name: 'Yuyao Valve',
        contactEmail: 'quality@valve.example',
      });
      const pumps = await createFactory(t, admin, {
        name: 'Cixi Pump',
        contactEmail: 'qa@pump.example',
      });
      manager = await createFactoryManager(t, admin.organizationId, valves.id, 'zh-CN');
      certs.expiring = await createCertificate(t, admin, {
        factoryId: valves.id,
        issuedOn: '2024-03-03', // 3 years: no surveillance deadline falls in these tests
        expiresOn: '2027-03-02',
        nextSurveillanceAuditOn: null,
      });
      certs.overdue = await createCertificate(t, admin, {
        factoryId: valves.id,
        issuedOn: '2024-01-21',
        expiresOn: '2027-01-20',
        nextSurveillanceAuditOn: null,
      });
      certs.audit = await createCertificate(t, admin, {
        factoryId: valves.id,
        expiresOn: '2028-12-31',
        nextSurveillanceAuditOn: '2027-02-05',
      });
      certs.quiet = await createCertificate(t, admin, {
        factoryId: valves.id,
        issuedOn: '2025-07-01',
        expiresOn: '2028-06-30',
        nextSurveillanceAuditOn: '2027-06-01',
      });
      certs.pump = await createCertificate(t, admin, {
        factoryId: pumps.id,
        issuedOn: '2024-04-16',
        expiresOn: '2027-04-15',
        nextSurveillanceAuditOn: null,
      });
    });

    it('sends each responsible person one digest with their items, in their language', async () => {
      const before = smtp.digests.length;
      const scan = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
      // valve notices (expiring, overdue, audit) × (manager, contact, 2 admins) + pump notice × (contact, 2 admins)
      expect(scan.body).toMatchObject({
        scanOn: '2027-01-31',
        created: 15,
        digestsSent: 5,
        digestsRetrying: 0,
      });
      expect(smtp.digests.length - before).toBe(5);

      const [english] = smtp.digestsTo(admin.email);
      expect(smtp.digestsTo(admin.email)).toHaveLength(1);
      expect(english.subject).toBe('[certpact] 4 reminders for Ningbo Export (2027-01-31)');
      for (const key of ['expiring', 'overdue', 'audit', 'pump'])
        expect(english.text).toContain(certs[key].certificateNumber);
      expect(english.text).not.toContain(certs.quiet.certificateNumber);
      // counted in Shanghai: 30 days, not the 31 of the UTC calendar
      expect(english.text).toContain('2027-03-02, in 30 days');
      expect(english.text).toContain('2027-01-20, 11 days ago');
      expect(english.text).toContain('2027-02-05, in 5 days');
      // most urgent first: the escalated overdue certificate leads
      expect(english.text.indexOf(certs.overdue.certificateNumber)).toBeLessThan(
        english.text.indexOf(certs.audit.certificateNumber),
      );
      expect(english.text.indexOf(certs.audit.certificateNumber)).toBeLessThan(
        english.text.indexOf(certs.expiring.certificateNumber),
      );
      expect(english.text).toContain('[ESCALATED]');
      expect(english.text).toContain(`https://certpact.example/certificates/${certs.expiring.id}`);
      expect(english.html).toContain('<h2');

      const chinese = smtp.digestsTo(chineseAdmin.email);
      expect(chinese).toHaveLength(1);
      expect(chinese[0].subject).toBe('[certpact] Ningbo Export 有 4 项提醒（2027-01-31）');
      expect(chinese[0].text).toContain('到期日：2027-03-02（还有 30 天）');

      const managerMail = smtp.digestsTo(manager.email);
      expect(managerMail).toHaveLength(1);
      expect(managerMail[0].text).toContain('即将到期');
      expect(managerMail[0].text).toContain(
        `https://certpact.example/submissions/new?certificateId=${certs.expiring.id}`,
      );
      expect(managerMail[0].text).not.toContain(certs.pump.certificateNumber);

      const pumpContact = smtp.digestsTo('qa@pump.example');
      expect(pumpContact).toHaveLength(1);
      expect(pumpContact[0].text).toContain(certs.pump.certificateNumber);
      expect(pumpContact[0].text).not.toContain(certs.expiring.certificateNumber);
      expect(smtp.digestsTo('quality@valve.example')).toHaveLength(1);
    });

    it('records every reminder as sent, with the Message-ID of its digest and the rules applied', async () => {
      const all = await list(admin, '');
      expect(all.total).toBe(15);
      expect(all.items.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
      const mine = all.items.filter((r) => r.recipient === admin.email);
      expect(new Set(mine.map((r) => r.messageId)).size).toBe(1);
      expect(smtp.digestsTo(admin.email)[0].messageId).toBe(mine[0].messageId);

      const expiring = await list(admin, `certificateId=${certs.expiring.id}`);
      expect(expiring.total).toBe(4);
      expect(expiring.items[0]).toMatchObject({
        kind: 'certificate_expiring',
        payload: expect.objectContaining({ thresholdDays: 30 }),
      });
      const overdue = await list(admin, 'kind=certificate_expired');
      expect(overdue.total).toBe(4);
      expect(overdue.items[0]).toMatchObject({
        escalated: true,
        payload: expect.objectContaining({ overdueDay: 7 }),
      });
      expect((await list(admin, 'state=failed')).total).toBe(0);
    });

    it('sends nothing new when the same day is scanned again', async () => {
      const before = smtp.digests.length;
      const scan = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
      expect(scan.body).toMatchObject({ created: 0, digestsSent: 0 });
      expect(smtp.digests.length).toBe(before);
    });

    it('catches up a missed week with one notice for the latest threshold only', async () => {
      // 2027-02-20 in Shanghai: the expiring certificate is 10 days out (14 crossed, 7 not yet)
      t.clock.set('2027-02-20T01:00:00Z');
      const scan = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
      expect(scan.body.scanOn).toBe('2027-02-20');
      const expiring = await list(
        admin,
        `certificateId=${certs.expiring.id}&kind=certificate_expiring`,
      );
      const thresholds = [...new Set(expiring.items.map((r) => r.payload.thresholdDays))].sort();
      expect(thresholds).toEqual([14, 30]);
      const text = smtp.digestsTo(admin.email).at(-1)?.text ?? '';
      expect(text).toContain('2027-03-02, in 10 days');
    });

    it('keeps each organization to its own reminders', async () => {
      const other = await signUp(t, { organizationName: 'Other Trader' });
      expect((await list(other, '')).total).toBe(0);
      const someone = (await list(admin, '')).items[0];
      await t.http().post(`/api/v1/reminders/${someone.id}/retry`).set(other.auth).expect(404);
      const member = await addStaff(t, admin, 'member');
      await t.http().post('/api/v1/reminders/scan').set(member.auth).expect(403);
      expect((await list(member, '')).total).toBeGreaterThan(0);
    });
  });

  describe('failures', () => {
    it('delivers once through an SMTP server that refuses the first two attempts', async () => {
      t.clock.set('2027-05-01T02:00:00Z');
      const admin = await signUp(t);
      await createCertificate(t, admin, {
        factoryId: null,
        expiresOn: '2027-05-10',
        nextSurveillanceAuditOn: null,
      });
      const refusedBefore = smtp.refused;
      smtp.refuse(2);
      const scan = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
      expect(scan.body).toMatchObject({ created: 1, digestsSent: 0, digestsRetrying: 1 });
      const sent = await eventually(
        () => list(admin, ''),
        (page) => page.items.every((r) => r.state !== 'pending'),
      );
      expect(sent.items).toHaveLength(1);
      expect(sent.items[0]).toMatchObject({ state: 'sent', attempts: 3 });
      expect(smtp.refused - refusedBefore).toBe(2);
      expect(smtp.digestsTo(admin.email)).toHaveLength(1);
    });

    it('marks a reminder failed once its attempts are spent, and sends it on retry', async () => {
      t.clock.set('2027-05-01T02:00:00Z');
      const admin = await signUp(t);
      await createCertificate(t, admin, {
        factoryId: null,
        expiresOn: '2027-05-20',
        nextSurveillanceAuditOn: null,
      });
      smtp.refuse(4);
      await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
      const failed = await eventually(
        () => list(admin, 'state=failed'),
        (page) => page.total === 1,
      );
      expect(failed.items[0]).toMatchObject({
        attempts: 4,
        lastError: expect.stringContaining('Try again later'),
      });
      expect(smtp.digestsTo(admin.email)).toHaveLength(0);

      const retried = await t
        .http()
        .post(`/api/v1/reminders/${failed.items[0].id}/retry`)
        .set(admin.auth)
        .expect(200);
      expect(retried.body).toMatchObject({ state: 'sent', attempts: 1 });
      expect(smtp.digestsTo(admin.email)).toHaveLength(1);
      await t
        .http()
        .post(`/api/v1/reminders/${failed.items[0].id}/retry`)
        .set(admin.auth)
        .expect(409);
      const rows = await t.app
        .get(DataSource)
        .getRepository(Reminder)
        .count({ where: { organizationId: admin.organizationId } });
      expect(rows).toBe(1);
    });
  });
});
