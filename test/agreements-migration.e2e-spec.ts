import { DataSource } from 'typeorm';
import { CreateAgreements1764300000000 } from '../migrations/1764300000000-CreateAgreements';
import { makeAgreement } from './factories/agreements';
import { createFactory } from './factories';
import { signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';

describe('the agreements migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reverts and re-applies on a database holding agreements', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin);
    await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send(makeAgreement({ factoryId: factory.id }))
      .expect(201);

    const migration = new CreateAgreements1764300000000();
    const queryRunner = t.app.get(DataSource).createQueryRunner();
    try {
      await migration.down(queryRunner);
      expect(await queryRunner.hasTable('agreements')).toBe(false);
      expect(await queryRunner.hasTable('agreement_milestones')).toBe(false);
      await migration.up(queryRunner);
      expect(await queryRunner.hasTable('agreements')).toBe(true);
      expect(await queryRunner.hasTable('agreement_milestones')).toBe(true);
    } finally {
      await queryRunner.release();
    }

    const list = await t.http().get('/api/v1/agreements').set(admin.auth).expect(200);
    expect(list.body.total).toBe(0);
    const again = await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send(makeAgreement({ factoryId: factory.id }))
      .expect(201);
    expect(again.body.milestones).toHaveLength(9);
  });
});
