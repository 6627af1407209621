import { createAudit } from './factories/audits';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { GapEpisode } from '../src/gaps/gap-episode.entity';
import { ReminderSources } from '../src/reminders/reminder-sources';
import { REMINDER_SCAN_QUEUE, SCAN_JOB } from '../src/reminders/reminders.jobs';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { inviteManager } from './factories/managers';
import { createRunningAgreement } from './factories/reminder-kinds';
import { createCertificate, createFactory } from './factories/reminders';
import { Account, addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { ReceivedMail, TestSmtpServer } from './support/smtp';

/**
 * Every feature's reminder kinds, end to end: real sources found by the engine, a real
 * scan over HTTP, a real SMTP server receiving the digests.
 */

interface ReminderBody {
  id: string;
  kind: string;
  recipient: string;
  state: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/** Words a template writes when it reads a field that is not there. */
const BROKEN_WORDS = ['undefined', '[object Object]', 'NaN', '""', '“”', '（）'];

/** Links carry random tokens, which may spell "NaN" by chance: only the words are checked. */
function withoutLinks(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>]+/g, '<link>');
}

function expectCleanlyRendered(mail: ReceivedMail): void {
  for (const part of [mail.subject, mail.text, mail.html]) {
    for (const word of BROKEN_WORDS) expect(withoutLinks(part)).not.toContain(word);
  }
}

jest.setTimeout(60_000);

