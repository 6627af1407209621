import { randomUUID } from 'node:crypto';
import { Certificate } from '../src/certificates/certificate.entity';
import { Transactions } from '../src/database/transactions';
import { makeCertificate } from './factories';
import { createFactory } from './factories/managers';
import { signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

/**
 * The API's hot reads (lists, details, the signed-in user) run on connections of their
 * own on SQLite (SQLITE_READ_CONNECTIONS), as they do on PostgreSQL's pool: a write in
 * progress neither holds them up nor shows through before it commits.
 */
describe('reads beside a write in progress', () => {
  let t: TestApp;
  let admin: Account;
  let factoryId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = (await createFactory(t, admin)).id;
  });
  afterAll(() => t.close());

  it('a certificate list answers while a transaction is open, without its uncommitted certificate, and with it once committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writing = t.app.get(Transactions).run(async (manager) => {
      await manager.getRepository(Certificate).insert(
        manager.getRepository(Certificate).create({
          ...(makeCertificate({ factoryId }) as Partial<Certificate>),
          id: randomUUID(),
          organizationId: admin.organizationId,
          status: 'active',
        }),
      );
      inserted();
      await gate;
    });
    await insertedYet;
    const during = await t.http().get('/api/v1/certificates').set(admin.auth).expect(200);
    expect(during.body.total).toBe(0);
    release();
    await writing;
    const after = await t.http().get('/api/v1/certificates').set(admin.auth).expect(200);
    expect(after.body.total).toBe(1);
  });

  it('SQLite gets read connections of its own; SQLITE_READ_CONNECTIONS=0 reads on the writing one', async () => {
    const transactions = t.app.get(Transactions);
    if (!transactions.isSqlite) {
      expect(transactions.reader).toBe(transactions.manager);
      return;
    }
    expect(transactions.reader).not.toBe(transactions.manager);
    const single = await startApp({ database: t.database, env: { SQLITE_READ_CONNECTIONS: '0' } });
    try {
      const only = single.app.get(Transactions);
      expect(only.reader).toBe(only.manager);
    } finally {
      await single.close();
    }
  });
});
