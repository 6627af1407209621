import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import type { Body, Overrides } from '../factories/bodies';

export interface Account {
  token: string;
  userId: string;
  organizationId: string;
  email: string;
  auth: { Authorization: string };
}

/** Signs up a fresh organization with its first admin. */
export async function signUp(
  t: TestApp,
  overrides: Overrides<Body<'SignupDto'>> = {},
): Promise<Account> {
  const email = `admin-${randomBytes(4).toString('hex')}@example.com`;
  const response = await t
    .http()
    .post('/api/v1/auth/signup')
    .send({
      organizationName: 'Ningbo Export Trading',
      name: 'Li Wei',
      email,
      password: 'a-long-password-1',
      ...overrides,
    })
    .expect(201);
  const body = response.body as {
    accessToken: string;
    user: { id: string; email: string };
    organization: { id: string };
  };
  return {
    token: body.accessToken,
    userId: body.user.id,
    organizationId: body.organization.id,
    email: body.user.email,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** Adds a colleague with the given role and logs them in through their invitation. */
export async function addStaff(
  t: TestApp,
  admin: Account,
  role: 'admin' | 'member',
  locale?: string,
): Promise<Account> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.com`;
  const created = await t
    .http()
    .post('/api/v1/users')
    .set(admin.auth)
    .send({ name: `A ${role}`, email, role, ...(locale ? { locale } : {}) })
    .expect(201);
  const body = created.body as { id: string; invitation: { token: string } };
  const accepted = await t
    .http()
    .post('/api/v1/auth/accept-invitation')
    .send({ token: body.invitation.token, password: 'another-long-password' })
    .expect(200);
  const token = (accepted.body as { accessToken: string }).accessToken;
  return {
    token,
    userId: body.id,
    organizationId: admin.organizationId,
    email,
    auth: { Authorization: `Bearer ${token}` },
  };
}
