import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { createCertificate, createFactory, makeCertificate, makeFactory } from './factories';

/** Bad input is a 4xx naming the field on both databases, never a 500, and writes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Account;
  let factoryId: string;
  let certificateId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = (await createFactory(t, admin)).id;
    certificateId = (await createCertificate(t, admin, { factoryId })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function counts() {
    const [factories, certificates, events] = await Promise.all([
      t.http().get('/api/v1/factories').set(admin.auth).expect(200),
      t.http().get('/api/v1/certificates').set(admin.auth).expect(200),
      t.http().get('/api/v1/audit-events').set(admin.auth).expect(200),
    ]);
    return {
      factories: factories.body.total,
      certificates: certificates.body.total,
      events: events.body.total,
    };
  }

  it('refuses a NUL character in a body, a query or a path with 400 naming the field', async () => {
    const before = await counts();
    const cases: [
      string,
      () => PromiseLike<{ status: number; body: { details: { field: string }[] } }>,
    ][] = [
      [
        'name',
        () =>
          t
            .http()
            .post('/api/v1/factories')
            .set(admin.auth)
            .send(makeFactory({ name: 'a\u0000b' })),
      ],
      [
        'productCategories.1',
        () =>
          t
            .http()
            .post('/api/v1/factories')
            .set(admin.auth)
            .send(makeFactory({ productCategories: ['a', 'b\u0000'] })),
      ],
      [
        'scope',
        () =>
          t
            .http()
            .post('/api/v1/certificates')
            .set(admin.auth)
            .send(makeCertificate({ factoryId, scope: 'x\u0000' })),
      ],
      [
        'scope',
        () =>
          t
            .http()
            .patch(`/api/v1/certificates/${certificateId}`)
            .set(admin.auth)
            .send({ scope: 'x\u0000' }),
      ],
      [
        'certificateNumber',
        () =>
          t.http().post(`/api/v1/certificates/${certificateId}/renew`).set(admin.auth).send({
            issuedOn: '2028-02-01',
            expiresOn: '2031-01-31',
            certificateNumber: 'N\u0000',
          }),
      ],
      ['q', () => t.http().get('/api/v1/certificates?q=%00').set(admin.auth)],
      ['id', () => t.http().get('/api/v1/factories/%00').set(admin.auth)],
      ['id', () => t.http().delete('/api/v1/certificates/abc%00').set(admin.auth)],
    ];
    for (const [field, send] of cases) {
      const response = await send();
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details.map((d) => d.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
    const certificate = await t
      .http()
      .get(`/api/v1/certificates/${certificateId}`)
      .set(admin.auth)
      .expect(200);
    expect(certificate.body).toMatchObject({ status: 'active', supersededById: null });
  });

  it('refuses null for an organization’s name, timezone or locale with 400', async () => {
    for (const field of ['name', 'timezone', 'locale']) {
      const response = await t
        .http()
        .patch('/api/v1/organization')
        .set(admin.auth)
        .send({ [field]: null })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    await t
      .http()
      .patch('/api/v1/organization')
      .set(admin.auth)
      .send({ timezone: 'Mars/Olympus' })
      .expect(400);
    const organization = await t.http().get('/api/v1/organization').set(admin.auth).expect(200);
    expect(organization.body).toMatchObject({ timezone: 'Asia/Shanghai', locale: 'en' });
  });

  it('answers malformed bodies with 4xx', async () => {
    const before = await counts();
    await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(400);
    await t.http().post('/api/v1/factories').set(admin.auth).send([makeFactory()]).expect(400);
    await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .send({ ...makeFactory(), name: 'x'.repeat(2_000_000) })
      .expect(413);
    await t.http().post('/api/v1/auth/login').send({ email: 5, password: {} }).expect(400);
    await t
      .http()
      .patch(`/api/v1/factories/${factoryId}`)
      .set(admin.auth)
      .send({ name: { $ne: null } })
      .expect(400);
    expect(await counts()).toEqual(before);
  });
});
