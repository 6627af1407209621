import { startApp, TestApp } from './support/app';
import { Account, addStaff, signUp } from './support/accounts';
import { createCertificate, createFactory, makeCertificate } from './factories';

/** Another organization's records answer 404 on every route and never show in a list. */
describe('tenant isolation', () => {
  let t: TestApp;
  let first: Account;
  let second: Account;
  let secondMember: Account;
  let factoryId: string;
  let certificateId: string;
  let ownCertificateId: string;
  let invitationId: string;
  let memberId: string;

  beforeAll(async () => {
    t = await startApp();
    first = await signUp(t);
    second = await signUp(t);
    secondMember = await addStaff(t, second, 'member');
    factoryId = (await createFactory(t, first)).id;
    certificateId = (await createCertificate(t, first, { factoryId })).id;
    ownCertificateId = (await createCertificate(t, first, { factoryId: null })).id;
    const staff = await t
      .http()
      .post('/api/v1/users')
      .set(first.auth)
      .send({ name: 'Pending', email: 'pending-tenancy@example.com', role: 'member' })
      .expect(201);
    memberId = staff.body.id;
    invitationId = staff.body.invitation.id;
    // the second organization has records of its own, so its lists are not trivially empty
    const theirs = await createFactory(t, second);
    await createCertificate(t, second, { factoryId: theirs.id });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 for each of the first organization’s records on every route', async () => {
    const renewal = { issuedOn: '2028-02-01', expiresOn: '2031-01-31' };
    for (const other of [second, secondMember]) {
      const attempts: [string, () => Promise<{ status: number }>][] = [
        [`GET factory`, () => t.http().get(`/api/v1/factories/${factoryId}`).set(other.auth)],
        [
          `PATCH factory`,
          () =>
            t
              .http()
              .patch(`/api/v1/factories/${factoryId}`)
              .set(other.auth)
              .send({ name: 'Taken over' }),
        ],
        [
          `PATCH factory status`,
          () =>
            t
              .http()
              .patch(`/api/v1/factories/${factoryId}`)
              .set(other.auth)
              .send({ status: 'ended' }),
        ],
        [`DELETE factory`, () => t.http().delete(`/api/v1/factories/${factoryId}`).set(other.auth)],
        [
          `POST certificate for the factory`,
          () =>
            t
              .http()
              .post('/api/v1/certificates')
              .set(other.auth)
              .send(makeCertificate({ factoryId })),
        ],
        ...[certificateId, ownCertificateId].flatMap(
          (id): [string, () => Promise<{ status: number }>][] => [
            [
              `GET certificate ${id}`,
              () => t.http().get(`/api/v1/certificates/${id}`).set(other.auth),
            ],
            [
              `PATCH certificate ${id}`,
              () =>
                t
                  .http()
                  .patch(`/api/v1/certificates/${id}`)
                  .set(other.auth)
                  .send({ scope: 'Taken over' }),
            ],
            [
              `DELETE certificate ${id}`,
              () => t.http().delete(`/api/v1/certificates/${id}`).set(other.auth),
            ],
            [
              `renew certificate ${id}`,
              () => t.http().post(`/api/v1/certificates/${id}/renew`).set(other.auth).send(renewal),
            ],
          ],
        ),
        [`GET user`, () => t.http().get(`/api/v1/users/${memberId}`).set(other.auth)],
        [`GET admin user`, () => t.http().get(`/api/v1/users/${first.userId}`).set(other.auth)],
      ];
      if (other === second) {
        attempts.push([
          `DELETE invitation`,
          () => t.http().delete(`/api/v1/invitations/${invitationId}`).set(other.auth),
        ]);
      }
      for (const [route, attempt] of attempts) {
        const response = await attempt();
        expect({ route, status: response.status }).toEqual({ route, status: 404 });
      }
    }
  });

  it('leaves the first organization’s records as they were', async () => {
    const factory = await t
      .http()
      .get(`/api/v1/factories/${factoryId}`)
      .set(first.auth)
      .expect(200);
    expect(factory.body.status).toBe('active');
    expect(factory.body.name).not.toBe('Taken over');
    for (const id of [certificateId, ownCertificateId]) {
      const certificate = await t
        .http()
        .get(`/api/v1/certificates/${id}`)
        .set(first.auth)
        .expect(200);
      expect(certificate.body).toMatchObject({ status: 'active', supersededById: null });
      expect(certificate.body.scope).not.toBe('Taken over');
    }
    // the invitation still works
    const users = await t.http().get('/api/v1/users').set(first.auth).expect(200);
    expect(users.body.total).toBe(2);
  });

  it('never shows the first organization’s records in the second one’s lists', async () => {
    const queries = [
      '/api/v1/factories',
      '/api/v1/factories?q=factory',
      '/api/v1/certificates',
      `/api/v1/certificates?factoryId=${factoryId}`,
      '/api/v1/certificates?factoryId=own',
      '/api/v1/certificates?expiringWithinDays=3650',
      '/api/v1/certificates?q=CN-',
      '/api/v1/users',
      '/api/v1/audit-events',
      `/api/v1/audit-events?entityId=${certificateId}`,
    ];
    const firstIds = new Set([
      factoryId,
      certificateId,
      ownCertificateId,
      memberId,
      first.userId,
      invitationId,
    ]);
    for (const query of queries) {
      const response = await t.http().get(query).set(second.auth).expect(200);
      const items = response.body.items as {
        id: string;
        entityId?: string;
        organizationId?: string;
      }[];
      for (const item of items) {
        expect(firstIds.has(item.id)).toBe(false);
        if (item.entityId) expect(firstIds.has(item.entityId)).toBe(false);
        if (item.organizationId) expect(item.organizationId).toBe(second.organizationId);
      }
      expect(response.body.total).toBe(items.length);
    }
    const certificates = await t.http().get('/api/v1/certificates').set(second.auth).expect(200);
    expect(certificates.body.total).toBe(1);
    const ofFirstFactory = await t
      .http()
      .get(`/api/v1/certificates?factoryId=${factoryId}`)
      .set(second.auth)
      .expect(200);
    expect(ofFirstFactory.body.total).toBe(0);
    const factories = await t.http().get('/api/v1/factories').set(second.auth).expect(200);
    expect(factories.body.total).toBe(1);
  });

  it('reports the actor’s own organization only', async () => {
    const organization = await t.http().get('/api/v1/organization').set(second.auth).expect(200);
    expect(organization.body.id).toBe(second.organizationId);
    await t
      .http()
      .patch('/api/v1/organization')
      .set(second.auth)
      .send({ name: 'Renamed Second' })
      .expect(200);
    const firstOrganization = await t
      .http()
      .get('/api/v1/organization')
      .set(first.auth)
      .expect(200);
    expect(firstOrganization.body.name).not.toBe('Renamed Second');
  });
});
