import { randomBytes } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { Account, addStaff, signUp } from './support/accounts';
import { createFactory } from './factories';
import { inviteManager, messagesTo } from './factories/managers';

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

/** The reset token of the newest reset mail to `email`. */
function resetTokenFrom(t: TestApp, email: string): string {
  const mails = messagesTo(t, email).filter((m) => m.includes('/reset-password?token='));
  const match = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mails[mails.length - 1] ?? '');
  if (!match) throw new Error(`no reset mail to ${email}`);
  return decodeURIComponent(match[1]);
}

/**
 * Issue 12: "People cannot be managed: there is no password reset or change, no way to
 * deactivate or remove a user or change a role (a factory manager who left keeps access
 * for good), and revoking a staff invitation uses up that email address for good."
 */
describe('People cannot be managed', () => {
  let t: TestApp;
  let admin: Account;
  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  it('resets a password by mail with a single-use link, answering the same for unknown emails', async () => {
    const member = await addStaff(t, admin, 'member', 'zh-CN');
    const known = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: member.email.toUpperCase() })
      .expect(202);
    const unknown = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: `nobody-${randomBytes(3).toString('hex')}@example.com` })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    const mail = messagesTo(t, member.email).find((m) => m.includes('reset-password'))!;
    expect(mail).toContain('重置您的 certpact 密码');
    const token = resetTokenFrom(t, member.email);

    const weak = await t
      .http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'aaaaaaaaaa' })
      .expect(400);
    expect(weak.body.code).toBe('AUTH.WEAK_PASSWORD');
    await t
      .http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'a-brand-new-passphrase' })
      .expect(204);

    await t.http().get('/api/v1/auth/me').set(member.auth).expect(401);
    await login(member.email, 'another-long-password').expect(401);
    await login(member.email, 'a-brand-new-passphrase').expect(200);
    const reused = await t
      .http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'yet-another-passphrase' })
      .expect(400);
    expect(reused.body.code).toBe('PASSWORD_RESET.USED');
  });

  it('refuses an expired reset link, and a newer link replaces an older one', async () => {
    const member = await addStaff(t, admin, 'member');
    await t.http().post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    const first = resetTokenFrom(t, member.email);
    await t.http().post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    const second = resetTokenFrom(t, member.email);
    expect(second).not.toBe(first);
    const replaced = await t
      .http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: first, password: 'a-brand-new-passphrase' })
      .expect(400);
    expect(replaced.body.code).toBe('PASSWORD_RESET.USED');
    t.clock.set(new Date(Date.now() + 61 * 60_000).toISOString());
    const expired = await t
      .http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: second, password: 'a-brand-new-passphrase' })
      .expect(400);
    expect(expired.body.code).toBe('PASSWORD_RESET.EXPIRED');
    t.clock.reset();
    await login(member.email, 'another-long-password').expect(200);
  });

  it('changes a password with the current one, ending every other session', async () => {
    const member = await addStaff(t, admin, 'member');
    const other = (await login(member.email, 'another-long-password').expect(200)).body
      .accessToken as string;
    const wrong = await t
      .http()
      .post('/api/v1/auth/change-password')
      .set(member.auth)
      .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' })
      .expect(400);
    expect(wrong.body.code).toBe('AUTH.WRONG_PASSWORD');
    expect(fieldsOf(wrong.body)).toEqual(['currentPassword']);
    const weak = await t
      .http()
      .post('/api/v1/auth/change-password')
      .set(member.auth)
      .send({ currentPassword: 'another-long-password', newPassword: '1234567890' })
      .expect(400);
    expect(fieldsOf(weak.body)).toEqual(['newPassword']);

    const changed = await t
      .http()
      .post('/api/v1/auth/change-password')
      .set(member.auth)
      .send({ currentPassword: 'another-long-password', newPassword: 'a-brand-new-passphrase' })
      .expect(200);
    await t
      .http()
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${changed.body.accessToken}` })
      .expect(200);
    await t
      .http()
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${other}` })
      .expect(401);
    await t.http().get('/api/v1/auth/me').set(member.auth).expect(401);
    await login(member.email, 'a-brand-new-passphrase').expect(200);
  });

  it('deactivates a user, whose token stops at once, reactivates them, and changes a role', async () => {
    const member = await addStaff(t, admin, 'member');
    await t
      .http()
      .post('/api/v1/users')
      .set(member.auth)
      .send({ name: 'X', email: `x-${randomBytes(3).toString('hex')}@example.com`, role: 'member' })
      .expect(403);

    const off = await t
      .http()
      .patch(`/api/v1/users/${member.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    expect(off.body).toMatchObject({ id: member.userId, active: false, role: 'member' });
    await t.http().get('/api/v1/factories').set(member.auth).expect(401);
    const refused = await login(member.email, 'another-long-password').expect(403);
    expect(refused.body.code).toBe('AUTH.DEACTIVATED');
    await t.http().post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    expect(messagesTo(t, member.email).filter((m) => m.includes('reset-password'))).toHaveLength(0);

    await t
      .http()
      .patch(`/api/v1/users/${member.userId}`)
      .set(admin.auth)
      .send({ active: true, role: 'admin' })
      .expect(200);
    const back = await login(member.email, 'another-long-password').expect(200);
    const promoted = { Authorization: `Bearer ${back.body.accessToken}` };
    await t
      .http()
      .post('/api/v1/users')
      .set(promoted)
      .send({ name: 'Y', email: `y-${randomBytes(3).toString('hex')}@example.com`, role: 'member' })
      .expect(201);

    const self = await t
      .http()
      .patch(`/api/v1/users/${admin.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(409);
    expect(self.body.code).toBe('USER.NOT_YOURSELF');
    const nulls = await t
      .http()
      .patch(`/api/v1/users/${member.userId}`)
      .set(admin.auth)
      .send({ role: null })
      .expect(400);
    expect(fieldsOf(nulls.body)).toContain('role');
    const events = await t.http().get('/api/v1/audit-events').set(admin.auth).expect(200);
    const actions = events.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  it('removes a factory manager who left: their token stops, and the email can be invited again', async () => {
    const factory = await createFactory(t, admin);
    const manager = await inviteManager(t, admin, factory.id);
    await t
      .http()
      .patch(`/api/v1/users/${manager.userId}`)
      .set(manager.auth)
      .send({ active: false })
      .expect(403);
    const role = await t
      .http()
      .patch(`/api/v1/users/${manager.userId}`)
      .set(admin.auth)
      .send({ role: 'member' })
      .expect(409);
    expect(role.body.code).toBe('USER.ROLE_NOT_CHANGEABLE');

    await t.http().delete(`/api/v1/users/${manager.userId}`).set(admin.auth).expect(204);
    await t.http().get('/api/v1/certificates').set(manager.auth).expect(401);
    await login(manager.email, 'a-factory-passphrase-2').expect(401);
    await t.http().get(`/api/v1/users/${manager.userId}`).set(admin.auth).expect(404);
    const again = await inviteManager(t, admin, factory.id, { email: manager.email });
    await t.http().get('/api/v1/certificates').set(again.auth).expect(200);
    await t.http().delete(`/api/v1/users/${admin.userId}`).set(admin.auth).expect(409);
  });

  it('frees the email of a revoked staff invitation', async () => {
    const email = `revoked-${randomBytes(3).toString('hex')}@example.com`;
    const first = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ name: 'Zhao Min', email, role: 'member' })
      .expect(201);
    await t
      .http()
      .delete(`/api/v1/invitations/${first.body.invitation.id}`)
      .set(admin.auth)
      .expect(204);
    await t.http().get(`/api/v1/users/${first.body.id}`).set(admin.auth).expect(404);
    await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token: first.body.invitation.token, password: 'another-long-password' })
      .expect(400);
    const second = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ name: 'Zhao Min', email, role: 'member' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/auth/accept-invitation')
      .send({ token: second.body.invitation.token, password: 'another-long-password' })
      .expect(200);
  });
});