describe('reminder kinds of every feature, through the engine to the mailbox', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(async () => ({ t, smtp, close } = await startMailingApp()));
  afterAll(() => close());

  /** Runs the scan now and returns the digests it sent. */
  async function scan(admin: Account): Promise<{ created: number; mails: ReceivedMail[] }> {
    const before = smtp.digests.length;
    const response = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
    const body = response.body as { created: number; digestsSent: number; digestsRetrying: number };
    expect(body.digestsRetrying).toBe(0);
    const mails = smtp.digests.slice(before);
    expect(mails).toHaveLength(body.digestsSent);
    return { created: body.created, mails };
  }

  const mailTo = (mails: ReceivedMail[], email: string) =>
    mails.filter((mail) => mail.to.includes(email.toLowerCase()));

  const remindersOf = async (admin: Account, query = '') =>
    (
      (await t.http().get(`/api/v1/reminders?pageSize=200&${query}`).set(admin.auth).expect(200))
        .body as { items: ReminderBody[] }
    ).items;

  describe('milestones and agreements (issue 4)', () => {
    let admin: Account;
    let factory: { id: string; name: string };
    let agreement: Awaited<ReturnType<typeof createRunningAgreement>>;
    let certificate: { id: string; certificateNumber: string };
    const contact = 'quality@milestones.example';

    beforeAll(async () => {
      t.clock.set('2027-03-01T02:00:00Z'); // 10:00 on 1 March in Shanghai
      admin = await signUp(t, { organizationName: 'Milestone Trading' });
      factory = await createFactory(t, admin, { name: 'Yuyao Valve', contactEmail: contact });
      certificate = await createCertificate(t, admin, {
        factoryId: factory.id,
        issuedOn: '2024-04-01', // 3 years: no surveillance deadline falls in these tests
        expiresOn: '2027-03-31',
        nextSurveillanceAuditOn: null,
      });
      agreement = await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        title: 'ISO 9001 with Yuyao Valve',
        startsOn: '2027-01-15',
        targetOn: '2027-07-15',
        milestones: [
          { name: 'Gap analysis', dueOn: '2027-02-26' }, // 3 days overdue
          { name: 'Documentation', dueOn: '2027-03-02' }, // tomorrow
          { name: 'Internal audit', dueOn: '2027-03-08' }, // in 7 days
        ],
      });
    });

    it('puts due, overdue and at-risk notices in the same daily digest as certificate items', async () => {
      const { mails } = await scan(admin);
      const adminMail = mailTo(mails, admin.email);
      const contactMail = mailTo(mails, contact);
      // one email per recipient, every item in it
      expect(adminMail).toHaveLength(1);
      expect(contactMail).toHaveLength(1);
      for (const mail of [adminMail[0], contactMail[0]]) {
        expect(mail.text).toContain(certificate.certificateNumber);
        expect(mail.text).toContain(
          'Milestone "Internal audit" of "ISO 9001 with Yuyao Valve" (Yuyao Valve) is due in 7 days (2027-03-08)',
        );
        expect(mail.text).toContain('Milestone "Documentation" of "ISO 9001 with Yuyao Valve"');
        expect(mail.text).toContain('is due tomorrow (2027-03-02)');
        expect(mail.text).toContain('Milestone "Gap analysis" of "ISO 9001 with Yuyao Valve"');
        expect(mail.text).toContain('is 3 days overdue (due 2027-02-26)');
        expect(mail.text).toContain(
          'Agreement "ISO 9001 with Yuyao Valve" (Yuyao Valve) is at risk of missing its target 2027-07-15',
        );
        expectCleanlyRendered(mail);
      }
      // The record's page needs a login: the admin gets the link, the factory contact does not.
      expect(adminMail[0].text).toContain(`https://certpact.example/agreements/${agreement.id}`);
      expect(contactMail[0].text).not.toContain('https://certpact.example/agreements/');
      const kinds = (await remindersOf(admin)).filter((r) => r.recipient === contact);
      expect(kinds.map((r) => r.kind).sort()).toEqual([
        'agreement_at_risk',
        'certificate_expiring',
        'milestone_due',
        'milestone_due',
        'milestone_overdue',
      ]);
    });

    it('does not repeat an overdue milestone the next day, but does a week later', async () => {
      t.clock.set('2027-03-02T02:00:00Z');
      // the two due milestones are finished; only the overdue one stays open
      for (const name of ['Documentation', 'Internal audit']) {
        await t
          .http()
          .patch(`/api/v1/milestones/${agreement.milestones[name]}`)
          .set(admin.auth)
          .send({ status: 'done' })
          .expect(200);
      }
      const nextDay = await scan(admin);
      expect(mailTo(nextDay.mails, admin.email)).toHaveLength(0);
      expect(mailTo(nextDay.mails, contact)).toHaveLength(0);

      t.clock.set('2027-03-06T02:00:00Z'); // 8 days overdue: the second week
      const weekLater = await scan(admin);
      for (const email of [admin.email, contact]) {
        const mails = mailTo(weekLater.mails, email);
        expect(mails).toHaveLength(1);
        expect(mails[0].text).toContain('Milestone "Gap analysis" of "ISO 9001 with Yuyao Valve"');
        expect(mails[0].text).toContain('is 8 days overdue (due 2027-02-26)');
        expectCleanlyRendered(mails[0]);
      }
      const overdue = await remindersOf(admin, 'kind=milestone_overdue');
      expect(overdue.filter((r) => r.recipient === admin.email)).toHaveLength(2);
    });

    it('lapses an in_progress agreement past its target with unfinished milestones, with an audit event', async () => {
      t.clock.set('2027-03-06T02:00:00Z');
      const late = await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        startsOn: '2026-12-01',
        targetOn: '2027-03-05',
        milestones: [{ name: 'Stage 2 audit', dueOn: '2027-03-20' }],
      });
      const before = await t
        .http()
        .get(`/api/v1/agreements/${late.id}`)
        .set(admin.auth)
        .expect(200);
      expect(before.body.status).toBe('in_progress');

      await scan(admin);
      const after = await t.http().get(`/api/v1/agreements/${late.id}`).set(admin.auth).expect(200);
      expect(after.body.status).toBe('lapsed');
      const events = await t
        .http()
        .get('/api/v1/audit-events')
        .query({ entityType: 'agreement', entityId: late.id, action: 'agreement.status_changed' })
        .set(admin.auth)
        .expect(200);
      const lapse = (
        events.body.items as { actorId: string | null; before: object; after: object }[]
      ).find((e) => (e.after as { status: string }).status === 'lapsed');
      expect(lapse).toMatchObject({
        actorId: null, // the scan, not a person
        before: { status: 'in_progress' },
        after: { status: 'lapsed', reason: expect.stringContaining('targetOn 2027-03-05') },
      });
      // the running agreement keeps its target and stays in progress
      const running = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(running.body.status).toBe('in_progress');
    });
  });

  describe('scope gaps (buyers and gaps)', () => {
    let admin: Account;
    let certificate: { id: string; certificateNumber: string };
    let buyerName: string;
    const contact = 'qa@scope-gap.example';

    beforeAll(async () => {
      t.clock.set('2027-04-01T02:00:00Z');
      admin = await signUp(t, { organizationName: 'Gap Trading' });
      const factory = await createFactory(t, admin, { name: 'Cixi Pump', contactEmail: contact });
      // the certificate the buyer needs, never verified: a `not_verified` gap of this factory
      certificate = await createCertificate(t, admin, {
        factoryId: factory.id,
        expiresOn: '2029-12-31',
        nextSurveillanceAuditOn: null,
      });
      // another certificate the factory contact does hear of
      await createCertificate(t, admin, {
        factoryId: factory.id,
        standard: 'ISO 45001:2018',
        issuedOn: '2024-04-21',
        expiresOn: '2027-04-20',
        nextSurveillanceAuditOn: null,
      });
      buyerName = 'Hansen Industrial GmbH';
      const buyer = await t
        .http()
        .post('/api/v1/buyers')
        .set(admin.auth)
        .send(makeBuyer({ name: buyerName }))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
        .set(admin.auth)
        .send(makeRequirement({ standard: 'ISO 9001:2015', productCategory: 'valves' }))
        .expect(201);
    });

    const gapRows = async () =>
      (await remindersOf(admin, 'kind=scope_gap')).filter((r) => r.recipient === admin.email);

    it('reports a new gap to the admins once, never to the factory contact', async () => {
      const { mails } = await scan(admin);
      const adminMail = mailTo(mails, admin.email);
      expect(adminMail).toHaveLength(1);
      expect(adminMail[0].text).toContain(`Scope gap for ${buyerName}`);
      expect(adminMail[0].text).toContain(certificate.certificateNumber);
      expectCleanlyRendered(adminMail[0]);
      // the contact gets its own digest (the expiring certificate), without the gap
      const contactMail = mailTo(mails, contact);
      expect(contactMail).toHaveLength(1);
      expect(contactMail[0].text).not.toContain('Scope gap');
      expect(contactMail[0].text).not.toContain(buyerName);
      expect(await gapRows()).toHaveLength(1);
      const all = await remindersOf(admin, 'kind=scope_gap');
      expect(all.every((r) => r.recipient === admin.email)).toBe(true);
    });

    it('does not repeat it on the next scan', async () => {
      t.clock.set('2027-04-02T02:00:00Z');
      const { mails } = await scan(admin);
      for (const mail of mailTo(mails, admin.email)) expect(mail.text).not.toContain('Scope gap');
      expect(await gapRows()).toHaveLength(1);
    });

    it('reports it again after it is solved and reappears', async () => {
      t.clock.set('2027-04-03T02:00:00Z');
      await t
        .http()
        .post(`/api/v1/certificates/${certificate.id}/verifications`)
        .set(admin.auth)
        .send({ method: 'cnca', result: 'confirmed', checkedOn: '2027-04-03' })
        .expect(201);
      const solved = await scan(admin);
      for (const mail of mailTo(solved.mails, admin.email))
        expect(mail.text).not.toContain('Scope gap');
      expect(await gapRows()).toHaveLength(1);

      // a later check no longer finds it in the registry: the gap is back
      t.clock.set('2027-04-04T02:00:00Z');
      await t
        .http()
        .post(`/api/v1/certificates/${certificate.id}/verifications`)
        .set(admin.auth)
        .send({ method: 'cnca', result: 'not_found', checkedOn: '2027-04-04' })
        .expect(201);
      const back = await scan(admin);
      const adminMail = mailTo(back.mails, admin.email);
      expect(adminMail).toHaveLength(1);
      expect(adminMail[0].text).toContain(`Scope gap for ${buyerName}`);
      expectCleanlyRendered(adminMail[0]);
      expect(mailTo(back.mails, contact)).toHaveLength(0);
      const rows = await gapRows();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.subjectId)).size).toBe(2);
    });
  });

  describe('the scheduled scan, run by the worker over Redis', () => {
    it('lapses, finds and mails the feature kinds as the manual scan does', async () => {
      t.clock.set('2027-09-01T02:00:00Z');
      const admin = await signUp(t, { organizationName: 'Scheduled Trading' });
      const contact = 'qa@scheduled.example';
      const factory = await createFactory(t, admin, {
        name: 'Fenghua Gear',
        contactEmail: contact,
      });
      await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        title: 'Gear ISO 14001',
        startsOn: '2027-08-01',
        targetOn: '2028-01-31',
        milestones: [{ name: 'Documentation', dueOn: '2027-09-08' }],
      });
      const late = await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        startsOn: '2027-03-01',
        targetOn: '2027-08-31',
        milestones: [{ name: 'Stage 2 audit', dueOn: '2027-09-20' }],
      });
      const buyer = await t
        .http()
        .post('/api/v1/buyers')
        .set(admin.auth)
        .send(makeBuyer({ name: 'Scheduled Buyer' }))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
        .set(admin.auth)
        .send(makeRequirement({ standard: 'ISO 50001:2018', productCategory: 'valves' }))
        .expect(201);

      // the job the organization's job scheduler adds at its sending hour
      const queue = new Queue(REMINDER_SCAN_QUEUE, {
        connection: { url: 'redis://127.0.0.1:6379' },
        prefix: t.env.QUEUE_PREFIX,
      });
      try {
        await queue.add(SCAN_JOB, { organizationId: admin.organizationId });
      } finally {
        await queue.close();
      }
      for (const email of [admin.email, contact]) {
        while (smtp.digestsTo(email).length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      const [adminMail] = smtp.digestsTo(admin.email);
      expect(adminMail.text).toContain('Milestone "Documentation" of "Gear ISO 14001"');
      expect(adminMail.text).toContain('Scope gap for Scheduled Buyer');
      expectCleanlyRendered(adminMail);
      const [contactMail] = smtp.digestsTo(contact);
      expect(contactMail.text).toContain('Milestone "Documentation" of "Gear ISO 14001"');
      expect(contactMail.text).not.toContain('Scope gap');
      const lapsed = await t
        .http()
        .get(`/api/v1/agreements/${late.id}`)
        .set(admin.auth)
        .expect(200);
      expect(lapsed.body.status).toBe('lapsed');
      expect(smtp.digestsTo(admin.email)).toHaveLength(1);
    });
  });

  describe('two scans at once', () => {
    it('opens one gap episode per gap and reports each gap once, with no source failing', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error');
      try {
        // a few rounds: on PostgreSQL the scans' prepare steps really do overlap
        for (let round = 0; round < 3; round++) {
          t.clock.set('2027-05-01T02:00:00Z');
          const admin = await signUp(t, { organizationName: `Race Trading ${round}` });
          const factory = await createFactory(t, admin);
          const buyer = await t
            .http()
            .post('/api/v1/buyers')
            .set(admin.auth)
            .send(makeBuyer())
            .expect(201);
          for (const standard of ['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018']) {
            await createCertificate(t, admin, {
              factoryId: factory.id,
              standard,
              expiresOn: '2029-12-31',
              nextSurveillanceAuditOn: null,
            });
            await t
              .http()
              .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
              .set(admin.auth)
              .send(makeRequirement({ standard, productCategory: 'valves' }))
              .expect(201);
          }
          const before = smtp.digestsTo(admin.email).length;
          await Promise.all(
            [1, 2, 3].map(() =>
              t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200),
            ),
          );
          const open = await t.app
            .get(DataSource)
            .getRepository(GapEpisode)
            .find({ where: { organizationId: admin.organizationId, closedOn: IsNull() } });
          expect(open).toHaveLength(3);
          const rows = await remindersOf(admin, 'kind=scope_gap');
          expect(rows.map((r) => r.subjectId).sort()).toEqual(open.map((e) => e.id).sort());
          const mails = smtp.digestsTo(admin.email).slice(before);
          expect(mails).toHaveLength(1);
          expect(mails[0].text.split('Scope gap for').length - 1).toBe(3);
        }
        const failures = errors.mock.calls.filter((call) =>
          String(call[0]).includes('Reminder source'),
        );
        expect(failures).toEqual([]);
      } finally {
        errors.mockRestore();
      }
    });
  });

  describe('verification due', () => {
    it('tells the admins once of a certificate never verified 14 days after it was recorded', async () => {
      t.clock.set('2027-06-01T02:00:00Z');
      const admin = await signUp(t, { organizationName: 'Verify Trading' });
      const contact = 'qa@verify.example';
      const factory = await createFactory(t, admin, { contactEmail: contact });
      const certificate = await createCertificate(t, admin, {
        factoryId: factory.id,
        expiresOn: '2029-12-31',
        nextSurveillanceAuditOn: null,
      });

      t.clock.set('2027-06-14T02:00:00Z'); // 13 days after it was recorded
      expect((await scan(admin)).mails).toHaveLength(0);

      t.clock.set('2027-06-15T02:00:00Z'); // 14 days
      const { mails } = await scan(admin);
      expect(mails).toHaveLength(1);
      const [adminMail] = mailTo(mails, admin.email);
      expect(adminMail.text).toContain(
        `ISO 9001:2015 certificate ${certificate.certificateNumber} has not been verified`,
      );
      expect(adminMail.text).toContain(
        `https://certpact.example/certificates/${certificate.id}/verifications`,
      );
      expectCleanlyRendered(adminMail);

      t.clock.set('2027-06-16T02:00:00Z');
      expect((await scan(admin)).mails).toHaveLength(0);
      const rows = await remindersOf(admin, 'kind=verification_due');
      expect(rows.map((r) => r.recipient)).toEqual([admin.email]);
    });
  });

  describe('factory managers (issue 6)', () => {
    it("sends a manager only their own factory's items, in their language, with the submission form", async () => {
      t.clock.set('2027-08-01T02:00:00Z');
      const admin = await signUp(t, { organizationName: 'Manager Trading' });
      const mine = await createFactory(t, admin, {
        name: 'Yuyao Valve',
        contactEmail: 'qa@mine.example',
      });
      const theirs = await createFactory(t, admin, {
        name: 'Cixi Pump',
        contactEmail: 'qa@theirs.example',
      });
      const manager = await inviteManager(t, admin, mine.id, { locale: 'zh-CN' });
      const myCertificate = await createCertificate(t, admin, {
        factoryId: mine.id,
        issuedOn: '2024-09-01',
        expiresOn: '2027-08-31',
        nextSurveillanceAuditOn: null,
      });
      const theirCertificate = await createCertificate(t, admin, {
        factoryId: theirs.id,
        issuedOn: '2024-09-01',
        expiresOn: '2027-08-31',
        nextSurveillanceAuditOn: null,
      });
      const myAgreement = await createRunningAgreement(t, admin, {
        factoryId: mine.id,
        title: 'Valve ISO 9001',
        startsOn: '2027-07-01',
        targetOn: '2027-12-31',
        milestones: [{ name: 'Internal audit', dueOn: '2027-08-08' }],
      });
      const theirAgreement = await createRunningAgreement(t, admin, {
        factoryId: theirs.id,
        title: 'Pump ISO 9001',
        startsOn: '2027-07-01',
        targetOn: '2027-12-31',
        milestones: [{ name: 'Stage 1 audit', dueOn: '2027-08-08' }],
      });

      const { mails } = await scan(admin);
      const managerMail = mailTo(mails, manager.email);
      expect(managerMail).toHaveLength(1);
      const [mail] = managerMail;
      expect(mail.subject).toBe('[certpact] Manager Trading 有 2 项提醒（2027-08-01）');
      expect(mail.text).toContain(`${myCertificate.certificateNumber}`);
      expect(mail.text).toContain('即将到期');
      expect(mail.text).toContain(
        '合作协议“Valve ISO 9001”（Yuyao Valve）的里程碑“Internal audit”',
      );
      expect(mail.text).toContain(
        `https://certpact.example/submissions/new?certificateId=${myCertificate.id}`,
      );
      expect(mail.html).toContain(
        `https://certpact.example/submissions/new?certificateId=${myCertificate.id}`,
      );
      for (const part of [mail.text, mail.html]) {
        expect(part).not.toContain(theirCertificate.certificateNumber);
        expect(part).not.toContain(theirCertificate.id);
        expect(part).not.toContain(theirAgreement.id);
        expect(part).not.toContain('Pump ISO 9001');
        expect(part).not.toContain('Cixi Pump');
      }
      expectCleanlyRendered(mail);
      // the other factory's contact got theirs; the admins got both
      expect(mailTo(mails, 'qa@theirs.example')[0].text).toContain('Pump ISO 9001');
      const adminMail = mailTo(mails, admin.email)[0];
      expect(adminMail.text).toContain(myAgreement.title);
      expect(adminMail.text).toContain(theirAgreement.title);
      // the manager can open what the digest links to
      // (each web page's path mirrors its API path; the web e2e opens the pages themselves)
      for (const [, path] of mail.text.matchAll(/https:\/\/certpact\.example(\/(?!api\/)\S+)/g))
        if (!path.startsWith('/submissions/new'))
          await t.http().get(`/api/v1${path}`).set(manager.auth).expect(200);
      // every row addressed to the manager is about their factory
      const rows = (await remindersOf(admin)).filter((r) => r.recipient === manager.email);
      expect(rows.map((r) => r.subjectId).sort()).toEqual(
        [myCertificate.id, myAgreement.milestones['Internal audit']].sort(),
      );
    });
  });

  describe('rendering', () => {
    it('renders every kind in en and zh-CN without missing words', async () => {
      // 14 days before the scan: the certificates are recorded, so verification falls due
      t.clock.set('2018-08-06T02:00:00Z');
      const admin = await signUp(t, { organizationName: 'Render Trading' });
      const chineseAdmin = await addStaff(t, admin, 'admin', 'zh-CN');
      const factory = await createFactory(t, admin, {
        name: 'Ningbo Flange',
        contactEmail: 'qa@render.example',
      });
      const certificate = (overrides: Record<string, unknown>) =>
        createCertificate(t, admin, {
          factoryId: factory.id,
          nextSurveillanceAuditOn: null,
          issuedOn: '2016-01-01',
          ...overrides,
        });
      await certificate({ expiresOn: '2018-09-19' }); // expiring (30 days)
      // CNCA-QMS-01:2025 5.4.1.4: first surveillance by 2018-09-10, none planned (surveillance_deadline)
      await certificate({ issuedOn: '2017-09-10', expiresOn: '2020-09-09' });
      await certificate({ expiresOn: '2018-08-10' }); // expired
      await certificate({ expiresOn: '2019-12-31', nextSurveillanceAuditOn: '2018-08-25' });
      await certificate({ standard: 'ISO 9001:2008', expiresOn: '2019-06-30' }); // edition ends 2018-09-15
      // its next surveillance audit falls after 2018-03-15, from when every audit uses ISO 14001:2015
      await certificate({
        standard: 'ISO 14001:2004',
        expiresOn: '2018-12-31',
        nextSurveillanceAuditOn: '2018-09-05',
      });
      // confirmed a year ago: its check has gone stale (the other verification_due reason)
      const stale = await certificate({ expiresOn: '2020-06-30' });
      await t
        .http()
        .post(`/api/v1/certificates/${stale.id}/verifications`)
        .set(admin.auth)
        .send({ method: 'cnca', result: 'confirmed', checkedOn: '2017-08-20' })
        .expect(201);
      t.clock.set('2018-08-20T02:00:00Z');
      // a plan that cannot fit before its target (the other agreement_at_risk reason)
      const tight = await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        title: 'Tight plan',
        startsOn: '2018-08-01',
        targetOn: '2018-09-10',
        milestones: [
          { name: 'Stage 1 audit', dueOn: '2018-09-05', plannedDays: 30 },
          { name: 'Stage 2 audit', dueOn: '2018-09-09', plannedDays: 30 },
        ],
      });
      await createRunningAgreement(t, admin, {
        factoryId: factory.id,
        startsOn: '2018-07-01',
        targetOn: '2018-12-31',
        milestones: [
          { name: 'Gap analysis', dueOn: '2018-08-15' },
          { name: 'Documentation', dueOn: '2018-08-21' },
          { name: 'Internal audit', dueOn: '2018-08-27' },
        ],
      });
      const buyer = await t
        .http()
        .post('/api/v1/buyers')
        .set(admin.auth)
        .send(makeBuyer())
        .expect(201);
      await t
        .http()
        .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
        .set(admin.auth)
        .send(makeRequirement({ standard: 'ISO 14001:2015', productCategory: 'valves' }))
        .expect(201);

      // An open major finding of a supplier audit, past its due date: finding_overdue.
      const audit = await createAudit(t, admin, factory.id, { auditedOn: '2018-07-02' });
      await t
        .http()
        .post(`/api/v1/audits/${audit.id}/findings`)
        .set(admin.auth)
        .send({
          severity: 'major',
          clause: '8.4',
          description: 'Plating is subcontracted to a supplier that was never evaluated.',
        })
        .expect(201);

      const { mails } = await scan(admin);
      const kinds = t.app.get(ReminderSources).kinds();
      const rows = await remindersOf(admin);
      for (const account of [admin, chineseAdmin]) {
        const mine = rows.filter((r) => r.recipient === account.email);
        expect([...new Set(mine.map((r) => r.kind))].sort()).toEqual(kinds);
        const received = mailTo(mails, account.email);
        expect(received).toHaveLength(1);
        expectCleanlyRendered(received[0]);
        expect(received[0].html).toContain('<h2');
      }
      // every record a digest links to opens for its reader (the one-click acknowledgement
      // links are no record: test/reminder-acknowledge.e2e-spec.ts)
      const links = (mail: ReceivedMail) => [
        ...new Set(
          [...mail.text.matchAll(/https:\/\/certpact\.example(\/(?!api\/|acknowledge\?)\S+)/g)].map(
            (m) => `/api/v1${m[1]}`,
          ),
        ),
      ];
      const adminLinks = links(mailTo(mails, admin.email)[0]);
      expect(adminLinks.length).toBeGreaterThanOrEqual(kinds.length - 1);
      for (const path of adminLinks) await t.http().get(path).set(admin.auth).expect(200);
      const chinese = mailTo(mails, chineseAdmin.email)[0].text;
      const english = mailTo(mails, admin.email)[0].text;
      expect(chinese).toContain('认证缺口');
      expect(english).toContain('Scope gap');
      expect(english).toContain(
        `certificate ${stale.certificateNumber} was last confirmed on 2017-08-20`,
      );
      expect(chinese).toContain(
        `证书 ${stale.certificateNumber} 的核验已满一年（上次确认：2017-08-20）`,
      );
      expect(english).toContain(`Agreement "${tight.title}" (Ningbo Flange) is at risk`);
      expect(english).toMatch(
        /remaining milestones need until \d{4}-\d{2}-\d{2} at the plan's pace/,
      );
      expect(chinese).toMatch(/剩余里程碑要到 \d{4}-\d{2}-\d{2} 才能完成，比目标日期晚 \d+ 天/);
      expectCleanlyRendered(mailTo(mails, 'qa@render.example')[0]);
    });
  });
});
