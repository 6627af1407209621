import { DataSource } from 'typeorm';
import { CreateSubmissionsAndDocuments1764500000000 } from '../migrations/1764500000000-CreateSubmissionsAndDocuments';
import { CreateSupplierAudits1765400000000 } from '../migrations/1765400000000-CreateSupplierAudits';
import { UniqueDocumentVersions1766000000000 } from '../migrations/1766000000000-UniqueDocumentVersions';
import { createCertificate, createFactory, makePdf } from './factories/managers';
import { signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';

describe('the submissions and documents migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function seed() {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, factory.id);
    const submission = await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(admin.auth)
      .send({ kind: 'status_change', certificateId: certificate.id, status: 'suspended' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/submissions/${submission.body.id}/documents`)
      .set(admin.auth)
      .attach('file', makePdf(), { filename: 'letter.pdf' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/certificates/${certificate.id}/documents`)
      .set(admin.auth)
      .attach('file', makePdf(), { filename: 'certificate.pdf' })
      .expect(201);
    return { admin, certificate };
  }

  const count = (table: string) =>
    t.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM ${table}`)
      .then((rows: { n: string | number }[]) => Number(rows[0].n));

  it("deletes a certificate's submissions and documents with it", async () => {
    const { admin, certificate } = await seed();
    expect(await count('submissions')).toBe(1);
    expect(await count('documents')).toBe(2);
    await t.http().delete(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(204);
    expect(await count('submissions')).toBe(0);
    expect(await count('documents')).toBe(0);
  });

  it('reverts and re-applies on a database holding submissions and documents', async () => {
    const { admin } = await seed();
    const migration = new CreateSubmissionsAndDocuments1764500000000();
    // The later migrations that change documents (columns, a unique index) are reverted
    // first, newest first, and re-applied after, as migration:revert would.
    const later = [
      new UniqueDocumentVersions1766000000000(),
      new CreateSupplierAudits1765400000000(),
    ];
    const queryRunner = t.app.get(DataSource).createQueryRunner();
    const sqlite = t.app.get(DataSource).options.type === 'sqlite';
    try {
      // SQLite rebuilds a table to drop a column; its rows' references are checked again after.
      if (sqlite) await queryRunner.query('PRAGMA foreign_keys = OFF');
      for (const m of later) await m.down(queryRunner);
      await migration.down(queryRunner);
      expect(await queryRunner.hasTable('submissions')).toBe(false);
      expect(await queryRunner.hasTable('documents')).toBe(false);
      await migration.up(queryRunner);
      expect(await queryRunner.hasTable('submissions')).toBe(true);
      expect(await queryRunner.hasTable('documents')).toBe(true);
      for (const m of [...later].reverse()) await m.up(queryRunner);
      if (sqlite) await queryRunner.query('PRAGMA foreign_keys = ON');
    } finally {
      await queryRunner.release();
    }
    const list = await t.http().get('/api/v1/submissions').set(admin.auth).expect(200);
    expect(list.body.total).toBe(0);
    await seed();
  });
});
