import { ScopeGapReminderSource } from '../src/gaps/scope-gap.source';
import { GapEpisodesStep } from '../src/gaps/gap-episodes.step';
import { DueNotice } from '../src/reminders/reminder-source';
import { ReportCache } from '../src/database/report-cache';
import { Transactions } from '../src/database/transactions';
import {
  VERIFICATION_STATES,
  VerificationState,
  VerificationStates,
  CertificateBacking,
} from '../src/certificates/certificate-links';
import { CertificatesService } from '../src/certificates/certificates.service';
import { BuyerReportsService } from '../src/gaps/buyer-reports.service';
import { AuditsService } from '../src/audits/audits.service';
import { FindingsService } from '../src/audits/findings.service';
import { StandingService } from '../src/audits/standing.service';
import { DocumentsService } from '../src/documents/documents.service';
import { VerificationsService } from '../src/verification/verifications.service';
import { renderEvidencePackPdf } from '../src/gaps/evidence-pack.pdf';
import { BuyersService } from '../src/buyers/buyers.service';
import { Clock } from '../src/common/clock';
import { hashPassword } from '../src/auth/passwords';
import { User } from '../src/users/user.entity';
import { ProductVocabularyFile } from '../src/config/product-vocabulary';
import { StandardsCatalog } from '../src/config/standards-catalog';
import { explainGap } from '../src/gaps/gap-explanations';
import { GapsService } from '../src/gaps/gaps.service';
import { FactoriesService } from '../src/factories/factories.service';
import { OrganizationsService } from '../src/organizations/organizations.service';
import { makeBuyer, makeRequirement } from './factories/buyers';
import { makeCertificate, makeFactory } from './factories';
import { Account, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { parsePdf } from './support/pdf-text';
import { GAP_RULE_IDS } from '../src/gaps/gap.rules';

interface GapBody {
  rule: string;
  buyerId: string;
  requirementId: string;
  factoryId: string | null;
  standard: string;
  productCategory: string;
  certificateId: string | null;
  explanation: string;
}

describe('buyers, requirements and scope gaps', () => {
  let t: TestApp;
  let trader: Account;
  const ids: Record<string, string> = {};

  const api = (account: Account) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set(account.auth),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set(account.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set(account.auth).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set(account.auth),
  });

  /**
   * "Never verified" is known only when the verification feature provides
   * VERIFICATION_STATES; then every certificate of this scenario (none is verified) has
   * such a not_verified gap. Those are checked on their own, and set aside elsewhere, so
   * the scenario holds with or without that feature. Suspended and withdrawn
   * certificates are not_verified either way.
   */
  let verificationKnown = false;
  const neverVerified = (g: { rule: string; explanation?: string; facts?: { status?: string } }) =>
    g.rule === 'not_verified' &&
    !(g.explanation
      ? /is (suspended|withdrawn)/.test(g.explanation)
      : ['suspended', 'withdrawn'].includes(g.facts?.status ?? ''));
  const allGapsOf = async (account: Account, query = '') => {
    const response = await api(account).get(`/gaps?pageSize=200${query}`).expect(200);
    return response.body.items as GapBody[];
  };
  const gapsOf = async (account: Account, query = '') =>
    (await allGapsOf(account, query)).filter((g) => !neverVerified(g));
  const summary = (gaps: GapBody[]) =>
    gaps
      .map(
        (g) =>
          `${g.rule} ${g.standard} ${g.productCategory} ${g.factoryId ?? 'own'} ${g.certificateId ?? '-'}`,
      )
      .sort();

  beforeAll(async () => {
    t = await startApp();
    try {
      t.app.get(VERIFICATION_STATES, { strict: false });
      verificationKnown = true;
    } catch {
      verificationKnown = false;
    }
    t.clock.set('2026-06-01T02:00:00Z'); // 10:00 in Shanghai
    trader = await signUp(t);
    const a = api(trader);
    // A trading company: its licence has no production wording.
    await a.patch('/organization', { businessScope: '货物进出口；五金产品批发、零售' }).expect(200);

    const factory = async (name: string, productCategories: string[]) =>
      (await a.post('/factories', makeFactory({ name, productCategories })).expect(201)).body
        .id as string;
    ids.valveFactory = await factory('Yuyao Valve Works', ['valves']);
    ids.motorFactory = await factory('Cixi Motor Factory', ['pumps', 'motors']);
    ids.pumpFactory = await factory('Fenghua Pump Factory', ['pumps']);

    const certificate = async (body: Record<string, unknown>) =>
      (await a.post('/certificates', makeCertificate(body)).expect(201)).body.id as string;
    ids.valve9001 = await certificate({
      factoryId: ids.valveFactory,
      certificateNumber: 'Q-VALVE-9001',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    ids.valve14001 = await certificate({
      factoryId: ids.valveFactory,
      standard: 'ISO 14001:2015',
      certificateNumber: 'E-VALVE-14001',
      expiresOn: '2026-07-15',
      nextSurveillanceAuditOn: null,
    });
    ids.motor14001 = await certificate({
      factoryId: ids.motorFactory,
      standard: 'ISO 14001:2015',
      certificateNumber: 'E-MOTOR-14001',
      scope: 'Manufacture of electric motors',
      productCategories: ['motors'],
      nextSurveillanceAuditOn: '2027-01-10',
    });
    ids.own9001 = await certificate({
      factoryId: null,
      certificateNumber: 'Q-OWN-9001',
      scope: 'Export and sale of pumps',
      productCategories: ['pumps'],
      nextSurveillanceAuditOn: '2027-03-01',
    });
    // an expired certificate that would cover pumps never counts
    await certificate({
      factoryId: ids.pumpFactory,
      standard: 'ISO 14001:2015',
      certificateNumber: 'E-PUMP-OLD',
      productCategories: ['pumps'],
      issuedOn: '2023-01-01',
      expiresOn: '2026-01-01',
      nextSurveillanceAuditOn: null,
    });

    const buyer = await a
      .post('/buyers', makeBuyer({ name: 'Hansen Industrial GmbH', country: 'de' }))
      .expect(201);
    ids.buyer = buyer.body.id;
    for (const standard of ['ISO 9001:2015', 'ISO 14001:2015'])
      for (const productCategory of ['valves', 'pumps'])
        await a
          .post(`/buyers/${ids.buyer}/requirements`, { standard, productCategory })
          .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps buyers and their requirements', async () => {
    const a = api(trader);
    const buyer = await a.get(`/buyers/${ids.buyer}`).expect(200);
    expect(buyer.body).toMatchObject({
      name: 'Hansen Industrial GmbH',
      country: 'DE',
      contactEmail: 'purchasing@buyer.example',
    });
    expect(buyer.body.requirements).toHaveLength(4);
    const list = await a.get('/buyers').expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    const updated = await a
      .patch(`/buyers/${ids.buyer}`, { notes: 'Audits suppliers yearly' })
      .expect(200);
    expect(updated.body.notes).toBe('Audits suppliers yearly');
    const requirement = buyer.body.requirements[0];
    await a.get(`/requirements/${requirement.id}`).expect(200);
    const listed = await a.get(`/buyers/${ids.buyer}/requirements`).expect(200);
    expect(listed.body.map((r: { id: string }) => r.id)).toContain(requirement.id);
  });

  it('names the bad field of a buyer or requirement', async () => {
    const a = api(trader);
    const badBuyer = await a
      .post('/buyers', makeBuyer({ country: 'Germany', contactEmail: 'nope' }))
      .expect(400);
    expect(badBuyer.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['country', 'contactEmail']),
    );
    const unknown = await a
      .post(`/buyers/${ids.buyer}/requirements`, makeRequirement({ standard: 'ISO 9999' }))
      .expect(400);
    expect(unknown.body.details[0].field).toBe('standard');
    expect(unknown.body.message).toContain('ISO 14001:2015');
    const empty = await a
      .post(`/buyers/${ids.buyer}/requirements`, makeRequirement({ productCategory: '  ' }))
      .expect(400);
    expect(empty.body.details[0].field).toBe('productCategory');
    await a
      .post(`/buyers/${ids.buyer}/requirements`, makeRequirement({ productCategory: 'Valves' }))
      .expect(409);
    await a.get('/gaps?rule=whatever').expect(400);
  });

  it('shows exactly the expected gaps for the scenario', async () => {
    const gaps = await gapsOf(trader);
    expect(summary(gaps)).toEqual(
      [
        `expires_soon ISO 14001:2015 valves ${ids.valveFactory} ${ids.valve14001}`,
        `trader_scope_only ISO 9001:2015 pumps own ${ids.own9001}`,
        `scope_not_covering ISO 14001:2015 pumps ${ids.motorFactory} ${ids.motor14001}`,
        `no_certificate ISO 14001:2015 pumps ${ids.pumpFactory} -`,
      ].sort(),
    );
    for (const gap of gaps) {
      expect(gap.buyerId).toBe(ids.buyer);
      expect(gap.explanation).toMatch(/^[A-Z][^]*\.$/);
    }
    const tokenOnly = (await allGapsOf(trader)).filter(neverVerified);
    expect(tokenOnly.map((g) => g.certificateId).sort()).toEqual(
      verificationKnown ? [ids.valve9001, ids.valve14001, ids.own9001].sort() : [],
    );
    const byRule = new Map(gaps.map((g) => [g.rule, g.explanation]));
    expect(byRule.get('expires_soon')).toContain('2026-07-15');
    expect(byRule.get('no_certificate')).toContain('Fenghua Pump Factory');
    expect(byRule.get('trader_scope_only')).toContain('进出口');
  });

  it('filters gaps by rule, factory, standard and buyer', async () => {
    expect(summary(await gapsOf(trader, '&rule=no_certificate'))).toEqual([
      `no_certificate ISO 14001:2015 pumps ${ids.pumpFactory} -`,
    ]);
    expect((await gapsOf(trader, `&factoryId=${ids.motorFactory}`)).map((g) => g.rule)).toEqual([
      'scope_not_covering',
    ]);
    expect((await gapsOf(trader, '&factoryId=own')).map((g) => g.rule)).toEqual([
      'trader_scope_only',
    ]);
    expect(await gapsOf(trader, '&standard=ISO%209001:2015')).toHaveLength(1);
    expect(await gapsOf(trader, `&buyerId=${ids.buyer}`)).toHaveLength(4);
    const page = await api(trader).get('/gaps?pageSize=1&page=2').expect(200);
    expect(page.body).toMatchObject({ total: verificationKnown ? 7 : 4, page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('shows for each requirement the covering certificate or the gaps', async () => {
    const coverage = await api(trader).get(`/buyers/${ids.buyer}/coverage`).expect(200);
    expect(coverage.body).toMatchObject({ today: '2026-06-01', horizonDays: 90 });
    const rows = new Map(
      (
        coverage.body.requirements as {
          standard: string;
          productCategory: string;
          gaps: GapBody[];
        }[]
      ).map((r) => [
        `${r.standard} ${r.productCategory}`,
        { ...r, gaps: r.gaps.filter((g) => !neverVerified(g)) },
      ]),
    );
    expect(rows.get('ISO 9001:2015 valves')).toMatchObject({
      status: verificationKnown ? 'covered_with_gaps' : 'covered',
      gaps: [],
      certificate: {
        id: ids.valve9001,
        holder: 'factory',
        factoryName: 'Yuyao Valve Works',
        certificateNumber: 'Q-VALVE-9001',
        expiresOn: '2028-02-28',
      },
    });
    expect(rows.get('ISO 14001:2015 valves')).toMatchObject({
      status: 'covered_with_gaps',
      certificate: { id: ids.valve14001 },
      gaps: [{ rule: 'expires_soon' }],
    });
    expect(rows.get('ISO 9001:2015 pumps')).toMatchObject({
      status: 'covered_with_gaps',
      certificate: { id: ids.own9001, holder: 'own', factoryName: null },
      gaps: [{ rule: 'trader_scope_only' }],
    });
    expect(rows.get('ISO 14001:2015 pumps')).toMatchObject({
      status: 'not_covered',
      certificate: null,
    });
    expect(rows.get('ISO 14001:2015 pumps')).toHaveProperty('gaps.length', 2);
  });

  it('uses verification states when the verification feature provides them', async () => {
    const known = new Map<string, VerificationState>([
      [ids.valve9001, 'verified'],
      [ids.valve14001, 'failed'],
    ]);
    const asked: string[][] = [];
    const verification: VerificationStates = {
      statesFor: (organizationId, certificateIds) => {
        expect(organizationId).toBe(trader.organizationId);
        asked.push(certificateIds);
        return Promise.resolve(new Map([...known].filter(([id]) => certificateIds.includes(id))));
      },
      accreditationWithdrawnOn: () => null,
    };
    const service = new GapsService(
      t.app.get(Transactions),
      t.app.get(OrganizationsService),
      t.app.get(BuyersService),
      t.app.get(FactoriesService),
      t.app.get(CertificatesService),
      t.app.get(StandardsCatalog),
      t.app.get(ProductVocabularyFile),
      t.app.get(Clock),
      t.app.get(FindingsService),
      t.app.get(ReportCache),
      verification,
    );
    const analysis = await service.analyse(trader.organizationId);
    expect(asked).toHaveLength(1);
    expect(asked[0].sort()).toEqual([ids.valve9001, ids.valve14001, ids.own9001].sort());
    const gaps = analysis.requirements.flatMap((r) => r.gaps);
    expect(
      gaps
        .map((g) => `${g.rule} ${g.standard} ${g.productCategory} ${g.certificateId ?? '-'}`)
        .sort(),
    ).toEqual(
      [
        `expires_soon ISO 14001:2015 valves ${ids.valve14001}`,
        `not_verified ISO 14001:2015 valves ${ids.valve14001}`,
        `trader_scope_only ISO 9001:2015 pumps ${ids.own9001}`,
        `not_verified ISO 9001:2015 pumps ${ids.own9001}`,
        `scope_not_covering ISO 14001:2015 pumps ${ids.motor14001}`,
        `no_certificate ISO 14001:2015 pumps -`,
      ].sort(),
    );
    const failed = gaps.find(
      (g) => g.rule === 'not_verified' && g.certificateId === ids.valve14001,
    )!;
    expect(explainGap(failed)).toContain('failed verification');
    const own = gaps.find((g) => g.rule === 'not_verified' && g.certificateId === ids.own9001)!;
    expect(explainGap(own)).toContain('never been verified');
  });

  it('names the agreement backing a certificate when the agreements feature provides it', async () => {
    const backing: CertificateBacking = {
      backingFor: (organizationId, certificateIds) =>
        Promise.resolve(
          new Map(
            certificateIds
              .filter((id) => id === ids.valve9001)
              .map((id) => [
                id,
                [
                  {
                    agreementId: 'agreement-1',
                    kind: 'audit_disclosure' as const,
                    title: 'Supplier audit 2026 of Yuyao Valve Works',
                    status: 'active',
                    factoryId: ids.valveFactory,
                  },
                ],
              ]),
          ),
        ),
    };
    const reports = new BuyerReportsService(
      t.app.get(BuyersService),
      t.app.get(GapsService),
      t.app.get(CertificatesService),
      t.app.get(OrganizationsService),
      t.app.get(FactoriesService),
      t.app.get(VerificationsService),
      t.app.get(DocumentsService),
      t.app.get(AuditsService),
      t.app.get(FindingsService),
      t.app.get(StandingService),
      t.app.get(ProductVocabularyFile),
      backing,
    );
    const actor = {
      userId: trader.userId,
      organizationId: trader.organizationId,
      role: 'admin' as const,
      factoryId: null,
      email: trader.email,
      name: 'Li Wei',
      locale: null,
    };
    const pack = await reports.evidencePack(actor, ids.buyer);
    const item = pack.items.find((i) => i.certificate?.id === ids.valve9001)!;
    expect(item.backing).toEqual([
      expect.objectContaining({ title: 'Supplier audit 2026 of Yuyao Valve Works' }),
    ]);
    expect(pack.items.find((i) => i.certificate?.id === ids.valve14001)!.backing).toEqual([]);
    // The buyer's document names the certificate, not the trader's internal agreements.
    const pdf = await parsePdf(await renderEvidencePackPdf(pack));
    expect(pdf.text).toContain('Q-VALVE-9001');
    expect(pdf.text).not.toContain('Supplier audit 2026 of Yuyao Valve Works');
  });

  it('builds an evidence pack as a PDF naming the covering certificates, and as JSON', async () => {
    const pdf = await api(trader)
      .get(`/buyers/${ids.buyer}/evidence-pack`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    const { text } = await parsePdf(bytes);
    for (const number of ['Q-VALVE-9001', 'E-VALVE-14001', 'Q-OWN-9001'])
      expect(text).toContain(number);
    expect(text).toContain('Hansen Industrial GmbH');
    expect(text).toContain('not covered by a certificate');
    expect(text).not.toContain('E-MOTOR-14001');
    for (const rule of GAP_RULE_IDS) expect(text).not.toContain(rule);

    const json = await api(trader)
      .get(`/buyers/${ids.buyer}/evidence-pack`)
      .set('Accept', 'application/json')
      .expect(200);
    expect(json.headers['content-type']).toContain('application/json');
    const item = (json.body.items as { standard: string; productCategory: string }[]).find(
      (i) => i.standard === 'ISO 9001:2015' && i.productCategory === 'valves',
    );
    expect(item).toMatchObject({
      status: verificationKnown ? 'covered_with_gaps' : 'covered',
      certificate: {
        certificateNumber: 'Q-VALVE-9001',
        certificationBody: 'China Quality Certification Centre',
        accreditationBody: 'CNAS',
        issuedOn: '2025-03-01',
        factoryName: 'Yuyao Valve Works',
      },
      backing: [],
    });
    expect(['verified', 'unverified', 'pending_registry', 'failed']).toContain(
      (item as unknown as { certificate: { verification: string } }).certificate.verification,
    );
    expect(json.body.buyer.name).toBe('Hansen Industrial GmbH');
  });

  it('reports scope_gap episodes once, and again only after a gap is solved and reappears', async () => {
    const source = t.app.get(ScopeGapReminderSource);
    const manager = t.app.get(Transactions).manager;
    const context = (today: string) => ({
      organizationId: trader.organizationId,
      today,
      policy: {
        thresholdsDays: [90, 30],
        sendHour: 9,
        timezone: 'Asia/Shanghai',
        locale: 'en',
        escalateAfterDays: 7,
        overdueRepeatDays: 7,
        unassignedRecipients: 'admins' as const,
      },
      manager,
      batchSize: 2,
    });
    const notices = async (today: string) => {
      await t.app.get(GapEpisodesStep).run(context(today));
      const found: DueNotice[] = [];
      for await (const batch of source.scan(context(today))) found.push(...batch);
      return found.filter(
        (n) =>
          !neverVerified({
            rule: String(n.payload.rule),
            facts: n.payload.facts as { status?: string },
          }),
      );
    };
    const first = await notices('2026-06-01');
    expect(first).toHaveLength(4);
    expect(new Set(first.map((n) => n.dedupeKey)).size).toBe(4);
    expect(first.every((n) => n.kind === 'scope_gap' && n.audience === 'admins')).toBe(true);
    const noCertificate = first.find((n) => n.payload.rule === 'no_certificate')!;
    expect(source.render({ ...noCertificate, daysLeft: 0 }, 'en').title).toContain(
      'Hansen Industrial GmbH',
    );
    expect(source.render({ ...noCertificate, daysLeft: 0 }, 'zh-CN').title).toContain('认证缺口');

    // the next day, the same gaps keep the same keys: nothing new to send
    const second = await notices('2026-06-02');
    expect(second.map((n) => n.dedupeKey).sort()).toEqual(first.map((n) => n.dedupeKey).sort());

    // the pump factory is given pumps-covering ISO 14001: that gap is solved...
    const fix = await api(trader)
      .post(
        '/certificates',
        makeCertificate({
          factoryId: ids.pumpFactory,
          standard: 'ISO 14001:2015',
          certificateNumber: 'E-PUMP-14001',
          productCategories: ['pumps'],
          nextSurveillanceAuditOn: '2027-04-01',
        }),
      )
      .expect(201);
    if (verificationKnown) {
      // with verification on, an unchecked certificate is itself a gap: confirm it
      await api(trader)
        .post(`/certificates/${fix.body.id}/verifications`, {
          method: 'cnca',
          result: 'confirmed',
          checkedOn: '2026-06-01',
        })
        .expect(201);
    }
    const third = await notices('2026-06-03');
    expect(third.find((n) => n.payload.rule === 'no_certificate')).toBeUndefined();
    expect(third.find((n) => n.payload.rule === 'scope_not_covering')).toBeUndefined();
    // ... and when that certificate is withdrawn the pumps gap is back, as a new episode
    await api(trader).patch(`/certificates/${fix.body.id}`, { status: 'withdrawn' }).expect(200);
    const fourth = await notices('2026-06-04');
    const back = fourth.find(
      (n) => n.payload.rule === 'not_verified' && n.factoryId === ids.pumpFactory,
    );
    expect(back).toBeDefined();
    expect(first.map((n) => n.dedupeKey)).not.toContain(back!.dedupeKey);
    // once that certificate has expired, the old no_certificate gap reappears under a new key
    await api(trader)
      .patch(`/certificates/${fix.body.id}`, { expiresOn: '2026-06-04', issuedOn: '2025-01-01' })
      .expect(200);
    const fifth = await notices('2026-06-05');
    const reappeared = fifth.find((n) => n.payload.rule === 'no_certificate')!;
    expect(reappeared).toBeDefined();
    expect(reappeared.dedupeKey).not.toBe(noCertificate.dedupeKey);
  });

  it('flags suspended certificates, production wording and ending editions as they change', async () => {
    const a = api(trader);
    await a.patch(`/certificates/${ids.valve9001}`, { status: 'suspended' }).expect(200);
    let gaps = await gapsOf(trader, `&factoryId=${ids.valveFactory}`);
    expect(summary(gaps)).toEqual(
      [
        `expires_soon ISO 14001:2015 valves ${ids.valveFactory} ${ids.valve14001}`,
        `not_verified ISO 9001:2015 valves ${ids.valveFactory} ${ids.valve9001}`,
      ].sort(),
    );
    expect(gaps.find((g) => g.rule === 'not_verified')!.explanation).toContain('suspended');
    await a.patch(`/certificates/${ids.valve9001}`, { status: 'active' }).expect(200);

    // the trader adds production wording to its licence: its own certificate now counts
    await a
      .patch('/organization', { businessScope: '阀门、水泵制造、加工；货物进出口' })
      .expect(200);
    expect(await gapsOf(trader, '&rule=trader_scope_only')).toEqual([]);

    // an edition whose certification ends within the horizon
    const old = await a
      .post(`/buyers/${ids.buyer}/requirements`, {
        standard: 'ISO 9001:2008',
        productCategory: 'valves',
      })
      .expect(201);
    gaps = await gapsOf(trader, '&standard=ISO%209001:2008');
    expect(summary(gaps)).toEqual(
      [
        `edition_ending ISO 9001:2008 valves own -`,
        `no_certificate ISO 9001:2008 valves ${ids.valveFactory} -`,
      ].sort(),
    );
    await a.delete(`/requirements/${old.body.id}`).expect(204);
    await a.get(`/requirements/${old.body.id}`).expect(404);
  });

  it('keeps every tenant to itself', async () => {
    const before = summary(await gapsOf(trader));
    const other = await signUp(t, { organizationName: 'Other Trader' });
    const o = api(other);
    // the other tenant has a pump factory with a covering ISO 14001: it must not help the first
    const factory = await o
      .post('/factories', makeFactory({ productCategories: ['pumps'] }))
      .expect(201);
    await o
      .post(
        '/certificates',
        makeCertificate({
          factoryId: factory.body.id,
          standard: 'ISO 14001:2015',
          productCategories: ['pumps'],
          certificateNumber: 'E-OTHER-14001',
        }),
      )
      .expect(201);
    const requirement = (await api(trader).get(`/buyers/${ids.buyer}`).expect(200)).body
      .requirements[0];

    await o.get(`/buyers/${ids.buyer}`).expect(404);
    await o.patch(`/buyers/${ids.buyer}`, { name: 'Taken' }).expect(404);
    await o.post(`/buyers/${ids.buyer}/requirements`, makeRequirement()).expect(404);
    await o.get(`/buyers/${ids.buyer}/requirements`).expect(404);
    await o.get(`/buyers/${ids.buyer}/coverage`).expect(404);
    await o.get(`/buyers/${ids.buyer}/evidence-pack`).expect(404);
    await o.get(`/buyers/${ids.buyer}/evidence-pack`).set('Accept', 'application/json').expect(404);
    await o.get(`/requirements/${requirement.id}`).expect(404);
    await o.delete(`/requirements/${requirement.id}`).expect(404);
    await o.delete(`/buyers/${ids.buyer}`).expect(404);
    expect((await o.get('/buyers').expect(200)).body.total).toBe(0);
    expect(await gapsOf(other)).toEqual([]);
    expect(await gapsOf(other, `&buyerId=${ids.buyer}`)).toEqual([]);

    // the other tenant's buyer with the same demand sees only its own data
    const theirs = await o.post('/buyers', makeBuyer()).expect(201);
    await o
      .post(
        `/buyers/${theirs.body.id}/requirements`,
        makeRequirement({ standard: 'ISO 14001:2015', productCategory: 'pumps' }),
      )
      .expect(201);
    const coverage = await o.get(`/buyers/${theirs.body.id}/coverage`).expect(200);
    expect(coverage.body.requirements[0].certificate.certificateNumber).toBe('E-OTHER-14001');
    const theirGaps = await gapsOf(other);
    for (const gap of theirGaps) {
      expect(gap.buyerId).toBe(theirs.body.id);
      expect(Object.values(ids)).not.toContain(gap.factoryId);
      expect(Object.values(ids)).not.toContain(gap.certificateId);
    }
    expect(summary(await gapsOf(trader))).toEqual(before);
    await api(trader).get(`/buyers/${ids.buyer}`).expect(200);
  });

  it('is for trader staff only: a factory manager gets 403', async () => {
    // No invitation route for factory managers exists yet: the user is stored directly.
    const email = `manager-${Date.now()}@factory.example`;
    await t.app.get(Transactions).run(async (manager) => {
      const users = manager.getRepository(User);
      await users.insert(
        users.create({
          organizationId: trader.organizationId,
          email,
          name: 'Factory Manager',
          role: 'factory_manager',
          locale: null,
          factoryId: ids.valveFactory,
          passwordHash: await hashPassword('a-long-password-1'),
        }),
      );
    });
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'a-long-password-1' })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
    for (const path of [
      '/buyers',
      `/buyers/${ids.buyer}`,
      `/buyers/${ids.buyer}/coverage`,
      `/buyers/${ids.buyer}/evidence-pack`,
      '/gaps',
    ])
      await t.http().get(`/api/v1${path}`).set(auth).expect(403);
    await t.http().post('/api/v1/buyers').set(auth).send(makeBuyer()).expect(403);
  });

  it('deletes a buyer with its requirements', async () => {
    const a = api(trader);
    const buyer = await a.post('/buyers', makeBuyer()).expect(201);
    const requirement = await a
      .post(`/buyers/${buyer.body.id}/requirements`, makeRequirement())
      .expect(201);
    await a.delete(`/buyers/${buyer.body.id}`).expect(204);
    await a.get(`/buyers/${buyer.body.id}`).expect(404);
    await a.get(`/requirements/${requirement.body.id}`).expect(404);
  });
});
