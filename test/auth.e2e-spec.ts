import { startApp, TestApp } from './support/app';
import { addStaff, signUp } from './support/accounts';

describe('auth and accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs up an organization with its first admin and logs in', async () => {
    const email = 'founder@example.com';
    const signup = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Ningbo Export', name: 'Li Wei', email: 'Founder@Example.com', password: 'a-long-password-1' })
      .expect(201);
    expect(signup.body.user).toMatchObject({ email, role: 'admin', name: 'Li Wei' });
    expect(signup.body.organization).toMatchObject({ name: 'Ningbo Export', timezone: 'Asia/Shanghai' });
    expect(signup.body.user.passwordHash).toBeUndefined();

    const login = await t.http().post('/api/v1/auth/login').send({ email, password: 'a-long-password-1' }).expect(200);
    expect(login.body.user.id).toBe(signup.body.user.id);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
  });

  it('refuses a duplicate email with 409 naming the field', async () => {
    const first = await signUp(t);
    const response = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Other', name: 'X', email: first.email, password: 'a-long-password-1' })
      .expect(409);
    expect(response.body.details[0].field).toBe('email');
  });

  it('names every bad signup field', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: '', name: 'X', email: 'not-an-email', password: 'short' })
      .expect(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['organizationName', 'email', 'password']));
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 401 for a wrong password, a missing token and a forged token', async () => {
    const account = await signUp(t);
    await t.http().post('/api/v1/auth/login').send({ email: account.email, password: 'wrong-password-1' }).expect(401);
    await t.http().get('/api/v1/factories').expect(401);
    await t.http().get('/api/v1/factories').set('Authorization', 'Bearer not.a.token').expect(401);
    await t.http().get('/api/v1/factories').set('Authorization', `Bearer ${account.token}x`).expect(401);
  });

  it('rate limits repeated logins for one account', async () => {
    const account = await signUp(t);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await t.http().post('/api/v1/auth/login').send({ email: account.email, password: 'wrong-password-1' });
      statuses.push(response.status);
    }
    // The sign-up was the first of the ten attempts this email has a minute.
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(9)).toEqual([429, 429, 429]);
  });

  it('lets an admin add staff, who join through a single-use invitation', async () => {
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const me = await t.http().get('/api/v1/auth/me').set(member.auth).expect(200);
    expect(me.body.user.role).toBe('member');
    // members cannot add users
    await t.http().post('/api/v1/users').set(member.auth).send({ name: 'Y', email: 'y@example.com', role: 'member' }).expect(403);
    const users = await t.http().get('/api/v1/users').set(admin.auth).expect(200);
    expect(users.body.total).toBe(2);
  });

  it('refuses a reused, revoked or unknown invitation token', async () => {
    const admin = await signUp(t);
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ name: 'Wang', email: 'wang@example.com', role: 'member' })
      .expect(201);
    const token = created.body.invitation.token as string;
    await t.http().post('/api/v1/auth/accept-invitation').send({ token, password: 'another-long-password' }).expect(200);
    const reused = await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token, password: 'another-long-password' })
      .expect(400);
    expect(reused.body.code).toBe('INVITATION.USED');

    const second = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ name: 'Zhao', email: 'zhao@example.com', role: 'admin' })
      .expect(201);
    await t.http().delete(`/api/v1/invitations/${second.body.invitation.id}`).set(admin.auth).expect(204);
    const revoked = await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token: second.body.invitation.token, password: 'another-long-password' })
      .expect(400);
    expect(revoked.body.code).toBe('INVITATION.REVOKED');
    await t.http().post('/api/v1/auth/login').send({ email: 'zhao@example.com', password: 'another-long-password' }).expect(401);
  });
});
