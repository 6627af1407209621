import { startApp, TestApp } from './support/app';
import { Account, addStaff, signUp } from './support/accounts';
import { createCertificate, createFactory, makeCertificate } from './factories';
import { withInvalid } from './factories/bodies';

interface ErrorBody {
  statusCode: number;
  message: string;
  code?: string;
  details: { field: string; message: string }[];
}

interface CertificateBody {
  id: string;
  factoryId: string | null;
  status: string;
  expiresOn: string;
  daysUntilExpiry: number;
  supersedesId: string | null;
  supersededById: string | null;
  certificateNumber: string;
}

interface AuditItem {
  action: string;
  actorId: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('certificates', () => {
  let t: TestApp;
  let admin: Account;
  let factoryId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = await newFactory(admin);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  async function newFactory(account: Account): Promise<string> {
    return (await createFactory(t, account)).id;
  }

  async function newCertificate(
    account: Account,
    overrides: Record<string, unknown> = {},
  ): Promise<CertificateBody> {
    return (await createCertificate(t, account, overrides)) as unknown as CertificateBody;
  }

  async function list(
    account: Account,
    query: string,
  ): Promise<{ items: CertificateBody[]; total: number; page: number; pageSize: number }> {
    const response = await t
      .http()
      .get(`/api/v1/certificates${query}`)
      .set(account.auth)
      .expect(200);
    return response.body as {
      items: CertificateBody[];
      total: number;
      page: number;
      pageSize: number;
    };
  }

  async function auditOf(account: Account, entityId: string): Promise<AuditItem[]> {
    const response = await t
      .http()
      .get(`/api/v1/audit-events?entityId=${entityId}`)
      .set(account.auth)
      .expect(200);
    return response.body.items as AuditItem[];
  }

  describe('CRUD', () => {
    it('creates a factory certificate and the trader’s own, reads, updates and deletes them', async () => {
      const created = await t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(
          makeCertificate({ factoryId, certificateNumber: ' 04524Q30123R2M ', iafCodes: [18, 19] }),
        )
        .expect(201);
      expect(created.body).toMatchObject({
        factoryId,
        holder: 'factory',
        standard: 'ISO 9001:2015',
        certificateNumber: '04524Q30123R2M',
        iafCodes: [18, 19],
        sites: ['88 Industrial Road, Ningbo'],
        productCategories: ['valves'],
        issuedOn: '2025-03-01',
        expiresOn: '2028-02-28',
        nextSurveillanceAuditOn: '2026-02-15',
        status: 'active',
        supersedesId: null,
        supersededById: null,
      });
      expect(typeof created.body.daysUntilExpiry).toBe('number');
      const id = created.body.id as string;

      const read = await t.http().get(`/api/v1/certificates/${id}`).set(admin.auth).expect(200);
      expect(read.body).toEqual(created.body);

      const own = await t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(makeCertificate({ factoryId: null, standard: 'ISO 14001:2015' }))
        .expect(201);
      expect(own.body).toMatchObject({
        factoryId: null,
        holder: 'own',
        standard: 'ISO 14001:2015',
      });

      const updated = await t
        .http()
        .patch(`/api/v1/certificates/${id}`)
        .set(admin.auth)
        .send({ status: 'suspended', nextSurveillanceAuditOn: null, expiresOn: '2028-03-31' })
        .expect(200);
      expect(updated.body).toMatchObject({
        status: 'suspended',
        nextSurveillanceAuditOn: null,
        expiresOn: '2028-03-31',
        factoryId,
      });

      await t.http().delete(`/api/v1/certificates/${id}`).set(admin.auth).expect(204);
      await t.http().get(`/api/v1/certificates/${id}`).set(admin.auth).expect(404);
      await t
        .http()
        .patch(`/api/v1/certificates/${id}`)
        .set(admin.auth)
        .send({ scope: 'x' })
        .expect(404);

      const events = await auditOf(admin, id);
      expect(events.map((e) => e.action).sort()).toEqual([
        'certificate.created',
        'certificate.deleted',
        'certificate.updated',
      ]);
      const update = events.find((e) => e.action === 'certificate.updated');
      expect(update).toMatchObject({
        actorId: admin.userId,
        before: { status: 'active', expiresOn: '2028-02-28' },
        after: { status: 'suspended', expiresOn: '2028-03-31' },
      });
    });

    it('lists the known standards', async () => {
      const response = await t.http().get('/api/v1/standards').set(admin.auth).expect(200);
      const codes = (response.body.items as { code: string }[]).map((s) => s.code);
      expect(codes).toEqual(
        expect.arrayContaining(['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018']),
      );
    });
  });

  describe('validation', () => {
    it('refuses an unknown standard with a message that lists the known ones', async () => {
      const response = await t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(makeCertificate({ factoryId, standard: 'ISO 9999:2030' }))
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'CERTIFICATE.UNKNOWN_STANDARD',
        details: [{ field: 'standard' }],
      });
      for (const code of ['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018']) {
        expect(response.body.message).toContain(code);
      }
    });

    it.each([
      [
        'a certificate number over 60 characters',
        { certificateNumber: 'X'.repeat(61) },
        'certificateNumber',
      ],
      ['an empty certificate number', { certificateNumber: '  ' }, 'certificateNumber'],
      ['an IAF code of 0', { iafCodes: [0] }, 'iafCodes'],
      ['an IAF code of 40', { iafCodes: [18, 40] }, 'iafCodes'],
      ['a fractional IAF code', { iafCodes: [1.5] }, 'iafCodes'],
      ['an IAF code as text', { iafCodes: ['18'] }, 'iafCodes'],
      ['iafCodes not an array', { iafCodes: 18 }, 'iafCodes'],
      ['iafCodes null', { iafCodes: null }, 'iafCodes'],
      ['sites null', { sites: null }, 'sites'],
      ['productCategories not strings', { productCategories: [{ a: 1 }] }, 'productCategories'],
      ['30 February', { expiresOn: '2027-02-30' }, 'expiresOn'],
      ['a date without leading zeros', { issuedOn: '2025-3-1' }, 'issuedOn'],
      ['a timestamp for a date', { issuedOn: '2025-03-01T00:00:00Z' }, 'issuedOn'],
      ['a missing expiry date', { expiresOn: undefined }, 'expiresOn'],
      [
        'a bad surveillance date',
        { nextSurveillanceAuditOn: '2026-13-01' },
        'nextSurveillanceAuditOn',
      ],
      [
        'expiresOn equal to issuedOn',
        { issuedOn: '2025-03-01', expiresOn: '2025-03-01' },
        'expiresOn',
      ],
      [
        'expiresOn before issuedOn',
        { issuedOn: '2025-03-01', expiresOn: '2024-03-01' },
        'expiresOn',
      ],
      ['a status outside the enum', { status: 'lapsed' }, 'status'],
      ['a superseded status (only a renewal sets it)', { status: 'superseded' }, 'status'],
      ['a status of null', { status: null }, 'status'],
      ['a factoryId that is not a string', { factoryId: 12 }, 'factoryId'],
      ['a missing standard', { standard: undefined }, 'standard'],
      ['a field that does not exist', { verified: true }, 'verified'],
    ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
      const response = await t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(withInvalid(makeCertificate({ factoryId }), overrides))
        .expect(400);
      const body = response.body as ErrorBody;
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(body.details.map((d) => d.field)).toContain(field);
      expect(body.message).toContain(field);
    });

    it('answers 404 for a factory of another organization or an unknown one', async () => {
      const other = await signUp(t);
      const foreignFactory = await newFactory(other);
      for (const id of [foreignFactory, '00000000-0000-0000-0000-000000000000']) {
        const response = await t
          .http()
          .post('/api/v1/certificates')
          .set(admin.auth)
          .send(makeCertificate({ factoryId: id }))
          .expect(404);
        expect(response.body.code).toBe('FACTORY.NOT_FOUND');
      }
      const mine = await newCertificate(admin, { factoryId });
      await t
        .http()
        .patch(`/api/v1/certificates/${mine.id}`)
        .set(admin.auth)
        .send({ factoryId: foreignFactory })
        .expect(404);
      const after = await t
        .http()
        .get(`/api/v1/certificates/${mine.id}`)
        .set(admin.auth)
        .expect(200);
      expect(after.body.factoryId).toBe(factoryId);
    });

    it('checks a patch against the stored dates and leaves nothing half-written', async () => {
      const certificate = await newCertificate(admin, { factoryId });
      const eventsBefore = await auditOf(admin, certificate.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ expiresOn: '2025-02-01', scope: 'changed' }, 'expiresOn'],
        [{ issuedOn: '2028-02-28' }, 'expiresOn'],
        [{ expiresOn: null }, 'expiresOn'],
        [{ certificateNumber: null }, 'certificateNumber'],
        [{ standard: null }, 'standard'],
        [{ sites: null }, 'sites'],
        [{ status: 'superseded' }, 'status'],
        [{ standard: 'ISO 1:1' }, 'standard'],
      ];
      for (const [patch, field] of cases) {
        const response = await t
          .http()
          .patch(`/api/v1/certificates/${certificate.id}`)
          .set(admin.auth)
          .send(patch)
          .expect(400);
        expect((response.body as ErrorBody).details.map((d) => d.field)).toContain(field);
      }
      const after = await t
        .http()
        .get(`/api/v1/certificates/${certificate.id}`)
        .set(admin.auth)
        .expect(200);
      expect(after.body).toEqual(certificate);
      expect(await auditOf(admin, certificate.id)).toHaveLength(eventsBefore.length);
    });

