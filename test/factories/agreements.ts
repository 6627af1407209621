import { randomBytes } from 'node:crypto';
import { InvitationsService } from '../../src/auth/invitations.service';
import { Transactions } from '../../src/database/transactions';
import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';
import type { Body, Overrides } from './bodies';

/** Request body of POST /api/v1/agreements; override what the test is about. */
export function makeAgreement(
  overrides: Overrides<Body<'CreateAgreementDto'>> = {},
): Overrides<Body<'CreateAgreementDto'>> {
  return {
    kind: 'certification_cooperation',
    title: `ISO 9001 cooperation ${randomBytes(3).toString('hex')}`,
    standards: ['ISO 9001:2015'],
    productCategories: ['valves'],
    startsOn: '2027-01-31',
    plan: 'standard-6m',
    ...overrides,
  };
}

/**
 * A factory manager of `factoryId`, joined through a real invitation. The invitation is
 * issued through the service (the HTTP route for inviting managers belongs to another feature).
 */
export async function addFactoryManager(
  t: TestApp,
  admin: Account,
  factoryId: string,
): Promise<Account> {
  const email = `manager-${randomBytes(4).toString('hex')}@factory.example`;
  const invitations = t.app.get(InvitationsService);
  const { issued } = await t.app.get(Transactions).run(() =>
    invitations.issue({
      organizationId: admin.organizationId,
      email,
      name: 'Factory Manager',
      role: 'factory_manager',
      factoryId,
      invitedById: admin.userId,
    }),
  );
  const accepted = await t
    .http()
    .post('/api/v1/auth/accept-invitation')
    .send({ token: issued.token, password: 'factory-manager-password' })
    .expect(200);
  const body = accepted.body as { accessToken: string; user: { id: string } };
  return {
    token: body.accessToken,
    userId: body.user.id,
    organizationId: admin.organizationId,
    email,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}
