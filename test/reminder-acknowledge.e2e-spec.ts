import { inviteManager } from './factories/managers';
import { createCertificate, createFactory } from './factories/reminders';
import { Account, addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { TestSmtpServer } from './support/smtp';

jest.setTimeout(120_000);

interface ReminderItem {
  id: string;
  kind: string;
  recipient: string;
  subjectId: string;
  acknowledgement: { acknowledgedBy: string; note: string; quietUntil: string } | null;
}

/** Issue 13: "we are on it" silences a notice until a date. */
describe('reminders: acknowledge and snooze', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(async () => ({ t, smtp, close } = await startMailingApp()));
  afterAll(() => close());
  afterEach(() => t.clock.reset());

  const scan = (admin: Account) =>
    t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
  const reminders = async (admin: Account, kind: string) =>
    (await t.http().get(`/api/v1/reminders?pageSize=200&kind=${kind}`).set(admin.auth).expect(200))
      .body.items as ReminderItem[];

  /** An organization whose member Mei looks after a factory holding an overdue certificate. */
  async function overdueSetup() {
    t.clock.set('2027-01-31T01:00:00Z'); // 09:00 in Shanghai
    const admin = await signUp(t);
    const mei = await addStaff(t, admin, 'member');
    const factory = await createFactory(t, admin, { contactEmail: null });
    await t
      .http()
      .put(`/api/v1/factories/${factory.id}/responsible`)
      .set(admin.auth)
      .send({ userIds: [mei.userId] })
      .expect(200);
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-01-30',
      expiresOn: '2027-01-29', // overdue from 30 January
      nextSurveillanceAuditOn: null,
    });
    await scan(admin);
    const [row] = (await reminders(admin, 'certificate_expired')).filter(
      (r) => r.recipient === mei.email.toLowerCase(),
    );
    expect(row).toBeDefined();
    return { admin, mei, factory, certificate, row };
  }

  it('keeps an acknowledged overdue notice quiet until its date, shows who is on it, and brings it back after', async () => {
    const { admin, mei, certificate, row } = await overdueSetup();
    const ack = await t
      .http()
      .post(`/api/v1/reminders/${row.id}/acknowledge`)
      .set(mei.auth)
      .send({ note: 'Recertification audit booked for 2027-02-20', quietUntil: '2027-02-20' })
      .expect(201);
    expect(ack.body).toMatchObject({
      reminderId: row.id,
      kind: 'certificate_expired',
      subjectId: certificate.id,
      quietUntil: '2027-02-20',
      acknowledgedById: mei.userId,
      via: 'app',
    });
    const events = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ entityId: certificate.id, action: 'reminder.acknowledged' })
      .set(admin.auth)
      .expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      actorId: mei.userId,
      after: { note: 'Recertification audit booked for 2027-02-20', quietUntil: '2027-02-20' },
    });

    const before = (await reminders(admin, 'certificate_expired')).length;
    // weekly repeats, and the escalation after 7 days, stay quiet up to quietUntil
    for (const day of ['2027-02-06', '2027-02-13', '2027-02-20']) {
      t.clock.set(`${day}T01:00:00Z`);
      await scan(admin);
      expect((await reminders(admin, 'certificate_expired')).length).toBe(before);
    }
    expect(smtp.digestsTo(admin.email)).toHaveLength(0); // never escalated meanwhile

    // the day after, it comes back (escalated), and everyone sees who was on it
    t.clock.set('2027-02-21T01:00:00Z');
    await scan(admin);
    const after = await reminders(admin, 'certificate_expired');
    expect(after.length).toBeGreaterThan(before);
    expect(after.every((r) => r.acknowledgement?.acknowledgedBy === 'A member')).toBe(true);
    const adminDigest = smtp.digestsTo(admin.email);
    expect(adminDigest).toHaveLength(1);
    expect(adminDigest[0].text).toContain(certificate.certificateNumber);
    expect(adminDigest[0].text).toContain(
      'Acknowledged by A member: Recertification audit booked for 2027-02-20',
    );
  });

  it('a new expiry date ends the quiet at once', async () => {
    const { admin, mei, certificate, row } = await overdueSetup();
    await t
      .http()
      .post(`/api/v1/reminders/${row.id}/acknowledge`)
      .set(mei.auth)
      .send({ note: 'Audit booked', quietUntil: '2027-03-31' })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/certificates/${certificate.id}`)
      .set(admin.auth)
      .send({ expiresOn: '2027-01-30' })
      .expect(200);
    t.clock.set('2027-02-07T01:00:00Z');
    const before = (await reminders(admin, 'certificate_expired')).length;
    await scan(admin);
    expect((await reminders(admin, 'certificate_expired')).length).toBeGreaterThan(before);
  });

  it('lets only those who received the notice acknowledge it, with a date that makes sense', async () => {
    const { admin, row } = await overdueSetup();
    const bystander = await addStaff(t, admin, 'member');
    const stranger = await signUp(t);
    const otherFactory = await createFactory(t, admin, { contactEmail: null });
    const otherManager = await inviteManager(t, admin, otherFactory.id);
    const body = { note: 'On it', quietUntil: '2027-02-10' };
    // a factory manager of another factory (test/manager-isolation.e2e-spec.ts lists it here)
    await t
      .http()
      .post(`/api/v1/reminders/${row.id}/acknowledge`)
      .set(otherManager.auth)
      .send(body)
      .expect(404);
    await t
      .http()
      .post(`/api/v1/reminders/${row.id}/acknowledge`)
      .set(bystander.auth)
      .send(body)
      .expect(404);
    await t
      .http()
      .post(`/api/v1/reminders/${row.id}/acknowledge`)
      .set(stranger.auth)
      .send(body)
      .expect(404);
    for (const [bad, field] of [
      [{ note: 'On it', quietUntil: '2027-01-01' }, 'quietUntil'], // in the past
      [{ note: 'On it', quietUntil: '2029-01-01' }, 'quietUntil'], // too far
      [{ note: 'On it', quietUntil: 'soon' }, 'quietUntil'],
      [{ quietUntil: '2027-02-10' }, 'note'],
    ] as const) {
      const refused = await t
        .http()
        .post(`/api/v1/reminders/${row.id}/acknowledge`)
        .set(admin.auth)
        .send(bad)
        .expect(400);
      expect((refused.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
  });

  it("acknowledges from the digest's one-click link once, and refuses a tampered or expired token", async () => {
    const { admin, mei, certificate } = await overdueSetup();
    const digest = smtp.digestsTo(mei.email).at(-1);
    const links = [
      ...(digest?.text ?? '').matchAll(/https:\/\/certpact\.example\/acknowledge\?token=(\S+)/g),
    ].map((m) => decodeURIComponent(m[1]));
    expect(links.length).toBeGreaterThan(0);
    expect(digest?.html).toContain('/acknowledge?token=');
    const [token] = links;

    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const invalid = await t
      .http()
      .post('/api/v1/reminders/acknowledge-link')
      .send({ token: tampered })
      .expect(400);
    expect(invalid.body.code).toBe('REMINDER.LINK_INVALID');

    const used = await t
      .http()
      .post('/api/v1/reminders/acknowledge-link')
      .send({ token, note: 'Audit booked' })
      .expect(201);
    expect(used.body).toMatchObject({
      subjectId: certificate.id,
      via: 'link',
      acknowledgedById: mei.userId,
      quietUntil: '2027-02-07', // 7 days by default
    });
    const again = await t
      .http()
      .post('/api/v1/reminders/acknowledge-link')
      .send({ token })
      .expect(410);
    expect(again.body.code).toBe('REMINDER.LINK_USED');

    // a fresh link of the same digest, fifteen days later: expired
    t.clock.set('2027-02-15T01:00:00Z');
    const expired = await t
      .http()
      .post('/api/v1/reminders/acknowledge-link')
      .send({ token: links[links.length - 1] === token ? links[0] : links[links.length - 1] })
      .expect(410);
    expect(expired.body.code).toBe('REMINDER.LINK_EXPIRED');
    void admin;
  });
});