    it('refuses bad input on create without writing a certificate or an audit event', async () => {
      const account = await signUp(t);
      const own = await newFactory(account);
      for (const body of [
        makeCertificate({ factoryId: own, sites: null }),
        makeCertificate({ factoryId: own, expiresOn: '2027-02-30' }),
        makeCertificate({ factoryId: own, standard: 'ISO 9001' }),
        makeCertificate({ factoryId: '00000000-0000-0000-0000-000000000000' }),
      ]) {
        const response = await t.http().post('/api/v1/certificates').set(account.auth).send(body);
        expect([400, 404]).toContain(response.status);
      }
      expect((await list(account, '')).total).toBe(0);
      const events = await t
        .http()
        .get('/api/v1/audit-events?entityType=certificate')
        .set(account.auth)
        .expect(200);
      expect(events.body.total).toBe(0);
    });

    it('answers 400 for bad list parameters', async () => {
      for (const query of [
        '?status=lapsed',
        '?expiringWithinDays=abc',
        '?expiringWithinDays=-1',
        '?expiringWithinDays=1.5',
        '?page=0',
        '?page=abc',
        '?pageSize=201',
        '?page=99999999999999999999',
        '?sort=name',
      ]) {
        const response = await t.http().get(`/api/v1/certificates${query}`).set(admin.auth);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
      }
    });
  });

  describe('list', () => {
    let account: Account;
    let factoryA: string;
    let factoryB: string;
    let ids: Record<string, string>;

    beforeAll(async () => {
      account = await signUp(t);
      factoryA = await newFactory(account);
      factoryB = await newFactory(account);
      const made = {
        a9001: await newCertificate(account, {
          factoryId: factoryA,
          expiresOn: '2028-05-01',
          certificateNumber: 'A-9001',
          scope: 'Valves',
        }),
        a14001: await newCertificate(account, {
          factoryId: factoryA,
          standard: 'ISO 14001:2015',
          expiresOn: '2027-06-30',
          certificateNumber: 'A-14001',
          scope: 'Environmental management of valve casting',
        }),
        b9001: await newCertificate(account, {
          factoryId: factoryB,
          expiresOn: '2028-01-15',
          certificateNumber: 'B-9001',
          scope: 'Pumps',
          status: 'suspended',
        }),
        own: await newCertificate(account, {
          factoryId: null,
          expiresOn: '2027-12-31',
          certificateNumber: 'OWN-1',
          scope: 'Trading of valves and pumps',
        }),
      };
      ids = Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.id]));
    });

    const idsOf = (page: { items: CertificateBody[] }) => page.items.map((c) => c.id);

    it('sorts by expiresOn and paginates as DESIGN.md says', async () => {
      const all = await list(account, '');
      expect(all).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect(idsOf(all)).toEqual([ids.a14001, ids.own, ids.b9001, ids.a9001]);

      const page2 = await list(account, '?page=2&pageSize=3');
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(idsOf(page2)).toEqual([ids.a9001]);
      const beyond = await list(account, '?page=5&pageSize=3');
      expect(beyond).toMatchObject({ total: 4, items: [] });
    });

    it('filters by factory, the trader’s own, standard, status and text', async () => {
      expect(idsOf(await list(account, `?factoryId=${factoryA}`))).toEqual([ids.a14001, ids.a9001]);
      expect(idsOf(await list(account, '?factoryId=own'))).toEqual([ids.own]);
      expect(
        idsOf(await list(account, `?standard=${encodeURIComponent('ISO 14001:2015')}`)),
      ).toEqual([ids.a14001]);
      expect(idsOf(await list(account, '?status=suspended'))).toEqual([ids.b9001]);
      expect(idsOf(await list(account, '?q=b-90'))).toEqual([ids.b9001]);
      expect(idsOf(await list(account, '?q=PUMPS'))).toEqual([ids.own, ids.b9001]);
      expect(idsOf(await list(account, `?q=valve&factoryId=${factoryA}`))).toEqual([
        ids.a14001,
        ids.a9001,
      ]);
      expect((await list(account, '?q=nothing-like-this')).total).toBe(0);
    });

    it('counts expiringWithinDays from today in the organization’s timezone and leaves out expired ones', async () => {
      const shanghai = await signUp(t); // timezone Asia/Shanghai by default
      const utc = await signUp(t, { timezone: 'UTC' });
      // 17:00 UTC on 31 January is already 1 February in Shanghai.
      t.clock.set('2027-01-31T17:00:00Z');
      const issuedOn = '2024-03-01';
      const make = (account: Account, expiresOn: string, status = 'active') =>
        newCertificate(account, { factoryId: null, issuedOn, expiresOn, status });
      const in30 = await make(shanghai, '2027-03-03');
      await make(shanghai, '2027-03-04');
      const today = await make(shanghai, '2027-02-01');
      const yesterday = await make(shanghai, '2027-01-31'); // yesterday in Shanghai: expired by date
      const expired = await make(shanghai, '2027-01-20', 'expired');
      const withdrawn = await make(shanghai, '2027-02-10', 'withdrawn');

      const within30 = await list(shanghai, '?expiringWithinDays=30');
      expect(idsOf(within30)).toEqual([today.id, in30.id]);
      expect(within30.items.map((c) => c.daysUntilExpiry)).toEqual([0, 30]);
      expect(idsOf(await list(shanghai, '?expiringWithinDays=0'))).toEqual([today.id]);
      // expired by date counts as expired, as the scan will store it
      expect(idsOf(await list(shanghai, '?expiringWithinDays=30&status=expired'))).toEqual([
        expired.id,
        yesterday.id,
      ]);
      // an explicit status is honoured; only the date window still applies
      expect(idsOf(await list(shanghai, '?expiringWithinDays=30&status=withdrawn'))).toEqual([
        withdrawn.id,
      ]);
      expect(idsOf(await list(shanghai, '?expiringWithinDays=30&status=active'))).toEqual([
        today.id,
        in30.id,
      ]);

      const sameDateInUtc = await make(utc, '2027-03-03');
      expect((await list(utc, '?expiringWithinDays=30')).total).toBe(0);
      expect(idsOf(await list(utc, '?expiringWithinDays=31'))).toEqual([sameDateInUtc.id]);

      // a day later in Shanghai the 30-day window reaches one day further
      t.clock.set('2027-02-01T17:00:00Z');
      expect(
        (await list(shanghai, '?expiringWithinDays=30')).items.map((c) => c.expiresOn),
      ).toEqual(['2027-03-03', '2027-03-04']);
    });
  });

  describe('renewal', () => {
    it('creates the new certificate, supersedes the old one and links both', async () => {
      const old = await newCertificate(admin, {
        factoryId,
        certificateNumber: 'OLD-1',
        iafCodes: [17],
      });
      const renewed = await t
        .http()
        .post(`/api/v1/certificates/${old.id}/renew`)
        .set(admin.auth)
        .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31', certificateNumber: 'NEW-1' })
        .expect(201);
      expect(renewed.body).toMatchObject({
        factoryId,
        certificateNumber: 'NEW-1',
        iafCodes: [17],
        issuedOn: '2028-02-01',
        expiresOn: '2031-01-31',
        nextSurveillanceAuditOn: null,
        status: 'active',
        supersedesId: old.id,
        supersededById: null,
        previous: { id: old.id, status: 'superseded', supersededById: renewed.body.id },
      });
      const previous = await t
        .http()
        .get(`/api/v1/certificates/${old.id}`)
        .set(admin.auth)
        .expect(200);
      expect(previous.body).toMatchObject({
        status: 'superseded',
        supersededById: renewed.body.id,
        expiresOn: old.expiresOn,
      });

      expect((await auditOf(admin, renewed.body.id)).map((e) => e.action)).toEqual([
        'certificate.renewed',
      ]);
      const superseded = (await auditOf(admin, old.id)).find(
        (e) => e.action === 'certificate.superseded',
      );
      expect(superseded).toMatchObject({
        before: { status: 'active' },
        after: { status: 'superseded', supersededById: renewed.body.id },
      });

      // a superseded certificate can be neither renewed again nor edited
      const again = await t
        .http()
        .post(`/api/v1/certificates/${old.id}/renew`)
        .set(admin.auth)
        .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31' })
        .expect(409);
      expect(again.body.code).toBe('CERTIFICATE.ALREADY_SUPERSEDED');
      await t
        .http()
        .patch(`/api/v1/certificates/${old.id}`)
        .set(admin.auth)
        .send({ scope: 'edited' })
        .expect(409);

      // the renewal itself can be renewed
      await t
        .http()
        .post(`/api/v1/certificates/${renewed.body.id}/renew`)
        .set(admin.auth)
        .send({ issuedOn: '2031-01-01', expiresOn: '2034-01-01' })
        .expect(201);
    });

    it('leaves the old certificate untouched when the renewal has a bad field', async () => {
      const account = await signUp(t);
      const own = await newFactory(account);
      const old = await newCertificate(account, { factoryId: own });
      for (const [body, field] of [
        [{ issuedOn: '2028-02-01', expiresOn: '2028-01-01' }, 'expiresOn'],
        [{ issuedOn: '2028-02-30', expiresOn: '2031-01-31' }, 'issuedOn'],
        [{ issuedOn: '2028-02-01', expiresOn: '2031-01-31', standard: 'ISO 0:0' }, 'standard'],
        [{ issuedOn: '2028-02-01', expiresOn: '2031-01-31', iafCodes: [99] }, 'iafCodes'],
        [
          { issuedOn: '2028-02-01', expiresOn: '2031-01-31', certificateNumber: null },
          'certificateNumber',
        ],
        [{ issuedOn: '2028-02-01', expiresOn: '2031-01-31', factoryId: null }, 'factoryId'],
        [{ expiresOn: '2031-01-31' }, 'issuedOn'],
      ] as [Record<string, unknown>, string][]) {
        const response = await t
          .http()
          .post(`/api/v1/certificates/${old.id}/renew`)
          .set(account.auth)
          .send(body)
          .expect(400);
        expect((response.body as ErrorBody).details.map((d) => d.field)).toContain(field);
      }
      const after = await t
        .http()
        .get(`/api/v1/certificates/${old.id}`)
        .set(account.auth)
        .expect(200);
      expect(after.body).toEqual(old);
      expect((await list(account, '')).total).toBe(1);
      expect((await auditOf(account, old.id)).map((e) => e.action)).toEqual([
        'certificate.created',
      ]);
    });

    it('gives the replaced certificate back its place when the renewal is deleted', async () => {
      const old = await newCertificate(admin, { factoryId });
      const renewed = await t
        .http()
        .post(`/api/v1/certificates/${old.id}/renew`)
        .set(admin.auth)
        .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31' })
        .expect(201);
      await t.http().delete(`/api/v1/certificates/${renewed.body.id}`).set(admin.auth).expect(204);
      const back = await t.http().get(`/api/v1/certificates/${old.id}`).set(admin.auth).expect(200);
      expect(back.body).toMatchObject({ status: 'active', supersededById: null });
      const reinstated = (await auditOf(admin, old.id)).find(
        (e) => e.action === 'certificate.reinstated',
      );
      expect(reinstated).toMatchObject({
        before: { status: 'superseded' },
        after: { status: 'active', supersededById: null },
      });
      await t
        .http()
        .post(`/api/v1/certificates/${old.id}/renew`)
        .set(admin.auth)
        .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31' })
        .expect(201);
    });

    it('answers 404 when renewing an unknown certificate', async () => {
      await t
        .http()
        .post('/api/v1/certificates/00000000-0000-0000-0000-000000000000/renew')
        .set(admin.auth)
        .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31' })
        .expect(404);
    });
  });

  describe('access', () => {
    it('needs a valid bearer token on every certificate route', async () => {
      const certificate = await newCertificate(admin, { factoryId });
      const bad = { Authorization: `Bearer ${admin.token.slice(0, -2)}xx` };
      for (const headers of [{}, bad, { Authorization: admin.token }]) {
        await t
          .http()
          .post('/api/v1/certificates')
          .set(headers)
          .send(makeCertificate())
          .expect(401);
        await t.http().get('/api/v1/certificates').set(headers).expect(401);
        await t.http().get(`/api/v1/certificates/${certificate.id}`).set(headers).expect(401);
        await t
          .http()
          .patch(`/api/v1/certificates/${certificate.id}`)
          .set(headers)
          .send({ scope: 'x' })
          .expect(401);
        await t.http().delete(`/api/v1/certificates/${certificate.id}`).set(headers).expect(401);
        await t
          .http()
          .post(`/api/v1/certificates/${certificate.id}/renew`)
          .set(headers)
          .send({ issuedOn: '2028-02-01', expiresOn: '2031-01-31' })
          .expect(401);
        await t.http().get('/api/v1/audit-events').set(headers).expect(401);
      }
      await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(200);
    });

    it('lets members work with certificates but not read the audit log', async () => {
      const member = await addStaff(t, admin, 'member');
      const certificate = await newCertificate(member, { factoryId });
      await t.http().get(`/api/v1/certificates/${certificate.id}`).set(member.auth).expect(200);
      await t.http().get('/api/v1/audit-events').set(member.auth).expect(403);
      const events = await auditOf(admin, certificate.id);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'certificate.created',
          actorId: member.userId,
          before: null,
        }),
      ]);
      expect(events[0].after).toMatchObject({
        id: certificate.id,
        certificateNumber: certificate.certificateNumber,
      });
    });
  });
});
