import { CertificatesService } from '../src/certificates/certificates.service';
import type { Actor } from '../src/common/actor';
import { Transactions } from '../src/database/transactions';
import { makeCertificate } from './factories';
import { createFactory } from './factories/managers';
import { signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

/**
 * Inside Transactions.run, services join the transaction without being handed its
 * manager: what they write lands with the rest of the work or not at all.
 */
describe('the transaction in progress, without a manager parameter', () => {
  let t: TestApp;
  let admin: Account;
  let actor: Actor;
  let factoryId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = (await createFactory(t, admin)).id;
    actor = {
      userId: admin.userId,
      organizationId: admin.organizationId,
      role: 'admin',
      factoryId: null,
      email: admin.email,
      name: 'Admin',
      locale: null,
    };
  });
  afterAll(() => t.close());

  async function total(): Promise<number> {
    const list = await t.http().get('/api/v1/certificates').set(admin.auth).expect(200);
    return list.body.total;
  }

  it('rolls back a write made through a service that takes no manager when the work throws', async () => {
    const transactions = t.app.get(Transactions);
    const certificates = t.app.get(CertificatesService);
    let seenInside: string | undefined;
    await expect(
      transactions.run(async () => {
        expect(transactions.inTransaction).toBe(true);
        const created = await certificates.create(
          actor,
          makeCertificate({ factoryId, certificateNumber: 'ROLLED-BACK' }) as never,
        );
        // The default manager and the reader both answer the transaction's own write.
        seenInside = (await certificates.get(actor, created.id)).certificateNumber;
        await certificates.setStatus(admin.organizationId, created.id, 'suspended');
        expect((await certificates.get(actor, created.id, transactions.reader)).status).toBe(
          'suspended',
        );
        throw new Error('the work fails');
      }),
    ).rejects.toThrow('the work fails');
    expect(seenInside).toBe('ROLLED-BACK');
    expect(transactions.inTransaction).toBe(false);
    expect(await total()).toBe(0);
    const events = await t
      .http()
      .get('/api/v1/audit-events?entityType=certificate')
      .set(admin.auth)
      .expect(200);
    expect(events.body.total).toBe(0);
  });

  it('commits the same writes when the work succeeds, and forgets the transaction afterwards', async () => {
    const transactions = t.app.get(Transactions);
    const certificates = t.app.get(CertificatesService);
    const id = await transactions.run(async () => {
      const created = await certificates.create(
        actor,
        makeCertificate({ factoryId, certificateNumber: 'COMMITTED' }) as never,
      );
      return created.id;
    });
    expect(transactions.inTransaction).toBe(false);
    expect(transactions.manager).toBe(transactions.dataSource.manager);
    expect(await total()).toBe(1);
    expect((await certificates.get(actor, id)).certificateNumber).toBe('COMMITTED');
  });
});
