import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { createCertificate, createFactory, makeCertificate } from './factories';

/**
 * Concurrent writes must all succeed: on SQLite (one shared connection) transactions are
 * serialized; on PostgreSQL each takes its own pooled connection.
 */
describe('concurrent writes', () => {
  let t: TestApp;
  let admin: Account;
  let factoryId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = (await createFactory(t, admin)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await createCertificate(t, admin, { factoryId, ...overrides })).id;
  }

  it('serves 50 concurrent certificate creations and renewals, every one successfully', async () => {
    const toRenew: string[] = [];
    for (let i = 0; i < 25; i++) toRenew.push(await create());

    const requests = toRenew.flatMap((id, i) => [
      t
        .http()
        .post(`/api/v1/certificates/${id}/renew`)
        .set(admin.auth)
        .send({
          issuedOn: '2028-02-01',
          expiresOn: '2031-01-31',
          certificateNumber: `RENEWED-${i}`,
        }),
      t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(
          makeCertificate({
            factoryId: i % 2 ? factoryId : null,
            certificateNumber: `CONCURRENT-${i}`,
          }),
        ),
    ]);
    const responses = await Promise.all(requests);
    const statuses = responses.map((r) => r.status);
    expect(statuses).toEqual(new Array(50).fill(201));

    const all = await t.http().get('/api/v1/certificates?pageSize=200').set(admin.auth).expect(200);
    expect(all.body.total).toBe(75);
    const superseded = await t
      .http()
      .get('/api/v1/certificates?status=superseded&pageSize=200')
      .set(admin.auth)
      .expect(200);
    expect(new Set(superseded.body.items.map((c: { id: string }) => c.id))).toEqual(
      new Set(toRenew),
    );
    for (const certificate of superseded.body.items as { supersededById: string }[]) {
      expect(certificate.supersededById).toEqual(expect.any(String));
    }
    const events = await t
      .http()
      .get('/api/v1/audit-events?entityType=certificate&pageSize=1')
      .set(admin.auth)
      .expect(200);
    // 25 + 25 created, 25 renewed, 25 superseded
    expect(events.body.total).toBe(100);
  });

  it('lets exactly one of several concurrent renewals of the same certificate win', async () => {
    const id = await create();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/certificates/${id}/renew`)
          .set(admin.auth)
          .send({
            issuedOn: '2028-02-01',
            expiresOn: '2031-01-31',
            certificateNumber: `RACE-${i}`,
          }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const renewals = await t.http().get('/api/v1/certificates?q=RACE-').set(admin.auth).expect(200);
    expect(renewals.body.total).toBe(1);
    const old = await t.http().get(`/api/v1/certificates/${id}`).set(admin.auth).expect(200);
    expect(old.body.supersededById).toBe(renewals.body.items[0].id);
  });
});
