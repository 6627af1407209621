import { DigestDeliveryService } from '../src/reminders/digest-delivery.service';
import { ReminderScanService } from '../src/reminders/reminder-scan.service';
import { createCertificate, createFactory } from './factories/reminders';
import { inviteManager } from './factories/managers';
import { addStaff, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { TestApp } from './support/app';
import { ReceivedMail, TestSmtpServer } from './support/smtp';

/** A mail with a plain-text part and an HTML part (multipart/alternative), both with content. */
function expectTextAndHtml(mail: ReceivedMail): void {
  expect(mail.text.trim().length).toBeGreaterThan(20);
  expect(mail.html).toMatch(/^<!DOCTYPE html/);
  expect(mail.html).toContain('certpact');
  expect(mail.html).not.toContain('undefined');
  expect(mail.rawHeaders.get('content-type') ?? '').toMatch(/^multipart\/alternative/);
}

/**
 * What may be written in Latin letters in a Chinese mail to a factory contact: links, the
 * organization's and the factory's own names, the product name, certificate numbers and
 * standard codes (`ISO 9001:2015`). Everything else must be Chinese: no English label.
 */
function englishWordsIn(body: string, allowed: string[]): string[] {
  let rest = body.replace(/https?:\/\/\S+/g, ' ');
  for (const value of [...allowed].sort((a, b) => b.length - a.length))
    rest = rest.split(value).join(' ');
  rest = rest
    .replace(/\bcertpact\b/g, ' ')
    .replace(/\bISO(\/IEC)? \d{4,5}(-\d)?(:\d{4})?/g, ' ')
    .replace(/\bIATF 16949(:\d{4})?/g, ' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** The readable words of an HTML part (markup, styles and attributes stripped). */
function htmlWords(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

describe('Every mail has a text and an HTML part, in the reader’s language (issue 13)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;

  beforeAll(async () => ({ t, smtp, close } = await startMailingApp()));
  afterAll(() => close());
  afterEach(() => t.clock.reset());

  const eventually = async (find: () => ReceivedMail | undefined): Promise<ReceivedMail> => {
    for (let i = 0; i < 100; i++) {
      const mail = find();
      if (mail) return mail;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no such mail arrived');
  };

  it('sends invitations naming the organization and the factory, password resets and decisions as text and HTML', async () => {
    const admin = await signUp(t, { organizationName: 'Ningbo Export Trading' });
    const member = await addStaff(t, admin, 'member', 'zh-CN');
    const invitation = await eventually(() => smtp.to(member.email)[0]);
    expectTextAndHtml(invitation);
    expect(invitation.subject).toBe('Ningbo Export Trading 邀请您加入 certpact');

    const factory = await createFactory(t, admin, { name: 'Yuyao Valve Works' });
    const manager = await inviteManager(t, admin, factory.id, { locale: 'zh-CN' });
    const managerInvitation = await eventually(() => smtp.to(manager.email)[0]);
    expectTextAndHtml(managerInvitation);
    for (const part of [managerInvitation.text, managerInvitation.html]) {
      expect(part).toContain('Yuyao Valve Works');
      expect(part).toContain('Ningbo Export Trading');
    }
    expect(managerInvitation.text).toContain('以Yuyao Valve Works的工厂负责人身份');

    const english = await inviteManager(t, admin, factory.id, { locale: 'en' });
    const englishInvitation = await eventually(() => smtp.to(english.email)[0]);
    expectTextAndHtml(englishInvitation);
    expect(englishInvitation.text).toContain('as the manager of Yuyao Valve Works');

    await t.http().post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    const reset = await eventually(() =>
      smtp.to(member.email).find((m) => m.subject === '重置您的 certpact 密码'),
    );
    expectTextAndHtml(reset);
    expect(reset.html).toContain('/reset-password?token=');

    const certificate = await createCertificate(t, admin, { factoryId: factory.id });
    const submitted = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(english.auth)
      .send({
        kind: 'surveillance_audit',
        certificateId: certificate.id,
        nextSurveillanceAuditOn: '2027-10-01',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/submissions/${submitted.body.id}/reject`)
      .set(admin.auth)
      .send({ reason: 'The audit plan is not attached.' })
      .expect(200);
    const decision = await eventually(() =>
      smtp.to(english.email).find((m) => m.subject.includes('was rejected')),
    );
    expectTextAndHtml(decision);
    expect(decision.text).toContain('Reason: The audit plan is not attached.');
    expect(decision.html).toContain('The audit plan is not attached.');
  });

  it('writes a CN factory contact’s digest all in Chinese, without escalation or login links, with an unsubscribe link', async () => {
    t.clock.set('2027-02-10T01:00:00Z');
    const admin = await signUp(t, { organizationName: 'Ningbo Export Trading' });
    const contact = `quality-${Date.now()}@valve.example`;
    const factory = await createFactory(t, admin, {
      name: 'Yuyao Valve Works',
      contactEmail: contact,
      contactLocale: undefined,
    });
    const expired = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-01-20',
      expiresOn: '2027-01-20',
      nextSurveillanceAuditOn: null,
    });
    const expiring = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-03-12',
      expiresOn: '2027-03-12',
      nextSurveillanceAuditOn: null,
    });
    await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);

    const [mail, ...more] = smtp.digestsTo(contact);
    expect(more).toHaveLength(0);
    expectTextAndHtml(mail);
    const allowed = [
      'Ningbo Export Trading',
      'Yuyao Valve Works',
      expired.certificateNumber,
      expiring.certificateNumber,
    ];
    expect(englishWordsIn(mail.subject, allowed)).toEqual([]);
    expect(englishWordsIn(mail.text, allowed)).toEqual([]);
    expect(englishWordsIn(htmlWords(mail.html), allowed)).toEqual([]);
    expect(mail.text).toContain('已于 2027-01-20 过期（21 天前）');
    expect(mail.text).toContain('到期日：2027-03-12（还有 30 天）');
    expect(mail.text).toContain('== 已逾期 ==');
    // No internal escalation, nothing that needs a login.
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('已上报');
      expect(part).not.toContain('/acknowledge');
      expect(part).not.toContain('/certificates/');
      expect(part).not.toContain('/submissions');
    }
    // The unsubscribe link is visible: the web page (no login) for the same token as the
    // List-Unsubscribe one-click URL.
    const header = /<([^>]+)>/.exec(mail.rawHeaders.get('list-unsubscribe') ?? '')?.[1];
    const token = new URL(header!).searchParams.get('token')!;
    const page = `https://certpact.example/unsubscribe?token=${encodeURIComponent(token)}`;
    expect(mail.text).toContain(`退订此类邮件：${page}`);
    expect(mail.html).toContain(`href="${page}"`);

    // The admin's own digest (English) still links to the record.
    const [adminMail] = smtp.digestsTo(admin.email);
    expectTextAndHtml(adminMail);
    expect(adminMail.text).toContain('Expired on 2027-01-20, 21 days ago');
    expect(adminMail.text).toContain(`https://certpact.example/certificates/${expired.id}`);
  });

  it('sends nothing to a contact who unsubscribed after the scan queued its digest, and marks it not sent', async () => {
    t.clock.set('2027-02-10T01:00:00Z');
    const admin = await signUp(t);
    const contact = `late-${Date.now()}@valve.example`;
    const factory = await createFactory(t, admin, { contactEmail: contact });
    await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2024-03-12',
      expiresOn: '2027-03-12',
      nextSurveillanceAuditOn: null,
    });
    // The scan stores the rows (no jobs yet), as a scan whose jobs wait in the queue would.
    const scan = await t.app.get(ReminderScanService).scan(admin.organizationId);
    expect(scan.pendingDigests.length).toBeGreaterThanOrEqual(2);

    const patched = await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(admin.auth)
      .send({ contactMailEnabled: false })
      .expect(200);
    expect(patched.body.contactUnsubscribedAt).not.toBeNull();

    const before = smtp.digestsTo(contact).length;
    const outcomes = await Promise.all(
      scan.pendingDigests.map((digest) =>
        t.app.get(DigestDeliveryService).deliver(digest.digestId),
      ),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['sent', 'unsubscribed']);
    expect(smtp.digestsTo(contact).length).toBe(before);
    expect(smtp.digestsTo(admin.email)).toHaveLength(1);

    const reminders = await t.http().get('/api/v1/reminders').set(admin.auth).expect(200);
    const contactRows = (
      reminders.body.items as { recipient: string; state: string; lastError: string | null }[]
    ).filter((r) => r.recipient === contact);
    expect(contactRows.length).toBeGreaterThan(0);
    for (const row of contactRows) {
      expect(row.state).not.toBe('sent');
      expect(row.lastError ?? '').toContain('CONTACT_UNSUBSCRIBED');
    }
  });
});
