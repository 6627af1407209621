import { createCertificate, createFactory } from './factories/reminders';
import { Account, addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { TestSmtpServer } from './support/smtp';

jest.setTimeout(90_000);

/** Issue 13: notices reach the colleague who looks after the factory; admins once escalated. */
describe('reminders: who looks after a factory', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(async () => ({ t, smtp, close } = await startMailingApp()));
  afterAll(() => close());
  afterEach(() => t.clock.reset());

  const setResponsible = (admin: Account, factoryId: string, userIds: string[]) =>
    t.http().put(`/api/v1/factories/${factoryId}/responsible`).set(admin.auth).send({ userIds });
  const scan = (admin: Account) =>
    t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);

  it('sets, answers and audits who looks after a factory; refuses anyone but the organization staff', async () => {
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const other = await signUp(t);
    const factory = await createFactory(t, admin);

    const saved = await setResponsible(admin, factory.id, [member.userId]).expect(200);
    expect(saved.body).toEqual({
      factoryId: factory.id,
      responsible: [
        expect.objectContaining({ userId: member.userId, email: member.email, role: 'member' }),
      ],
    });
    const read = await t
      .http()
      .get(`/api/v1/factories/${factory.id}/responsible`)
      .set(member.auth)
      .expect(200);
    expect(read.body).toEqual(saved.body);

    for (const userIds of [[other.userId], ['no-such-user'], 'everyone', [7]]) {
      const refused = await setResponsible(admin, factory.id, userIds as string[]).expect(400);
      expect((refused.body.details as { field: string }[]).map((d) => d.field)).toContain(
        'userIds',
      );
    }
    // nothing half-written: the member still looks after it
    const still = await t
      .http()
      .get(`/api/v1/factories/${factory.id}/responsible`)
      .set(admin.auth)
      .expect(200);
    expect(still.body.responsible).toHaveLength(1);
    // another organization's factory is not found; a member may not change it
    await setResponsible(other, factory.id, []).expect(404);
    await setResponsible(member, factory.id, []).expect(403);

    const events = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ entityId: factory.id, action: 'factory.responsible_changed' })
      .set(admin.auth)
      .expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      actorId: admin.userId,
      before: { userIds: [] },
      after: { userIds: [member.userId] },
    });
  });

  it('gives the responsible member the factory notices in her language, and the admin only once escalated', async () => {
    // 01:00 UTC on 31 January is 09:00 in Shanghai.
    t.clock.set('2027-01-31T01:00:00Z');
    const admin = await signUp(t, { organizationName: 'Ningbo Export' });
    const mei = await addStaff(t, admin, 'member', 'zh-CN');
    const bystander = await addStaff(t, admin, 'member');
    const looked = await createFactory(t, admin, { name: 'Yuyao Valve', contactEmail: null });
    const alone = await createFactory(t, admin, { name: 'Cixi Pump', contactEmail: null });
    await setResponsible(admin, looked.id, [mei.userId]).expect(200);
    // Issued recently, so no surveillance deadline (an admins-only kind) falls due.
    const expiring = await createCertificate(t, admin, {
      factoryId: looked.id,
      issuedOn: '2026-12-01',
      expiresOn: '2027-03-02', // 30 days
      nextSurveillanceAuditOn: null,
    });
    const lapsing = await createCertificate(t, admin, {
      factoryId: looked.id,
      issuedOn: '2024-01-28',
      expiresOn: '2027-01-27', // expired 4 days ago: overdue, not yet escalated
      nextSurveillanceAuditOn: null,
    });
    const unassigned = await createCertificate(t, admin, {
      factoryId: alone.id,
      issuedOn: '2026-12-01',
      expiresOn: '2027-03-02',
      nextSurveillanceAuditOn: null,
    });

    await scan(admin);
    const meiMail = smtp.digestsTo(mei.email);
    expect(meiMail).toHaveLength(1);
    expect(meiMail[0].subject).toContain('提醒');
    expect(meiMail[0].text).toContain(expiring.certificateNumber);
    expect(meiMail[0].text).toContain(lapsing.certificateNumber);
    expect(meiMail[0].text).not.toContain(unassigned.certificateNumber);
    // the admin hears only of the factory nobody looks after; the other member of nothing
    const adminMail = smtp.digestsTo(admin.email);
    expect(adminMail).toHaveLength(1);
    expect(adminMail[0].text).toContain(unassigned.certificateNumber);
    expect(adminMail[0].text).not.toContain(lapsing.certificateNumber);
    expect(adminMail[0].text).not.toContain(expiring.certificateNumber);
    expect(smtp.digestsTo(bystander.email)).toHaveLength(0);

    // Seven days after expiry the overdue notice is escalated: now the admin hears of it.
    t.clock.set('2027-02-04T01:00:00Z');
    await scan(admin);
    const escalated = smtp.digestsTo(admin.email);
    expect(escalated).toHaveLength(2);
    expect(escalated[1].text).toContain(lapsing.certificateNumber);
    expect(escalated[1].text).toContain('[ESCALATED]');
    expect(smtp.digestsTo(mei.email)).toHaveLength(2);
    expect(smtp.digestsTo(bystander.email)).toHaveLength(0);
  });

  it('sends notices nobody looks after to every admin and member when the policy says everyone', async () => {
    t.clock.set('2027-01-31T01:00:00Z');
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const factory = await createFactory(t, admin, { contactEmail: null });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      expiresOn: '2027-03-02',
      nextSurveillanceAuditOn: null,
    });
    const policy = await t
      .http()
      .put('/api/v1/settings/reminders')
      .set(admin.auth)
      .send({ unassignedRecipients: 'everyone' })
      .expect(200);
    expect(policy.body.unassignedRecipients).toBe('everyone');
    await scan(admin);
    expect(smtp.digestsTo(member.email)[0].text).toContain(certificate.certificateNumber);
    expect(smtp.digestsTo(admin.email)[0].text).toContain(certificate.certificateNumber);
  });

  it('mails no colleague whose account was deactivated', async () => {
    t.clock.set('2027-01-31T01:00:00Z');
    const admin = await signUp(t);
    const leaver = await addStaff(t, admin, 'member');
    const stayer = await addStaff(t, admin, 'member');
    const factory = await createFactory(t, admin, { contactEmail: null });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      expiresOn: '2027-03-02',
      nextSurveillanceAuditOn: null,
    });
    await t
      .http()
      .put('/api/v1/settings/reminders')
      .set(admin.auth)
      .send({ unassignedRecipients: 'everyone' })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${leaver.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    await scan(admin);
    expect(smtp.digestsTo(stayer.email)[0].text).toContain(certificate.certificateNumber);
    expect(smtp.digestsTo(leaver.email)).toHaveLength(0);
  });

  it("tells the factory's contact what to do, without the trader's escalation or links that need a login", async () => {
    t.clock.set('2027-02-10T01:00:00Z');
    const admin = await signUp(t);
    const contact = `quality-${Date.now()}@valve.example`;
    const factory = await createFactory(t, admin, { contactEmail: contact });
    const overdue = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-01-28',
      expiresOn: '2027-01-27', // 14 days overdue: escalated
      nextSurveillanceAuditOn: null,
    });
    await scan(admin);
    const [adminMail] = smtp.digestsTo(admin.email);
    expect(adminMail.text).toContain('[ESCALATED]');
    const [contactMail] = smtp.digestsTo(contact);
    expect(contactMail.text).toContain(overdue.certificateNumber);
    for (const internal of ['ESCALATED', 'Escalated to every admin', '/acknowledge?token='])
      expect(contactMail.text + contactMail.html).not.toContain(internal);
  });
});
