import { randomBytes, randomUUID } from 'node:crypto';
import { Transactions } from '../../src/database/transactions';
import { User } from '../../src/users/user.entity';
import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';
import { makeCertificate, makeFactory } from './index';
import type { Body, Overrides } from './bodies';

export async function createFactory(
  t: TestApp,
  admin: Account,
  overrides: Overrides<Body<'CreateFactoryDto'>> = {},
): Promise<{ id: string; name: string }> {
  const response = await t
    .http()
    .post('/api/v1/factories')
    .set(admin.auth)
    .send(makeFactory(overrides))
    .expect(201);
  return response.body as { id: string; name: string };
}

export async function createCertificate(
  t: TestApp,
  admin: Account,
  overrides: Overrides<Body<'CreateCertificateDto'>>,
): Promise<{ id: string; certificateNumber: string }> {
  const response = await t
    .http()
    .post('/api/v1/certificates')
    .set(admin.auth)
    .send(makeCertificate(overrides))
    .expect(201);
  return response.body as { id: string; certificateNumber: string };
}

/** A factory manager, written straight to the database (their invitation flow is another feature's). */
export async function createFactoryManager(
  t: TestApp,
  organizationId: string,
  factoryId: string,
  locale: string | null,
): Promise<{ id: string; email: string }> {
  const email = `manager-${randomBytes(4).toString('hex')}@factory.example`;
  const id = randomUUID();
  await t.app.get(Transactions).run((manager) =>
    manager.getRepository(User).insert({
      id,
      organizationId,
      factoryId,
      email,
      name: 'Factory Manager',
      role: 'factory_manager',
      locale,
    }),
  );
  return { id, email };
}
