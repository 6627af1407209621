import { createCertificate, createFactory } from './factories/reminders';
import { Account, addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { TestSmtpServer } from './support/smtp';

/** Every label the English digest writes: none may appear in a zh-CN one. */
const ENGLISH_LABELS = [
  'reminder',
  'attention',
  'Most urgent first',
  'Due: ',
  'Open',
  'You receive this digest',
  'expired',
  'overdue',
  'days ago',
];

describe('Factory contacts: their own language, and one-click unsubscribe (RFC 8058)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(async () => ({ t, smtp, close } = await startMailingApp()));
  afterAll(() => close());
  afterEach(() => t.clock.reset());

  const scan = (admin: Account) =>
    t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
  const factoryOf = async (admin: Account, id: string) =>
    (await t.http().get(`/api/v1/factories/${id}`).set(admin.auth).expect(200)).body as {
      contactLocale: string;
      contactUnsubscribedAt: string | null;
    };

  it('defaults the contact language from the country, and takes an explicit one', async () => {
    const admin = await signUp(t);
    const cn = await createFactory(t, admin, { contactLocale: undefined });
    expect((await factoryOf(admin, cn.id)).contactLocale).toBe('zh-CN');
    const vn = await createFactory(t, admin, {
      country: 'VN',
      licenseNumber: null,
      contactLocale: undefined,
    });
    expect((await factoryOf(admin, vn.id)).contactLocale).toBe('en');
    const patched = await t
      .http()
      .patch(`/api/v1/factories/${vn.id}`)
      .set(admin.auth)
      .send({ contactLocale: 'zh-CN' })
      .expect(200);
    expect(patched.body.contactLocale).toBe('zh-CN');
    const bad = await t
      .http()
      .patch(`/api/v1/factories/${vn.id}`)
      .set(admin.auth)
      .send({ contactLocale: 'fr' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('contactLocale');
  });

  it('mails a CN contact in Chinese with working unsubscribe headers; unsubscribed, it hears nothing until an admin re-enables it', async () => {
    t.clock.set('2027-02-10T01:00:00Z');
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const contact = `quality-${Date.now()}@valve.example`;
    const factory = await createFactory(t, admin, {
      contactEmail: contact,
      contactLocale: undefined,
    });
    // The same person may be the contact of two factories: one "stop" covers both.
    const sister = await createFactory(t, admin, {
      contactEmail: contact,
      country: 'VN',
      licenseNumber: null,
    });
    const overdue = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-01-28',
      expiresOn: '2027-01-27',
      nextSurveillanceAuditOn: null,
    });
    await scan(admin);

    const [mail, ...more] = smtp.digestsTo(contact);
    expect(more).toHaveLength(0);
    expect(mail.text).toContain(overdue.certificateNumber);
    expect(mail.text).toContain('过期（');
    for (const label of ENGLISH_LABELS) {
      expect(mail.subject).not.toContain(label);
      expect(mail.text).not.toContain(label);
    }
    // The admin's own digest stays in the organization's language, with no unsubscribe.
    const [adminMail] = smtp.digestsTo(admin.email);
    expect(adminMail.text).toContain('Expired on ');
    expect(adminMail.rawHeaders.has('list-unsubscribe')).toBe(false);

    const header = mail.rawHeaders.get('list-unsubscribe') ?? '';
    expect(mail.rawHeaders.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const match =
      /<(https:\/\/certpact\.example(\/api\/v1\/contacts\/unsubscribe\?token=[^>]+))>/.exec(header);
    expect(match).not.toBeNull();
    const path = match![2];

    // Opening the link (a mail scanner may) changes nothing.
    const preview = await t.http().get(path).expect(200);
    expect(preview.body).toEqual({ email: contact, method: 'POST' });
    expect((await factoryOf(admin, factory.id)).contactUnsubscribedAt).toBeNull();

    // A tampered token is refused.
    const token = new URL(match![1]).searchParams.get('token')!;
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const refused = await t
      .http()
      .post(`/api/v1/contacts/unsubscribe?token=${encodeURIComponent(tampered)}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    expect(refused.body.code).toBe('REMINDER.UNSUBSCRIBE_LINK_INVALID');
    expect((await factoryOf(admin, factory.id)).contactUnsubscribedAt).toBeNull();

    // The one-click POST, as a mail client sends it.
    const done = await t
      .http()
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.body).toEqual({ email: contact, unsubscribed: true });
    expect((await factoryOf(admin, factory.id)).contactUnsubscribedAt).not.toBeNull();
    expect((await factoryOf(admin, sister.id)).contactUnsubscribedAt).not.toBeNull();
    const audit = await t
      .http()
      .get(`/api/v1/audit-events?entityId=${factory.id}`)
      .set(admin.auth)
      .expect(200);
    expect(JSON.stringify(audit.body)).toContain('factory.contact_unsubscribed');

    // A week on the overdue notice repeats: the admin hears of it, the contact does not.
    t.clock.set('2027-02-17T01:00:00Z');
    const adminBefore = smtp.digestsTo(admin.email).length;
    await scan(admin);
    expect(smtp.digestsTo(admin.email).length).toBeGreaterThan(adminBefore);
    expect(smtp.digestsTo(contact)).toHaveLength(1);

    // Only an admin mails the contact again.
    await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(member.auth)
      .send({ contactMailEnabled: true })
      .expect(403);
    const enabled = await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(admin.auth)
      .send({ contactMailEnabled: true })
      .expect(200);
    expect(enabled.body.contactUnsubscribedAt).toBeNull();
    const audited = await t
      .http()
      .get(`/api/v1/audit-events?entityId=${factory.id}`)
      .set(admin.auth)
      .expect(200);
    expect(JSON.stringify(audited.body)).toContain('factory.contact_mail_enabled');

    t.clock.set('2027-02-24T01:00:00Z');
    await scan(admin);
    expect(smtp.digestsTo(contact)).toHaveLength(2);
  });
});
