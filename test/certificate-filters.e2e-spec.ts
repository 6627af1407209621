import { makeCertificate } from './factories';
import { createFactory } from './factories/managers';
import { signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

/** The dashboard's counts come from the API: surveillance due and verification due are list filters. */
describe('certificate list filters the dashboard counts', () => {
  let t: TestApp;
  let admin: Account;
  const ids: Record<string, string> = {};

  function isoInDays(days: number): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  }

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    const factory = await createFactory(t, admin);
    for (const [name, surveillance] of [
      ['soon', isoInDays(10)],
      ['later', isoInDays(200)],
      ['none', null],
    ] as const) {
      const created = await t
        .http()
        .post('/api/v1/certificates')
        .set(admin.auth)
        .send(
          makeCertificate({
            factoryId: factory.id,
            certificateNumber: `CN-${name}`,
            issuedOn: isoInDays(-300),
            expiresOn: isoInDays(800),
            nextSurveillanceAuditOn: surveillance,
          }),
        )
        .expect(201);
      ids[name] = created.body.id;
    }
    await t
      .http()
      .post(`/api/v1/certificates/${ids.later}/verifications`)
      .set(admin.auth)
      .send({ method: 'manual', result: 'confirmed', checkedOn: isoInDays(-5) })
      .expect(201);
  });
  afterAll(() => t.close());

  const numbers = async (query: string) => {
    const answer = await t.http().get(`/api/v1/certificates?${query}`).set(admin.auth).expect(200);
    return {
      total: answer.body.total as number,
      numbers: (answer.body.items as { certificateNumber: string }[])
        .map((c) => c.certificateNumber)
        .sort(),
    };
  };

  it('surveillanceWithinDays keeps the certificates whose next surveillance audit falls within it', async () => {
    expect(await numbers('surveillanceWithinDays=30')).toEqual({ total: 1, numbers: ['CN-soon'] });
    expect((await numbers('surveillanceWithinDays=365')).numbers).toEqual(['CN-later', 'CN-soon']);
  });

  it('verificationDue=true keeps those without a confirmed check within a year, false the verified ones', async () => {
    expect(await numbers('status=active&verificationDue=true')).toEqual({
      total: 2,
      numbers: ['CN-none', 'CN-soon'],
    });
    expect(await numbers('verificationDue=false')).toEqual({ total: 1, numbers: ['CN-later'] });
  });

  it('refuses a malformed filter naming it', async () => {
    const answer = await t
      .http()
      .get('/api/v1/certificates?verificationDue=maybe')
      .set(admin.auth)
      .expect(400);
    expect(JSON.stringify(answer.body)).toContain('verificationDue');
  });
});
