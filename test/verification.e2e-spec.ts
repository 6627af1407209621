import { randomBytes } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { makeCertificate, makeFactory } from './factories';
import { addFactoryManager, FakeCertSearch } from './factories/verification';
import { VerificationDueSource } from '../src/verification/verification-due.source';
import type { DueNotice } from '../src/reminders/reminder-source';
import { Transactions } from '../src/database/transactions';
import { addDays, todayIn } from '../src/common/dates';
import { CertificateVerification } from '../src/verification/verification.entity';
import { CertificateAudit } from '../src/verification/certificate-audit.entity';

const API_KEY = 'test-certsearch-key';

// jest.config.js sets testTimeout inside the e2e project, where Jest ignores it: booting
// the app on a busy machine can take longer than the default 5 s.
jest.setTimeout(60_000);

describe('certificate verification and risk signals', () => {
  let t: TestApp;
  let registry: FakeCertSearch;
  let org: Account;

  const post = (account: Account, path: string, body: object = {}) =>
    t.http().post(`/api/v1${path}`).set(account.auth).send(body);
  const get = (account: Account, path: string) => t.http().get(`/api/v1${path}`).set(account.auth);

  async function factory(account: Account, overrides: Record<string, unknown> = {}) {
    const response = await post(account, '/factories', makeFactory(overrides)).expect(201);
    return response.body as { id: string; name: string };
  }
  async function certificate(account: Account, overrides: Record<string, unknown> = {}) {
    const response = await post(account, '/certificates', makeCertificate(overrides)).expect(201);
    return response.body as { id: string; certificateNumber: string; status: string };
  }

  beforeAll(async () => {
    registry = new FakeCertSearch(API_KEY);
    const url = await registry.start();
    t = await startApp({
      env: {
        IAF_CERTSEARCH_URL: url,
        IAF_CERTSEARCH_API_KEY: API_KEY,
        IAF_CERTSEARCH_TIMEOUT_MS: '300',
        VERIFICATION_BACKOFF_MS: '50',
        RUN_WORKER: 'true',
      },
    });
    t.clock.set('2026-06-01T04:00:00Z');
    org = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await registry.stop();
  });

  describe('verification records', () => {
    it('names every bad field', async () => {
      const f = await factory(org);
      const c = await certificate(org, { factoryId: f.id });
      const response = await post(org, `/certificates/${c.id}/verifications`, {
        method: 'phone_call',
        result: 'ok',
        checkedOn: '2026-02-30',
        evidenceUrl: 'ftp://example.com/x',
      }).expect(400);
      const fields = (response.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['method', 'result', 'checkedOn', 'evidenceUrl']));

      const future = await post(org, `/certificates/${c.id}/verifications`, {
        method: 'manual',
        result: 'confirmed',
        checkedOn: '2026-06-02',
      }).expect(400);
      expect(future.body.details[0].field).toBe('checkedOn');
    });

    it('records a check and answers the verification state with the certificate', async () => {
      const f = await factory(org);
      const c = await certificate(org, { factoryId: f.id });
      const before = await get(org, `/certificates/${c.id}`).expect(200);
      expect(before.body.verification).toEqual({ state: 'unverified', lastCheck: null });

      const recorded = await post(org, `/certificates/${c.id}/verifications`, {
        method: 'cnca',
        result: 'confirmed',
        checkedOn: '2026-05-30',
        evidenceUrl: 'https://cx.cnca.cn/example',
        notes: 'Checked on the CNCA site',
      }).expect(201);
      expect(recorded.body).toMatchObject({ method: 'cnca', result: 'confirmed', source: 'manual', verification: { state: 'verified' } });

      const list = await get(org, `/certificates/${c.id}/verifications`).expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ checkedOn: '2026-05-30', evidenceUrl: 'https://cx.cnca.cn/example' });

      const after = await get(org, `/certificates/${c.id}`).expect(200);
      expect(after.body.verification).toMatchObject({ state: 'verified', lastCheck: { result: 'confirmed', checkedOn: '2026-05-30' } });
      const listed = await get(org, `/certificates?factoryId=${f.id}`).expect(200);
      expect(listed.body.items[0].verification.state).toBe('verified');
    });

    it('deletes the checks and audits with their certificate', async () => {
      const c = await certificate(org, { factoryId: (await factory(org)).id });
      await post(org, `/certificates/${c.id}/verifications`, { method: 'manual', result: 'confirmed', checkedOn: '2026-05-01' }).expect(201);
      await post(org, `/certificates/${c.id}/audits`, { kind: 'surveillance', auditedOn: '2026-05-01' }).expect(201);
      await t.http().delete(`/api/v1/certificates/${c.id}`).set(org.auth).expect(204);
      const manager = t.app.get(Transactions).manager;
      expect(await manager.getRepository(CertificateVerification).countBy({ certificateId: c.id })).toBe(0);
      expect(await manager.getRepository(CertificateAudit).countBy({ certificateId: c.id })).toBe(0);
    });

    it('documents its routes in the OpenAPI document', async () => {
      const document = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(document.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/signals', '/api/v1/certificates/{id}/verify', '/api/v1/certificates/verify', '/api/v1/certificates/{id}/verifications']),
      );
    });

    it('moves the certificate to suspended or withdrawn, as an audit event', async () => {
      const c = await certificate(org, { factoryId: (await factory(org)).id });
      await post(org, `/certificates/${c.id}/verifications`, { method: 'certification_body_registry', result: 'suspended', checkedOn: '2026-05-31' }).expect(201);
      let current = await get(org, `/certificates/${c.id}`).expect(200);
      expect(current.body.status).toBe('suspended');
      expect(current.body.verification.state).toBe('failed');
      await post(org, `/certificates/${c.id}/verifications`, { method: 'manual', result: 'withdrawn', checkedOn: '2026-06-01' }).expect(201);
      current = await get(org, `/certificates/${c.id}`).expect(200);
      expect(current.body.status).toBe('withdrawn');
      const events = await get(org, `/audit-events?entityId=${c.id}`).expect(200);
      const actions = (events.body.items as { action: string }[]).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['certificate.suspended', 'certificate.withdrawn', 'certificate.verification_recorded']));
    });

    it('treats a recent not_found as pending_registry, and as failed after 45 days', async () => {
      const c = await certificate(org, { factoryId: (await factory(org)).id, issuedOn: '2026-05-20', expiresOn: '2029-05-19', nextSurveillanceAuditOn: null });
      await post(org, `/certificates/${c.id}/verifications`, { method: 'iaf_certsearch', result: 'not_found', checkedOn: '2026-05-25' }).expect(201);
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.verification.state).toBe('pending_registry');
      t.clock.set('2026-07-04T04:00:00Z'); // 45 days after issue
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.verification.state).toBe('pending_registry');
      t.clock.set('2026-07-05T04:00:00Z'); // 46 days
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.verification.state).toBe('failed');
      t.clock.set('2026-06-01T04:00:00Z');
    });
  });

  describe('IAF CertSearch adapter against a local registry', () => {
    async function certificateOf(name: string, overrides: Record<string, unknown> = {}) {
      const f = await factory(org, { name, licenseNumber: '91350100M000100Y43' });
      return certificate(org, { factoryId: f.id, ...overrides });
    }

    it('confirms a certificate the registry lists as active, sending the documented request', async () => {
      const name = `Found Valve ${randomBytes(3).toString('hex')}`;
      const c = await certificateOf(name);
      registry.behaviours.set(name, { kind: 'certified', certificateNumber: c.certificateNumber, status: 'Active' });
      const response = await post(org, `/certificates/${c.id}/verify`).expect(201);
      expect(response.body.verifications).toHaveLength(1);
      expect(response.body.verifications[0]).toMatchObject({
        method: 'iaf_certsearch',
        result: 'confirmed',
        source: 'registry',
        checkedOn: '2026-06-01',
        registryReference: `cert_${c.certificateNumber}`,
      });
      expect(response.body.verification.state).toBe('verified');
      const seen = registry.requests.find((r) => r.body.company_name === name)!;
      expect(seen).toMatchObject({
        path: '/verify-companies',
        apiKey: API_KEY,
        body: { company_country: 'CN', match_rate: 100, company_identifiers: { business_registration_number: '91350100M000100Y43' } },
      });
    });

    it('records not_found when the registry does not know the company', async () => {
      const c = await certificateOf(`Missing ${randomBytes(3).toString('hex')}`, { issuedOn: '2024-01-10', expiresOn: '2027-01-09', nextSurveillanceAuditOn: '2027-01-01' });
      const response = await post(org, `/certificates/${c.id}/verify`).expect(201);
      expect(response.body.verifications[0].result).toBe('not_found');
      expect(response.body.verification.state).toBe('failed');
    });

    it('records a suspension and suspends the certificate', async () => {
      const name = `Suspended ${randomBytes(3).toString('hex')}`;
      const c = await certificateOf(name);
      registry.behaviours.set(name, { kind: 'certified', certificateNumber: c.certificateNumber, status: 'Suspended' });
      const response = await post(org, `/certificates/${c.id}/verify`).expect(201);
      expect(response.body.verifications[0].result).toBe('suspended');
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.status).toBe('suspended');
    });

    it('answers 502 and stores nothing when the registry times out', async () => {
      const name = `Slow ${randomBytes(3).toString('hex')}`;
      const c = await certificateOf(name);
      registry.behaviours.set(name, { kind: 'hang' });
      const response = await post(org, `/certificates/${c.id}/verify`).expect(502);
      expect(response.body.message).toMatch(/did not answer/);
      expect((await get(org, `/certificates/${c.id}/verifications`).expect(200)).body.total).toBe(0);
    });

    it('answers 502 and stores nothing when the registry fails', async () => {
      const name = `Broken ${randomBytes(3).toString('hex')}`;
      const c = await certificateOf(name);
      registry.behaviours.set(name, { kind: 'error', status: 500 });
      const response = await post(org, `/certificates/${c.id}/verify`).expect(502);
      expect(response.body).toMatchObject({ statusCode: 502, code: 'VERIFICATION.REGISTRY_FAILED' });
      expect((await get(org, `/certificates/${c.id}/verifications`).expect(200)).body.total).toBe(0);
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.status).toBe('active');
    });

    it('verifies many certificates in a rate-limited job whose status can be read', async () => {
      const name = `Bulk ${randomBytes(3).toString('hex')}`;
      const f = await factory(org, { name });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await certificate(org, { factoryId: f.id, certificateNumber: `BULK-${i}-${randomBytes(2).toString('hex')}` });
        ids.push(c.id);
      }
      const first = (await get(org, `/certificates/${ids[0]}`).expect(200)).body as { certificateNumber: string };
      registry.behaviours.set(name, { kind: 'certified', certificateNumber: first.certificateNumber, status: 'Active' });

      expect((await post(org, '/certificates/verify', {}).expect(400)).body.details[0].field).toBe('certificateIds');
      const started = await post(org, '/certificates/verify', { certificateIds: ids }).expect(202);
      expect(started.body).toMatchObject({ total: 3 });
      const jobId = started.body.jobId as string;

      let status = started.body as { state: string; summary: unknown };
      for (let attempt = 0; attempt < 200 && status.state !== 'completed'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await get(org, `/certificates/verify/${jobId}`).expect(200)).body;
      }
      expect(status).toMatchObject({ state: 'completed', done: 3, summary: { total: 3, checked: 3, failed: 0, byResult: { confirmed: 1, not_found: 2 } } });
      const records = await get(org, `/certificates/${ids[0]}/verifications`).expect(200);
      expect(records.body.items[0]).toMatchObject({ result: 'confirmed', source: 'registry' });
    });
  });

  describe('bulk verification with a registry that stays down', () => {
    it('retries, then completes the batch counting the certificate as failed', async () => {
      const name = `Down ${randomBytes(3).toString('hex')}`;
      const c = await certificate(org, { factoryId: (await factory(org, { name })).id });
      registry.behaviours.set(name, { kind: 'error', status: 500 });
      const started = await post(org, '/certificates/verify', { certificateIds: [c.id] }).expect(202);
      let status = started.body as { state: string };
      for (let attempt = 0; attempt < 600 && status.state !== 'completed'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await get(org, `/certificates/verify/${started.body.jobId}`).expect(200)).body;
      }
      expect(status).toMatchObject({ state: 'completed', done: 1, summary: { total: 1, checked: 0, failed: 1 } });
      const attempts = registry.requests.filter((r) => r.body.company_name === name).length;
      expect(attempts).toBe(3);
      expect((await get(org, `/certificates/${c.id}/verifications`).expect(200)).body.total).toBe(0);
    });
  });

  describe('risk signals', () => {
    it('answers the signals with the certificate and lists them, filtered and paginated', async () => {
      const valves = await factory(org, { productCategories: ['valves'] });
      const pumps = await factory(org, { productCategories: ['pumps'] });
      const clean = await certificate(org, { factoryId: valves.id, issuedOn: '2025-09-01', expiresOn: '2028-08-31', nextSurveillanceAuditOn: '2026-08-15' });
      const long = await certificate(org, { factoryId: valves.id, issuedOn: '2025-03-01', expiresOn: '2028-06-01' });
      const future = await certificate(org, { factoryId: valves.id, issuedOn: '2026-07-01', expiresOn: '2029-06-30', nextSurveillanceAuditOn: null });
      const oldEdition = await certificate(org, { factoryId: valves.id, standard: 'ISO 9001:2008', issuedOn: '2019-01-10', expiresOn: '2022-01-09' });
      const unaccredited = await certificate(org, { factoryId: valves.id, accreditationBody: 'United Accreditation Foundation' });
      const misses = await certificate(org, { factoryId: pumps.id, scope: 'Manufacture of industrial valves' });
      const shared = await certificate(org, { factoryId: valves.id });
      const borrowed = await certificate(org, { factoryId: pumps.id, certificateNumber: shared.certificateNumber, scope: 'Manufacture of pumps' });
      const trader = await certificate(org, { factoryId: null, iafCodes: [29], productCategories: ['valves'], scope: 'Wholesale of valves' });
      const overdue = await certificate(org, { factoryId: valves.id, issuedOn: '2025-04-01', expiresOn: '2028-03-31', nextSurveillanceAuditOn: null });

      const ids = async (id: string) =>
        ((await get(org, `/certificates/${id}`).expect(200)).body.signals as { id: string; explanation: string }[]).map((s) => s.id);
      expect(await ids(clean.id)).toEqual([]);
      expect(await ids(long.id)).toContain('validity_too_long');
      expect(await ids(future.id)).toContain('issued_in_future');
      expect(await ids(oldEdition.id)).toContain('edition_not_certifiable');
      expect(await ids(unaccredited.id)).toContain('accreditation_body_not_iaf_mla');
      expect(await ids(misses.id)).toContain('scope_misses_factory_products');
      expect(await ids(shared.id)).toContain('number_used_by_another_holder');
      expect(await ids(borrowed.id)).toContain('number_used_by_another_holder');
      expect(await ids(trader.id)).toContain('trading_scope_offered_as_production');
      expect(await ids(overdue.id)).toContain('surveillance_overdue');

      // Recording the audit clears the surveillance signal.
      expect((await post(org, `/certificates/${overdue.id}/audits`, { kind: 'surveillance', auditedOn: '2099-01-01' }).expect(400)).body.details[0].field).toBe('auditedOn');
      expect((await post(org, `/certificates/${overdue.id}/audits`, { kind: 'visit', auditedOn: 'soon' }).expect(400)).body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'auditedOn']));
      await post(org, `/certificates/${overdue.id}/audits`, { kind: 'surveillance', auditedOn: '2026-03-20' }).expect(201);
      expect(await ids(overdue.id)).not.toContain('surveillance_overdue');

      const all = await get(org, '/signals?pageSize=200').expect(200);
      expect(all.body.items.length).toBe(all.body.total);
      const byCertificate = await get(org, `/signals?certificateId=${misses.id}`).expect(200);
      expect(byCertificate.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ certificateId: misses.id, factoryId: pumps.id, id: 'scope_misses_factory_products', explanation: expect.stringMatching(/pumps/) }),
        ]),
      );
      expect(byCertificate.body.items.every((s: { certificateId: string }) => s.certificateId === misses.id)).toBe(true);
      const onlyTrader = await get(org, '/signals?signal=trading_scope_offered_as_production').expect(200);
      expect(onlyTrader.body.items.map((s: { certificateId: string }) => s.certificateId)).toEqual([trader.id]);
      const ofPumps = await get(org, `/signals?factoryId=${pumps.id}`).expect(200);
      expect(new Set(ofPumps.body.items.map((s: { certificateId: string }) => s.certificateId))).toEqual(new Set([misses.id, borrowed.id]));
      const paged = await get(org, '/signals?pageSize=2&page=2').expect(200);
      expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
      expect(paged.body.items).toHaveLength(2);
      expect((await get(org, '/signals?signal=nonsense').expect(400)).body.details[0].field).toBe('signal');
    });
  });

  describe('factory managers', () => {
    it('may read the checks of their own factory only, and nothing else of verification', async () => {
      const own = await factory(org);
      const foreign = await factory(org);
      const ownCertificate = await certificate(org, { factoryId: own.id });
      const foreignCertificate = await certificate(org, { factoryId: foreign.id });
      await post(org, `/certificates/${ownCertificate.id}/verifications`, { method: 'manual', result: 'confirmed', checkedOn: '2026-05-01' }).expect(201);
      const manager = await addFactoryManager(t, org, own.id);

      const list = await t.http().get(`/api/v1/certificates/${ownCertificate.id}/verifications`).set(manager.auth).expect(200);
      expect(list.body.total).toBe(1);
      await t.http().get(`/api/v1/certificates/${foreignCertificate.id}/verifications`).set(manager.auth).expect(404);
      await t.http().post(`/api/v1/certificates/${ownCertificate.id}/verifications`).set(manager.auth).send({ method: 'manual', result: 'withdrawn', checkedOn: '2026-05-01' }).expect(403);
      await t.http().post(`/api/v1/certificates/${ownCertificate.id}/verify`).set(manager.auth).expect(403);
      await t.http().get('/api/v1/signals').set(manager.auth).expect(403);
    });
  });

  describe('verification_due reminder source', () => {
    it('yields never-verified certificates 14 days after recording, and stale confirmations after a year', async () => {
      const account = await signUp(t, { organizationName: 'Reminder Trading' });
      const f = await factory(account);
      t.clock.set('2026-06-01T04:00:00Z');
      const never = await certificate(account, { factoryId: f.id });
      const confirmed = await certificate(account, { factoryId: f.id });
      await post(account, `/certificates/${confirmed.id}/verifications`, { method: 'manual', result: 'confirmed', checkedOn: '2026-06-01' }).expect(201);

      const source = t.app.get(VerificationDueSource);
      const scan = async (today: string) => {
        const notices: DueNotice[] = [];
        const context = {
          organizationId: account.organizationId,
          today,
          policy: { thresholdsDays: [30], sendHour: 8, timezone: 'Asia/Shanghai', locale: 'en', escalateAfterDays: 7, overdueRepeatDays: 7, unassignedRecipients: 'admins' as const },
          manager: t.app.get(Transactions).manager,
          batchSize: 1,
        };
        for await (const batch of source.scan(context)) notices.push(...batch);
        return notices;
      };
      // A certificate is recorded at the app Clock's time (the test clock here).
      const createdAt = (await get(account, `/certificates/${never.id}`).expect(200)).body.createdAt as string;
      const recordedOn = todayIn('Asia/Shanghai', new Date(createdAt));
      expect(await scan(addDays(recordedOn, 13))).toEqual([]);
      const due = await scan(addDays(recordedOn, 14));
      expect(due).toEqual([
        expect.objectContaining({ kind: 'verification_due', subjectId: never.id, dueOn: addDays(recordedOn, 14), audience: 'admins', dedupeKey: `cert:${never.id}:verification_due:never` }),
      ]);
      const later = await scan('2027-06-01');
      expect(later.map((n) => n.subjectId).sort()).toEqual([never.id, confirmed.id].sort());
      const rendered = source.render({ ...later.find((n) => n.subjectId === confirmed.id)!, daysLeft: 0 }, 'zh-CN');
      expect(rendered.title).toContain(confirmed.certificateNumber);
      expect(rendered.link).toBe(`/certificates/${confirmed.id}/verifications`);
    });
  });

  describe('tenant isolation', () => {
    it('hides every verification route and job of another organization', async () => {
      const other = await signUp(t, { organizationName: 'Other Trading' });
      const f = await factory(org);
      const c = await certificate(org, { factoryId: f.id });
      await post(org, `/certificates/${c.id}/verifications`, { method: 'manual', result: 'confirmed', checkedOn: '2026-05-01' }).expect(201);

      await get(other, `/certificates/${c.id}/verifications`).expect(404);
      await post(other, `/certificates/${c.id}/verifications`, { method: 'manual', result: 'withdrawn', checkedOn: '2026-05-01' }).expect(404);
      await post(other, `/certificates/${c.id}/verify`).expect(404);
      await post(other, `/certificates/${c.id}/audits`, { kind: 'surveillance', auditedOn: '2026-05-01' }).expect(404);
      await get(other, `/certificates/${c.id}/audits`).expect(404);
      await get(other, `/signals?certificateId=${c.id}`).expect(404);
      await post(other, '/certificates/verify', { certificateIds: [c.id] }).expect(404);
      expect((await get(other, '/signals').expect(200)).body.total).toBe(0);
      expect((await get(org, `/certificates/${c.id}`).expect(200)).body.status).toBe('active');

      const started = await post(org, '/certificates/verify', { certificateIds: [c.id] }).expect(202);
      await get(other, `/certificates/verify/${started.body.jobId}`).expect(404);
      await get(org, `/certificates/verify/${started.body.jobId}`).expect(200);
    });

    it('says only that a number exists in another organization, never whose', async () => {
      const owner = await signUp(t, { organizationName: 'Secret Owner Trading' });
      const ownerFactory = await factory(owner, { name: 'Hidden Valve Works' });
      const original = await certificate(owner, { factoryId: ownerFactory.id });

      const copier = await signUp(t, { organizationName: 'Copier Trading' });
      const copierFactory = await factory(copier);
      const copy = await certificate(copier, { factoryId: copierFactory.id, certificateNumber: original.certificateNumber });

      const answers = [
        await get(copier, `/certificates/${copy.id}`).expect(200),
        await get(copier, '/signals').expect(200),
        await get(copier, `/signals?signal=number_exists_in_another_organization`).expect(200),
      ];
      expect((answers[0].body.signals as { id: string }[]).map((s) => s.id)).toContain('number_exists_in_another_organization');
      expect(answers[2].body.items).toEqual([
        expect.objectContaining({ certificateId: copy.id, id: 'number_exists_in_another_organization' }),
      ]);
      for (const answer of answers) {
        const text = JSON.stringify(answer.body);
        for (const secret of [owner.organizationId, ownerFactory.id, 'Hidden Valve Works', original.id, 'Secret Owner Trading', owner.email]) {
          expect(text).not.toContain(secret);
        }
      }
      // The owner sees the mirror signal, equally anonymous.
      const mirror = await get(owner, `/certificates/${original.id}`).expect(200);
      expect(JSON.stringify(mirror.body)).not.toContain(copier.organizationId);
      expect((mirror.body.signals as { id: string }[]).map((s) => s.id)).toContain('number_exists_in_another_organization');
    });
  });
});

describe('verification without a configured registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { IAF_CERTSEARCH_URL: '', IAF_CERTSEARCH_API_KEY: '' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('says that no registry is configured (503) and still records manual checks', async () => {
    const org = await signUp(t);
    const f = await t.http().post('/api/v1/factories').set(org.auth).send(makeFactory()).expect(201);
    const c = await t.http().post('/api/v1/certificates').set(org.auth).send(makeCertificate({ factoryId: f.body.id })).expect(201);
    const response = await t.http().post(`/api/v1/certificates/${c.body.id}/verify`).set(org.auth).expect(503);
    expect(response.body).toMatchObject({ code: 'VERIFICATION.NO_REGISTRY', message: expect.stringMatching(/IAF_CERTSEARCH_URL/) });
    await t.http().post('/api/v1/certificates/verify').set(org.auth).send({ all: true }).expect(503);
    await t.http().post(`/api/v1/certificates/${c.body.id}/verifications`).set(org.auth).send({ method: 'manual', result: 'confirmed', checkedOn: '2026-01-01' }).expect(201);
  });
});
