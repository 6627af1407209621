import { randomBytes } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

/** Issue 12: "Passwords are checked for length only (aaaaaaaaaa and ten spaces are accepted)." */
describe('Passwords are checked for length only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['ten a', 'aaaaaaaaaa'],
    ['ten spaces', '          '],
    ['a common password', 'password123456'],
    ['the email itself', 'EMAIL'],
  ])(
    'refuses %s at sign-up with AUTH.WEAK_PASSWORD and advice, creating nothing',
    async (_, password) => {
      const email = `weak-${randomBytes(4).toString('hex')}@example.com`;
      const answer = await t
        .http()
        .post('/api/v1/auth/signup')
        .send({
          organizationName: 'Weak Trading',
          name: 'Li Wei',
          email,
          password: password === 'EMAIL' ? email : password,
        })
        .expect(400);
      expect(answer.body.code).toBe('AUTH.WEAK_PASSWORD');
      expect(fieldsOf(answer.body)).toEqual(['password']);
      expect(answer.body.message).toMatch(/too easy to guess.*passphrase/);
      // Nothing was stored: the same email signs up with a good password.
      await t
        .http()
        .post('/api/v1/auth/signup')
        .send({
          organizationName: 'Weak Trading',
          name: 'Li Wei',
          email,
          password: 'a-long-password-1',
        })
        .expect(201);
    },
  );

  it('refuses a weak password when an invitation is accepted, and the link still works after', async () => {
    const admin = await signUp(t);
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        name: 'Wang Fang',
        email: `wang-${randomBytes(3).toString('hex')}@example.com`,
        role: 'member',
      })
      .expect(201);
    const token = created.body.invitation.token as string;
    const weak = await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token, password: '1234567890' })
      .expect(400);
    expect(weak.body.code).toBe('AUTH.WEAK_PASSWORD');
    await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token, password: 'another-long-password' })
      .expect(200);
  });
});
