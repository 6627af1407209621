import { DataSource } from 'typeorm';
import { CreateSubmissionsAndDocuments1764500000000 } from '../migrations/1764500000000-CreateSubmissionsAndDocuments';
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
    const dataSource = t.app.get(DataSource);
    const executed = async () =>
      ((await dataSource.query('SELECT name FROM migrations')) as { name: string }[]).map((row) => row.name);
    const name = new CreateSubmissionsAndDocuments1764500000000().name;
    const total = (await executed()).length;
    // Reverted as migration:revert does, newest first, every later one included, each in a
    // query runner of its own (TypeORM's table cache is per runner: one runner that drops
    // and re-creates a table goes on describing the dropped one, whose indexes the next
    // rebuild then drops twice). SQLite rebuilds a table to change it, and TypeORM's
    // PRAGMA foreign_keys = OFF is a no-op inside the revert's transaction: the test turns
    // it off around the reverts and checks every reference after.
    const sqlite = dataSource.options.type === 'sqlite';
    let reverted = 0;
    if (sqlite) await dataSource.query('PRAGMA foreign_keys = OFF');
    try {
      while ((await executed()).includes(name)) {
        await dataSource.undoLastMigration({ transaction: 'each' });
        reverted++;
      }
      expect(reverted).toBeGreaterThan(1);
      const queryRunner = dataSource.createQueryRunner();
      try {
        expect(await queryRunner.hasTable('submissions')).toBe(false);
        expect(await queryRunner.hasTable('documents')).toBe(false);
      } finally {
        await queryRunner.release();
      }
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(reverted);
      expect(await executed()).toHaveLength(total);
      if (sqlite) expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      if (sqlite) await dataSource.query('PRAGMA foreign_keys = ON');
    }
    const list = await t.http().get('/api/v1/submissions').set(admin.auth).expect(200);
    expect(list.body.total).toBe(0);
    await seed();
  });
});
