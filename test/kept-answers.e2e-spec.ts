import { Pool } from 'pg';
import { Database } from 'sqlite3';
import { makeCertificate } from './factories';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { createFactory } from './factories/managers';
import { addStaff, signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

/**
 * How many times `work` reads the token of committed writes (`PRAGMA data_version` on
 * SQLite, `pg_current_snapshot()` on PostgreSQL), counted on the drivers themselves: every
 * statement still goes to the database.
 */
async function tokenReadsDuring(work: () => Promise<unknown>): Promise<number> {
  let reads = 0;
  const sqliteGet = Database.prototype.get;
  const pgQuery = Pool.prototype.query;
  Database.prototype.get = function (this: Database, sql: string, ...rest: unknown[]) {
    if (sql === 'PRAGMA data_version') reads++;
    return (sqliteGet as (...args: unknown[]) => Database).call(this, sql, ...rest);
  } as typeof sqliteGet;
  Pool.prototype.query = function (this: Pool, ...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].includes('pg_current_snapshot')) reads++;
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  try {
    await work();
  } finally {
    Database.prototype.get = sqliteGet;
    Pool.prototype.query = pgQuery;
  }
  return reads;
}

/**
 * Certificate pages and details, reports and the signed-in user are answered from memory
 * while nothing was written (ReportCache). Two apps on one database stand for two API
 * processes: what one writes, the other answers at once, never from what it kept.
 */
describe('answers kept in memory, with another process writing', () => {
  let writer: TestApp;
  let reader: TestApp;
  let admin: Account;
  let certificateId: string;

  beforeAll(async () => {
    writer = await startApp();
    reader = await startApp({ database: writer.database });
    admin = await signUp(writer);
    const factory = await createFactory(writer, admin);
    const created = await writer
      .http()
      .post('/api/v1/certificates')
      .set(admin.auth)
      .send(makeCertificate({ factoryId: factory.id, certificateNumber: 'CN-KEPT-1' }))
      .expect(201);
    certificateId = created.body.id;
  });
  const detail = () =>
    reader.http().get(`/api/v1/certificates/${certificateId}`).set(admin.auth).expect(200);
  const list = () => reader.http().get('/api/v1/certificates').set(admin.auth).expect(200);
  afterAll(async () => {
    await reader.close();
    await writer.close();
  });

  it("shows the other process's change in the detail and the list at once", async () => {
    expect((await detail()).body.certificateNumber).toBe('CN-KEPT-1');
    expect(
      (await list()).body.items.map((c: { certificateNumber: string }) => c.certificateNumber),
    ).toEqual(['CN-KEPT-1']);
    // Asked again with nothing written: the same answer.
    expect((await detail()).body.certificateNumber).toBe('CN-KEPT-1');

    await writer
      .http()
      .patch(`/api/v1/certificates/${certificateId}`)
      .set(admin.auth)
      .send({ certificateNumber: 'CN-KEPT-2' })
      .expect(200);

    expect((await detail()).body.certificateNumber).toBe('CN-KEPT-2');
    expect(
      (await list()).body.items.map((c: { certificateNumber: string }) => c.certificateNumber),
    ).toEqual(['CN-KEPT-2']);
  });

  it('refuses a colleague deactivated through the other process on their next request', async () => {
    const member = await addStaff(writer, admin, 'member');
    await reader.http().get('/api/v1/certificates').set(member.auth).expect(200);
    await writer
      .http()
      .patch(`/api/v1/users/${member.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    await reader.http().get('/api/v1/certificates').set(member.auth).expect(401);
  });

  it('shows a new certificate of the other process in the gaps report at once', async () => {
    const gaps = async () =>
      (await reader.http().get('/api/v1/gaps').set(admin.auth).expect(200)).body.total as number;
    const before = await gaps();
    const buyer = await writer
      .http()
      .post('/api/v1/buyers')
      .set(admin.auth)
      .send(makeBuyer())
      .expect(201);
    await writer
      .http()
      .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
      .set(admin.auth)
      .send(makeRequirement({ standard: 'ISO 45001:2018' }))
      .expect(201);
    expect(await gaps()).toBeGreaterThan(before);
  });

  it('checks the signed-in user and the page against one read of the token per request', async () => {
    await detail();
    await list();
    // Both answers (the user and the page) are kept now: one read checks them both.
    expect(await tokenReadsDuring(detail)).toBe(1);
    expect(await tokenReadsDuring(list)).toBe(1);
  });
});
