import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { createCertificate, createFactory } from './factories/reminders';
import { Account, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * Accreditation as data and the CNCA surveillance clock, through the API on a real
 * database: a certification body whose accreditation is recorded as withdrawn (a file in
 * DATA_DIR, as an installation records one without a release), and surveillance counted by
 * CNCA-QMS-01:2025 5.4.1.4 for a Chinese factory and by ISO/IEC 17021-1 9.6.2.2 elsewhere.
 */
jest.setTimeout(60_000);

interface Signal {
  id: string;
  explanation: string;
}

describe('accreditation and the CNCA surveillance clock', () => {
  let database: TestDatabase;
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    database = await createTestDatabase();
    writeFileSync(
      join(database.dataDir, 'accreditation-withdrawals.json'),
      JSON.stringify({
        withdrawals: [
          {
            certificationBody: 'Shenzhen Example Certification Co., Ltd.',
            aliases: ['深圳示例认证有限公司'],
            accreditationBody: 'CNAS',
            withdrawnOn: '2026-10-15',
            source: 'CNAS announcement of 2026-10-15',
            recordedOn: '2026-11-01',
          },
        ],
      }),
    );
    t = await startApp({ database });
    t.clock.set('2026-12-02T02:00:00Z');
    admin = await signUp(t, { organizationName: 'Accreditation Trading' });
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const signalsOf = async (id: string): Promise<Signal[]> =>
    (await t.http().get(`/api/v1/certificates/${id}`).set(admin.auth).expect(200)).body
      .signals as Signal[];

  // IAF CertSearch, Manage CB Accreditation, "Rules for Withdrawn Accreditation": searchable
  // for 3 months after the withdrawn date.
  it('raises certification_body_accreditation_withdrawn with the 3-month CertSearch window, for that body only', async () => {
    const factory = await createFactory(t, admin);
    const withdrawn = await createCertificate(t, admin, {
      factoryId: factory.id,
      certificationBody: '深圳示例认证有限公司',
      accreditationBody: 'CNAS',
      nextSurveillanceAuditOn: '2027-02-15',
      issuedOn: '2026-03-01',
      expiresOn: '2029-02-28',
    });
    const other = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: '2026-03-01',
      expiresOn: '2029-02-28',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    const signal = (await signalsOf(withdrawn.id)).find(
      (s) => s.id === 'certification_body_accreditation_withdrawn',
    );
    expect(signal?.explanation).toContain('recorded as withdrawn on 2026-10-15');
    expect(signal?.explanation).toContain('searchable only until 2027-01-15');
    expect((await signalsOf(other.id)).map((s) => s.id)).not.toContain(
      'certification_body_accreditation_withdrawn',
    );
    const { body } = await t
      .http()
      .get('/api/v1/signals?signal=certification_body_accreditation_withdrawn')
      .set(admin.auth)
      .expect(200);
    expect((body.items as { certificateId: string }[]).map((i) => i.certificateId)).toEqual([
      withdrawn.id,
    ]);
  });

  it('does not let a certificate of a body that lost its accreditation cover a buyer’s requirement without a gap', async () => {
    const factory = await createFactory(t, admin, { productCategories: ['pumps'] });
    const unaccredited = await createCertificate(t, admin, {
      factoryId: factory.id,
      certificationBody: 'Shenzhen Example Certification Co., Ltd.',
      accreditationBody: 'CNAS',
      scope: 'Manufacture of water pumps',
      productCategories: ['pumps'],
      issuedOn: '2026-03-01',
      expiresOn: '2029-02-28',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    const buyer = await t
      .http()
      .post('/api/v1/buyers')
      .set(admin.auth)
      .send(makeBuyer({ name: 'Hansen Pumpen GmbH' }))
      .expect(201);
    await t
      .http()
      .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
      .set(admin.auth)
      .send(makeRequirement({ productCategory: 'pumps' }))
      .expect(201);
    const gapsOfBuyer = async () =>
      (
        await t
          .http()
          .get(`/api/v1/gaps?buyerId=${buyer.body.id}&pageSize=100`)
          .set(admin.auth)
          .expect(200)
      ).body.items as { rule: string; certificateId: string | null; explanation: string }[];
    const gap = (await gapsOfBuyer()).find((g) => g.rule === 'not_accredited');
    expect(gap?.certificateId).toBe(unaccredited.id);
    expect(gap?.explanation).toBe(
      `The ISO 9001:2015 certificate ${unaccredited.certificateNumber} covering pumps was issued by Shenzhen Example Certification Co., Ltd., whose accreditation was withdrawn on 2026-10-15, so the certificate no longer carries an accreditation.`,
    );

    // One certificate from an accredited body is enough to show the buyer.
    await createCertificate(t, admin, {
      factoryId: factory.id,
      scope: 'Manufacture of water pumps',
      productCategories: ['pumps'],
      issuedOn: '2026-11-01',
      expiresOn: '2029-10-31',
      nextSurveillanceAuditOn: '2027-10-15',
    });
    expect((await gapsOfBuyer()).map((g) => g.rule)).not.toContain('not_accredited');
  });

  // CNCA-QMS-01:2025 5.4.1.4: 12 months after the last surveillance (2025-11-20 → 2026-11-20,
  // overdue on 2026-12-02); ISO/IEC 17021-1 9.6.2.2: once a calendar year (by 2026-12-31).
  it.each([
    ['a Chinese factory (CNCA-approved body)', 'CN', 'CNAS', true],
    ['a Vietnamese factory accredited by UKAS', 'VN', 'UKAS', false],
  ])(
    'counts surveillance for %s by its rule',
    async (_name, country, accreditationBody, overdue) => {
      const factory = await createFactory(t, admin, {
        country,
        licenseNumber: country === 'CN' ? '91350100M000100Y43' : null,
      });
      const certificate = await createCertificate(t, admin, {
        factoryId: factory.id,
        accreditationBody,
        issuedOn: '2025-03-01',
        expiresOn: '2028-02-28',
        nextSurveillanceAuditOn: null,
      });
      await t
        .http()
        .post(`/api/v1/certificates/${certificate.id}/audits`)
        .set(admin.auth)
        .send({ kind: 'surveillance', auditedOn: '2025-11-20' })
        .expect(201);
      const signal = (await signalsOf(certificate.id)).find((s) => s.id === 'surveillance_overdue');
      if (overdue) {
        expect(signal?.explanation).toContain('due by 2026-11-20 (CNCA-QMS-01:2025, 5.4.1.4');
        expect(signal?.explanation).toContain('must now suspend the certificate');
      } else {
        expect(signal).toBeUndefined();
      }
    },
  );
});
