import { DataSource } from 'typeorm';
import { OneOrganizationCalendar1766100000000 } from '../migrations/1766100000000-OneOrganizationCalendar';
import { Account, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { deleteQueueKeys } from './support/redis';

jest.setTimeout(60_000);

/** Issue 13: timezone and locale live on the organization alone. */
describe('one calendar, one language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ env: { RUN_WORKER: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(t.env.QUEUE_PREFIX);
  });

  const organization = async (account: Account) =>
    (await t.http().get('/api/v1/organization').set(account.auth).expect(200)).body as {
      timezone: string;
      locale: string;
    };
  const policy = async (account: Account) =>
    (await t.http().get('/api/v1/settings/reminders').set(account.auth).expect(200)).body as {
      timezone: string;
      locale: string;
      sendHour: number;
    };
  const storedPolicy = async (account: Account) => {
    const rows: { reminderPolicy: string | null }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT "reminderPolicy" FROM "organizations" WHERE "id" = '${account.organizationId}'`,
      );
    return rows[0].reminderPolicy === null
      ? null
      : (JSON.parse(rows[0].reminderPolicy) as Record<string, unknown>);
  };

  it('PUT /settings/reminders {locale, timezone} changes the organization, not a second setting', async () => {
    const admin = await signUp(t);
    expect(await organization(admin)).toMatchObject({ locale: 'en', timezone: 'Asia/Shanghai' });
    await t
      .http()
      .put('/api/v1/settings/reminders')
      .set(admin.auth)
      .send({ locale: 'zh-CN', timezone: 'Europe/Berlin', sendHour: 7 })
      .expect(200);
    expect(await organization(admin)).toMatchObject({ locale: 'zh-CN', timezone: 'Europe/Berlin' });
    const stored = await storedPolicy(admin);
    expect(stored).toMatchObject({ sendHour: 7 });
    expect(stored).not.toHaveProperty('locale');
    expect(stored).not.toHaveProperty('timezone');

    // and the other way round: the organization's settings are the policy's
    await t
      .http()
      .patch('/api/v1/organization')
      .set(admin.auth)
      .send({ locale: 'en', timezone: 'UTC' })
      .expect(200);
    expect(await policy(admin)).toMatchObject({ locale: 'en', timezone: 'UTC', sendHour: 7 });
  });

  it('migrates a policy that held its own timezone and locale onto the organization', async () => {
    const admin = await signUp(t);
    const dataSource = t.app.get(DataSource);
    const old = {
      thresholdsDays: [60, 30],
      sendHour: 6,
      timezone: 'America/New_York',
      locale: 'zh-CN',
      escalateAfterDays: 5,
      overdueRepeatDays: 3,
    };
    const postgres = dataSource.options.type === 'postgres';
    await dataSource.query(
      `UPDATE "organizations" SET "reminderPolicy" = ${postgres ? '$1' : '?'} WHERE "id" = ${postgres ? '$2' : '?'}`,
      [JSON.stringify(old), admin.organizationId],
    );
    const migration = new OneOrganizationCalendar1766100000000();
    const queryRunner = dataSource.createQueryRunner();
    try {
      await migration.up(queryRunner);
      expect(await organization(admin)).toMatchObject({
        locale: 'zh-CN',
        timezone: 'America/New_York',
      });
      expect(await storedPolicy(admin)).toEqual({
        thresholdsDays: [60, 30],
        sendHour: 6,
        escalateAfterDays: 5,
        overdueRepeatDays: 3,
      });
      expect(await policy(admin)).toMatchObject({ locale: 'zh-CN', timezone: 'America/New_York' });
      // running it again changes nothing; down puts the copies back
      await migration.up(queryRunner);
      expect(await organization(admin)).toMatchObject({ locale: 'zh-CN' });
      await migration.down(queryRunner);
      expect(await storedPolicy(admin)).toEqual(old);
      await migration.up(queryRunner);
      expect((await storedPolicy(admin)) ?? {}).not.toHaveProperty('locale');
    } finally {
      await queryRunner.release();
    }
  });
});
