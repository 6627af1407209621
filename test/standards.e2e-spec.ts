import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFile } from '../src/config/project-root';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { createCertificate, createFactory } from './factories/reminders';
import { Account, signUp } from './support/accounts';
import { startMailingApp } from './support/mailing-app';
import { startApp, TestApp } from './support/app';
import { deleteQueueKeys } from './support/redis';
import { createTestDatabase } from './support/test-database';
import { TestSmtpServer } from './support/smtp';

/**
 * The rules of certification as they stand at the end of 2026: editions with two
 * transition dates, catalogue overrides in DATA_DIR, and the transition_audit_due notice
 * in the daily digest, on a real database and a real SMTP server.
 */
jest.setTimeout(60_000);

interface StandardBody {
  code: string;
  status: string;
  newEditionAuditsFrom: string | null;
  validUntil: string | null;
  certifiableUntil: string | null;
  transition: { validUntil: { source: string; takenOn: string; provisional: boolean } | null };
}

describe('standards catalogue and transitions', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;
  let admin: Account;

  beforeAll(async () => {
    ({ t, smtp, close } = await startMailingApp());
    t.clock.set('2026-12-02T02:00:00Z');
    admin = await signUp(t, { organizationName: 'Edition Trading' });
  });
  afterAll(() => close());

  const standards = async () =>
    (await t.http().get('/api/v1/standards').set(admin.auth).expect(200)).body as {
      items: StandardBody[];
      reviewedOn: string;
    };

  it('lists each edition with both transition dates, their sources, and the old field for older clients', async () => {
    const { items, reviewedOn } = await standards();
    expect(reviewedOn).toBe('2026-12-02');
    const iso9001v2008 = items.find((s) => s.code === 'ISO 9001:2008')!;
    expect(iso9001v2008).toMatchObject({
      newEditionAuditsFrom: '2018-03-15',
      validUntil: '2018-09-15',
      certifiableUntil: '2018-09-15',
    });
    expect(iso9001v2008.transition.validUntil?.source).toContain('IAF Resolution 2017-13');
    expect(items.find((s) => s.code === 'ISO 9001:2026')!.status).toBe('expected');
    expect(items.find((s) => s.code === 'ISO 14001:2026')).toMatchObject({
      status: 'published',
      validUntil: null,
    });
  });

  it('records and lists an ISO 14001:2026 certificate', async () => {
    const factory = await createFactory(t, admin, { name: 'Cixi Kettle Works' });
    const created = await createCertificate(t, admin, {
      factoryId: factory.id,
      standard: 'ISO 14001:2026',
      issuedOn: '2026-11-01',
      expiresOn: '2029-10-31',
      nextSurveillanceAuditOn: '2027-10-15',
    });
    const list = await t
      .http()
      .get('/api/v1/certificates')
      .query({ standard: 'ISO 14001:2026' })
      .set(admin.auth)
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(list.body.items[0]).toMatchObject({
      status: 'active',
      edition: { status: 'published', successor: null, validUntil: null },
    });
  });

  it('shows an ISO 14001:2015 certificate its transition dates and sends transition_audit_due in the digest', async () => {
    const contact = 'env@transition.example';
    const factory = await createFactory(t, admin, { name: 'Ningbo Pump', contactEmail: contact });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      standard: 'ISO 14001:2015',
      issuedOn: '2026-01-10',
      expiresOn: '2029-01-09',
      nextSurveillanceAuditOn: '2028-11-20',
    });
    const shown = await t
      .http()
      .get(`/api/v1/certificates/${certificate.id}`)
      .set(admin.auth)
      .expect(200);
    expect(shown.body.edition).toEqual({
      status: 'published',
      successor: 'ISO 14001:2026',
      newEditionAuditsFrom: '2028-10-15',
      validUntil: '2029-04-15',
      provisional: true,
    });

    // 180 days before the surveillance audit of 2028-11-20
    t.clock.set('2028-05-24T02:00:00Z');
    const before = smtp.digests.length;
    const scan = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
    expect(scan.body.digestsRetrying).toBe(0);
    const mails = smtp.digests.slice(before).filter((m) => m.to.includes(contact));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(
      `Next audit of ISO 14001:2015 certificate ${certificate.certificateNumber} of Ningbo Pump must be a transition audit to ISO 14001:2026`,
    );
    expect(mails[0].text).toContain('due 2028-11-20 falls on or after 2028-10-15');
    const reminders = await t
      .http()
      .get('/api/v1/reminders')
      .query({ kind: 'transition_audit_due', pageSize: 100 })
      .set(admin.auth)
      .expect(200);
    const toContact = reminders.body.items.filter(
      (r: { recipient: string }) => r.recipient === contact,
    );
    expect(toContact).toHaveLength(1);
    expect(toContact[0]).toMatchObject({
      subjectId: certificate.id,
      payload: { thresholdDays: 180 },
    });

    // the same day again: nothing new
    const again = await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
    expect(again.body.created).toBe(0);
  });

  it('treats a certificate of an edition past validUntil as expired (ISO 9001:2008 after 2018-09-15)', async () => {
    t.clock.set('2018-09-14T02:00:00Z');
    const factory = await createFactory(t, admin, { name: 'Old Edition Valve' });
    const old = await createCertificate(t, admin, {
      factoryId: factory.id,
      standard: 'ISO 9001:2008',
      issuedOn: '2017-01-10',
      expiresOn: '2020-01-09',
      nextSurveillanceAuditOn: null,
    });
    const on = async () =>
      (await t.http().get(`/api/v1/certificates/${old.id}`).set(admin.auth).expect(200)).body as {
        status: string;
        recordedStatus: string;
      };
    expect((await on()).status).toBe('active');
    t.clock.set('2018-09-16T02:00:00Z');
    expect(await on()).toMatchObject({ status: 'expired', recordedStatus: 'active' });
  });
});

