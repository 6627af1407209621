import { ReminderScanService } from '../src/reminders/reminder-scan.service';
import { createCertificate, createFactory } from './factories';
import { Account, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';

interface CertificateBody {
  id: string;
  status: string;
  recordedStatus: string;
  daysUntilExpiry: number;
  supersedesId: string | null;
}

interface AuditItem {
  action: string;
  actorId: string | null;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

jest.setTimeout(60_000);

/** Issue 13: expiry is a state, the day after expiresOn in the organization's timezone. */
describe('certificate expiry', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  const get = async (account: Account, id: string) =>
    (await t.http().get(`/api/v1/certificates/${id}`).set(account.auth).expect(200))
      .body as CertificateBody;
  const ids = async (account: Account, query: string) =>
    (
      (
        await t
          .http()
          .get(`/api/v1/certificates?pageSize=100&${query}`)
          .set(account.auth)
          .expect(200)
      ).body as { items: CertificateBody[] }
    ).items
      .map((c) => c.id)
      .sort();
  const events = async (account: Account, id: string) =>
    (
      (
        await t
          .http()
          .get('/api/v1/audit-events')
          .query({ entityType: 'certificate', entityId: id, action: 'certificate.expired' })
          .set(account.auth)
          .expect(200)
      ).body as { items: AuditItem[] }
    ).items;
  const scan = (account: Account) => t.app.get(ReminderScanService).scan(account.organizationId);

  it('is expired in every answer and filter from the day after expiresOn, and stored so by the scan with its audit event', async () => {
    const account = await signUp(t); // Asia/Shanghai
    const factory = await createFactory(t, account);
    const make = (overrides: Record<string, unknown>) =>
      createCertificate(t, account, {
        factoryId: factory.id,
        issuedOn: '2023-11-23',
        ...overrides,
      });
    const lapsing = await make({ expiresOn: '2026-11-22' });
    const suspended = await make({ expiresOn: '2026-11-22', status: 'suspended' });
    const current = await make({ expiresOn: '2027-06-30' });
    // ISO 9001:2008 stopped counting on 2018-09-15, whatever its certificate says.
    const voidEdition = await make({
      standard: 'ISO 9001:2008',
      issuedOn: '2017-01-10',
      expiresOn: '2027-01-09',
    });

    // 2026-11-22 23:30 in Shanghai: the certificate's last day, still active.
    t.clock.set('2026-11-22T15:30:00Z');
    expect(await get(account, lapsing.id)).toMatchObject({ status: 'active', daysUntilExpiry: 0 });
    expect(await ids(account, 'status=expired')).toEqual([voidEdition.id]);
    expect(await ids(account, 'expiringWithinDays=0')).toEqual([lapsing.id, suspended.id].sort());

    // 2026-11-23 00:30 in Shanghai (still the 22nd in UTC): expired, before any scan.
    t.clock.set('2026-11-22T16:30:00Z');
    expect(await get(account, lapsing.id)).toMatchObject({
      status: 'expired',
      recordedStatus: 'active',
      daysUntilExpiry: -1,
    });
    expect((await get(account, suspended.id)).status).toBe('expired');
    expect((await get(account, voidEdition.id)).status).toBe('expired');
    expect(await ids(account, 'status=expired')).toEqual(
      [lapsing.id, suspended.id, voidEdition.id].sort(),
    );
    expect(await ids(account, 'status=active')).toEqual([current.id]);
    expect(await ids(account, 'status=suspended')).toEqual([]);
    expect(await ids(account, 'expiringWithinDays=0')).toEqual([]);
    expect(await ids(account, 'expiringWithinDays=365')).toEqual([current.id]);
    expect(await events(account, lapsing.id)).toEqual([]);

    // Ten days later the daily scan stores it, once, with an audit event by the system.
    t.clock.set('2026-12-02T01:00:00Z');
    await scan(account);
    await scan(account);
    for (const id of [lapsing.id, suspended.id, voidEdition.id]) {
      expect(await get(account, id)).toMatchObject({
        status: 'expired',
        recordedStatus: 'expired',
      });
      const stored = await events(account, id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ actorId: null, after: { status: 'expired' } });
    }
    expect((await events(account, lapsing.id))[0].before).toMatchObject({ status: 'active' });
    expect((await events(account, suspended.id))[0].before).toMatchObject({ status: 'suspended' });
    expect((await events(account, voidEdition.id))[0].after).toMatchObject({
      reason: expect.stringContaining('2018-09-15') as unknown,
    });
    expect(await get(account, current.id)).toMatchObject({
      status: 'active',
      recordedStatus: 'active',
    });
    expect(await ids(account, 'status=expired')).toEqual(
      [lapsing.id, suspended.id, voidEdition.id].sort(),
    );

    // A renewal (or a restoration within six months) brings a successor to active.
    const renewed = await t
      .http()
      .post(`/api/v1/certificates/${lapsing.id}/renew`)
      .set(account.auth)
      .send({ issuedOn: '2026-12-01', expiresOn: '2029-11-30' })
      .expect(201);
    expect(renewed.body).toMatchObject({
      status: 'active',
      supersedesId: lapsing.id,
      previous: { status: 'superseded' },
    });
    expect(await ids(account, 'status=active')).toEqual([current.id, renewed.body.id].sort());
  });
});
