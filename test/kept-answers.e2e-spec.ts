import { makeCertificate } from './factories';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { createFactory } from './factories/managers';
import { addStaff, signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

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
  afterAll(async () => {
    await reader.close();
    await writer.close();
  });

  it("shows the other process's change in the detail and the list at once", async () => {
    const detail = () =>
      reader.http().get(`/api/v1/certificates/${certificateId}`).set(admin.auth).expect(200);
    const list = () => reader.http().get('/api/v1/certificates').set(admin.auth).expect(200);
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
});