describe('scopes written in Chinese (config/product-vocabulary.json)', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp();
    t.clock.set('2026-12-02T02:00:00Z');
    admin = await signUp(t, { organizationName: 'Kettle Trading' });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(t.env.QUEUE_PREFIX);
  });

  const certificateOf = async (id: string) =>
    (await t.http().get(`/api/v1/certificates/${id}`).set(admin.auth).expect(200)).body as {
      signals: { id: string }[];
      scopeAssessment: { result: string; explanation: string } | null;
    };

  it("raises no scope signal for a kettle factory whose scope says 电热水壶, and covers a buyer's kettle requirement", async () => {
    const factory = await createFactory(t, admin, {
      name: 'Cixi Electric Appliance',
      productCategories: ['kettles'],
    });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      scope: '电热水壶的设计和生产',
      productCategories: [],
      issuedOn: '2026-03-01',
      expiresOn: '2029-02-28',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    const shown = await certificateOf(certificate.id);
    expect(shown.signals.map((s) => s.id)).not.toContain('scope_misses_factory_products');
    expect(shown.scopeAssessment?.result).toBe('covered');

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
      .send(makeRequirement({ standard: 'ISO 9001:2015', productCategory: 'kettles' }))
      .expect(201);
    const gaps = await t
      .http()
      .get('/api/v1/gaps')
      .query({ buyerId: buyer.body.id, pageSize: 100 })
      .set(admin.auth)
      .expect(200);
    const rules = (gaps.body.items as { rule: string; certificateId: string | null }[]).map(
      (g) => g.rule,
    );
    expect(rules).not.toContain('no_certificate');
    expect(rules).not.toContain('scope_not_covering');
    // what remains is about the covering certificate itself (never verified)
    for (const gap of gaps.body.items as { certificateId: string | null }[])
      expect(gap.certificateId).toBe(certificate.id);
  });

  it('says "scope not assessed" when no word of the category is known in the scope\'s language', async () => {
    const factory = await createFactory(t, admin, { productCategories: ['gaskets'] });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      scope: '密封垫片的设计和生产',
      productCategories: [],
    });
    const shown = await certificateOf(certificate.id);
    expect(shown.signals.map((s) => s.id)).not.toContain('scope_misses_factory_products');
    expect(shown.scopeAssessment).toMatchObject({ result: 'not_assessed' });
    expect(shown.scopeAssessment!.explanation).toContain('Scope not assessed');
  });

  it('still raises the signal for a Chinese scope of other products (电热水器 are water heaters)', async () => {
    const factory = await createFactory(t, admin, { productCategories: ['kettles'] });
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      scope: '电热水器的设计和生产',
      productCategories: [],
    });
    const shown = await certificateOf(certificate.id);
    expect(shown.signals.map((s) => s.id)).toContain('scope_misses_factory_products');
    expect(shown.scopeAssessment?.result).toBe('not_covered');
  });
});

describe('catalogue override in DATA_DIR', () => {
  const shipped = JSON.parse(readFileSync(configFile('standards.json'), 'utf8')) as {
    standards: Record<string, unknown>[];
  };
  const iso9001v2026 = shipped.standards.find((s) => s.code === 'ISO 9001:2026')!;

  it('flips ISO 9001:2026 to published without a release', async () => {
    const database = await createTestDatabase();
    writeFileSync(
      join(database.dataDir, 'standards.json'),
      JSON.stringify({
        standards: [{ ...iso9001v2026, status: 'published', publishedOn: '2026-09-30' }],
      }),
    );
    const t = await startApp({ database });
    try {
      const admin = await signUp(t, { organizationName: 'Override Trading' });
      const { body } = await t.http().get('/api/v1/standards').set(admin.auth).expect(200);
      const items = body.items as StandardBody[];
      expect(items.find((s) => s.code === 'ISO 9001:2026')!.status).toBe('published');
      // the other shipped entries stay
      expect(items.find((s) => s.code === 'ISO 14001:2026')).toBeDefined();
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
