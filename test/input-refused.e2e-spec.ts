import { DataSource } from 'typeorm';
import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { createCertificate, createFactory } from './factories';
import { makeAgreement } from './factories/agreements';
import { makePdf, outboxMessages } from './factories/managers';

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

/** The 500s of issue 12's list, each now a 4xx naming the field, with nothing changed. */
describe('55 kinds of request answer 500', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function agreementWithMilestone() {
    const factory = await createFactory(t, admin);
    const agreement = await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send(makeAgreement({ factoryId: factory.id }))
      .expect(201);
    const milestones = await t
      .http()
      .get(`/api/v1/agreements/${agreement.body.id}`)
      .set(admin.auth)
      .expect(200);
    return { agreement: milestones.body, milestone: milestones.body.milestones[0] };
  }

  it('refuses null where a column is required, in PATCH agreements, milestones and buyers', async () => {
    const { agreement, milestone } = await agreementWithMilestone();
    const buyer = await t
      .http()
      .post('/api/v1/buyers')
      .set(admin.auth)
      .send({ name: 'Hamburg Valves GmbH', country: 'DE' })
      .expect(201);
    const cases: [string, string[]][] = [
      [
        `/api/v1/agreements/${agreement.id}`,
        ['title', 'startsOn', 'targetOn', 'productCategories', 'standards', 'status'],
      ],
      [`/api/v1/milestones/${milestone.id}`, ['name', 'dueOn', 'owner', 'status']],
      [`/api/v1/buyers/${buyer.body.id}`, ['name', 'country']],
    ];
    for (const [path, fields] of cases) {
      const before = await t.http().get(path).set(admin.auth);
      for (const field of fields) {
        const answer = await t
          .http()
          .patch(path)
          .set(admin.auth)
          .send({ [field]: null });
        expect({ path, field, status: answer.status }).toEqual({ path, field, status: 400 });
        expect(fieldsOf(answer.body)).toContain(field);
      }
      if (before.status === 200) {
        const after = await t.http().get(path).set(admin.auth).expect(200);
        expect(after.body).toEqual(before.body);
      }
    }
  });

  it('refuses {"certificateId": ""} on an agreement', async () => {
    const { agreement } = await agreementWithMilestone();
    const answer = await t
      .http()
      .patch(`/api/v1/agreements/${agreement.id}`)
      .set(admin.auth)
      .send({ certificateId: '' })
      .expect(400);
    expect(fieldsOf(answer.body)).toContain('certificateId');
    const after = await t
      .http()
      .get(`/api/v1/agreements/${agreement.id}`)
      .set(admin.auth)
      .expect(200);
    expect(after.body.certificateId).toBeNull();
  });

  it('answers JSON nested 5,000 to 20,000 levels deep with 400, with or without a token', async () => {
    for (const levels of [65, 5_000, 20_000]) {
      const body = `{"name":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
      for (const [path, auth] of [
        ['/api/v1/factories', admin.auth],
        ['/api/v1/factories', {}],
        ['/api/v1/auth/login', {}],
      ] as const) {
        const answer = await t
          .http()
          .post(path)
          .set(auth)
          .set('Content-Type', 'application/json')
          .send(body);
        expect({ levels, path, status: answer.status }).toEqual({ levels, path, status: 400 });
        expect(answer.body.code).toBe('VALIDATION.TOO_DEEP');
        expect(fieldsOf(answer.body)).toEqual(['name']);
      }
    }
    // 64 levels is still an ordinary (if wrong) body, answered by validation.
    const shallow = `{"name":${'{"a":'.repeat(63)}1${'}'.repeat(63)}}`;
    const answer = await t
      .http()
      .post('/api/v1/factories')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(shallow)
      .expect(400);
    expect(answer.body.code).toBe('VALIDATION.FAILED');
  });

  it('answers a body over 1 MB with 413, without a token too', async () => {
    const big = JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'y' });
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(big)
      .expect(413);
    await t
      .http()
      .post('/api/v1/auth/signup')
      .set('Content-Type', 'application/json')
      .send(big)
      .expect(413);
  });

  it('refuses a lone UTF-16 surrogate in any email field, signup and login included', async () => {
    const raw = (body: Record<string, string>) => JSON.stringify(body).replace('LONE', '\\ud800');
    const cases: [string, string, Record<string, string>, Record<string, string>][] = [
      [
        '/api/v1/auth/signup',
        'email',
        {},
        {
          organizationName: 'X',
          name: 'Y',
          email: 'aLONEb@x.example',
          password: 'a-long-password-1',
        },
      ],
      [
        '/api/v1/auth/login',
        'email',
        {},
        { email: 'aLONEb@x.example', password: 'whatever-password' },
      ],
      [
        '/api/v1/users',
        'email',
        admin.auth,
        { name: 'Wang Fang', email: 'aLONEb@x.example', role: 'member' },
      ],
      [
        '/api/v1/users',
        'name',
        admin.auth,
        { name: 'WangLONE', email: 'wang@x.example', role: 'member' },
      ],
    ];
    const usersBefore = (await t.http().get('/api/v1/users').set(admin.auth).expect(200)).body
      .total;
    for (const [path, field, auth, body] of cases) {
      const answer = await t
        .http()
        .post(path)
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(raw(body));
      expect({ path, field, status: answer.status }).toEqual({ path, field, status: 400 });
      expect(fieldsOf(answer.body)).toContain(field);
    }
    expect((await t.http().get('/api/v1/users').set(admin.auth).expect(200)).body.total).toBe(
      usersBefore,
    );
  });

  it('refuses CR, LF and NUL in organization and invitee names and in emails', async () => {
    const mailsBefore = outboxMessages(t).length;
    const factory = await createFactory(t, admin);
    const forged = 'Li Wei\r\nBcc: attacker@evil.example';
    const cases: [string, string, Record<string, string>, Record<string, unknown>][] = [
      [
        '/api/v1/auth/signup',
        'organizationName',
        {},
        {
          organizationName: forged,
          name: 'Y',
          email: 'cr@x.example',
          password: 'a-long-password-1',
        },
      ],
      [
        '/api/v1/auth/signup',
        'name',
        {},
        {
          organizationName: 'Z',
          name: 'Li\nWei',
          email: 'lf@x.example',
          password: 'a-long-password-1',
        },
      ],
      [
        '/api/v1/auth/signup',
        'email',
        {},
        {
          organizationName: 'Z',
          name: 'Y',
          email: 'a\r\nb@x.example',
          password: 'a-long-password-1',
        },
      ],
      [
        '/api/v1/users',
        'name',
        admin.auth,
        { name: forged, email: 'staff@x.example', role: 'member' },
      ],
      [
        '/api/v1/users',
        'email',
        admin.auth,
        { name: 'Wang', email: 'st\u0000aff@x.example', role: 'member' },
      ],
      [
        '/api/v1/factories',
        'name',
        admin.auth,
        { name: 'Valves\nBcc: x@evil.example', country: 'CN' },
      ],
      ['/api/v1/buyers', 'name', admin.auth, { name: 'Hansen\r\nGmbH', country: 'DE' }],
      [
        `/api/v1/factories/${factory.id}/invitations`,
        'name',
        admin.auth,
        { name: forged, email: 'mgr@x.example' },
      ],
    ];
    for (const [path, field, auth, body] of cases) {
      const answer = await t.http().post(path).set(auth).send(body);
      expect({ path, field, status: answer.status }).toEqual({ path, field, status: 400 });
      expect(fieldsOf(answer.body)).toContain(field);
    }
    const renamed = await t
      .http()
      .patch('/api/v1/organization')
      .set(admin.auth)
      .send({ name: forged })
      .expect(400);
    expect(fieldsOf(renamed.body)).toContain('name');
    expect(outboxMessages(t).length).toBe(mailsBefore);
  });

  it('answers 409 to accepting an invitation whose factory was deleted', async () => {
    const factory = await createFactory(t, admin);
    const invited = await t
      .http()
      .post(`/api/v1/factories/${factory.id}/invitations`)
      .set(admin.auth)
      .send({ email: 'gone-factory@factory.example', name: 'Zhao Lei' })
      .expect(201);
    await t.http().delete(`/api/v1/factories/${factory.id}`).set(admin.auth).expect(204);
    // Revoked with its factory, in the same transaction.
    const [row] = (await t.app
      .get(DataSource)
      .query(
        `SELECT "revokedAt" FROM "invitations" WHERE "email" = 'gone-factory@factory.example'`,
      )) as {
      revokedAt: unknown;
    }[];
    expect(row.revokedAt).not.toBeNull();
    const answer = await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token: invited.body.token, password: 'factory-long-password' })
      .expect(409);
    expect(answer.body.code).toBe('INVITATION.FACTORY_GONE');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'gone-factory@factory.example', password: 'factory-long-password' })
      .expect(401);
  });
});

describe('On PostgreSQL, 25 parallel uploads to one certificate got 21 duplicate version numbers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('numbers 25 parallel uploads 1 to 25, each once', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, { factoryId: factory.id });
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/certificates/${certificate.id}/documents`)
          .set(admin.auth)
          .attach('file', makePdf(`parallel-${i}`), `scan-${i}.pdf`),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(201));
    const listed = await t
      .http()
      .get(`/api/v1/certificates/${certificate.id}/documents`)
      .set(admin.auth)
      .expect(200);
    const versions = (listed.body.items ?? listed.body).map((d: { version: number }) => d.version);
    expect([...versions].sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });
});
