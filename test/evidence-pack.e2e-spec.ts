import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { GAP_RULE_IDS } from '../src/gaps/gap.rules';
import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { parsePdf } from './support/pdf-text';
import { allYes, makeAudit } from './factories/audits';
import { createCertificate, createFactory } from './factories/managers';

/** A one-page certificate as a certification body would issue it, in Chinese and English. */
function certificatePdf(number: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 72 });
  doc.registerFont(
    'cjk',
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.font('cjk').fontSize(26).text('质量管理体系认证证书', { align: 'center' });
  doc.fontSize(16).text('Quality Management System Certificate', { align: 'center' }).moveDown(2);
  doc.fontSize(12).text(`证书编号 Certificate No.: ${number}`).moveDown();
  doc.text('兹证明 余姚精密阀门厂 的质量管理体系符合 GB/T 19001-2016 / ISO 9001:2015 标准。');
  doc.text(
    'This is to certify that the quality management system of Yuyao Precision Valve Factory conforms to ISO 9001:2015.',
  );
  doc.end();
  return done;
}

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the evidence pack a buyer accepts, and the live link', () => {
  let t: TestApp;
  let admin: Account;
  let buyerId: string;
  let buyerZhId: string;

  const api = (account: Account) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set(account.auth),
    post: (path: string, body?: object) =>
      t.http().post(`/api/v1${path}`).set(account.auth).send(body),
  });

  beforeAll(async () => {
    t = await startApp();
    t.clock.set('2026-12-01T04:00:00Z');
    admin = await signUp(t, { organizationName: 'Ningbo Export Trading Co., Ltd.' });
    const a = api(admin);
    const factory = await createFactory(t, admin, {
      name: '余姚精密阀门厂',
      nameEn: 'Yuyao Precision Valve Factory',
      city: 'Yuyao',
      productCategories: ['valves'],
    });
    const certificate = await createCertificate(t, admin, factory.id, {
      certificateNumber: '04524Q30123R2M',
      sites: ['浙江省余姚市阳明街道工业路 88 号'],
      issuedOn: '2025-03-01',
      expiresOn: '2028-02-28',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    await a
      .post(`/certificates/${certificate.id}/verifications`, {
        method: 'cnca',
        result: 'confirmed',
        checkedOn: '2026-11-12',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/certificates/${certificate.id}/documents`)
      .set(admin.auth)
      .attach('file', await certificatePdf('04524Q30123R2M'), 'ISO9001证书.pdf')
      .expect(201);
    const answers = await allYes(t, admin);
    answers[0].answer = 'partial';
    const audit = await a
      .post(
        `/factories/${factory.id}/audits`,
        makeAudit({ auditedOn: '2026-11-10', auditor: 'Wang Fang', answers }),
      )
      .expect(201);
    const finding = await a
      .post(`/audits/${audit.body.id}/findings`, {
        severity: 'minor',
        clause: '7.5',
        description: 'Two work instructions at the assembly line are not the released version.',
      })
      .expect(201);
    await a
      .post(`/findings/${finding.body.id}/corrective-action`, {
        correctiveAction: 'Replaced and briefed.',
      })
      .expect(200);
    await a.post(`/findings/${finding.body.id}/close`, { note: 'Seen on the line.' }).expect(200);

    const buyer = await a
      .post('/buyers', { name: 'Hansen Industrial GmbH', country: 'DE' })
      .expect(201);
    buyerId = buyer.body.id;
    await a
      .post(`/buyers/${buyerId}/requirements`, {
        standard: 'ISO 9001:2015',
        productCategory: 'valves',
      })
      .expect(201);
    await a
      .post(`/buyers/${buyerId}/requirements`, {
        standard: 'ISO 14001:2015',
        productCategory: 'valves',
      })
      .expect(201);
    const buyerZh = await a
      .post('/buyers', { name: '上海机电设备有限公司', country: 'CN', locale: 'zh-CN' })
      .expect(201);
    expect(buyerZh.body.locale).toBe('zh-CN');
    buyerZhId = buyerZh.body.id;
    await a
      .post(`/buyers/${buyerZhId}/requirements`, {
        standard: 'ISO 9001:2015',
        productCategory: 'valves',
      })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is a valid PDF that names the covering certificate, the audit and its score, renders the Chinese holder name, and carries no rule id', async () => {
    const response = await api(admin)
      .get(`/buyers/${buyerId}/evidence-pack`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdf = response.body as Buffer;
    writeFileSync(join(tmpdir(), 'certpact-evidence-pack.pdf'), pdf);
    const parsed = await parsePdf(pdf);
    // pdfkit wraps lines where it likes: the text is read with line breaks folded to spaces.
    const text = parsed.text.replace(/\s+/g, ' ');
    expect(text).toContain('04524Q30123R2M');
    expect(text).toContain('余姚精密阀门厂');
    expect(text).toContain('Yuyao Precision Valve Factory');
    expect(text).toContain('Ningbo Export Trading Co., Ltd. is a trading company');
    expect(text).toContain('audited on 2026-11-10');
    expect(text).toContain('Wang Fang');
    expect(text).toContain('98 / 100');
    expect(text).toContain('verified and closed on');
    expect(text).toMatch(/confirmed, CNCA register, on 2026-11-12/);
    // The uncovered requirement says what the trader does instead.
    expect(text).toContain('No current ISO 14001:2015 certificate covers valves');
    expect(text).toContain(
      'Instead, Ningbo Export Trading Co., Ltd. audits the factory that makes them',
    );
    for (const rule of [...GAP_RULE_IDS, 'covered_with_gaps', 'not_covered'])
      expect(text).not.toContain(rule);
    // The certificate's own PDF is appended after its appendix page.
    const appendix = parsed.pages.findIndex((p) => p.includes('Appendix A1'));
    expect(appendix).toBeGreaterThan(0);
    expect(parsed.pages[appendix + 1]).toContain('质量管理体系认证证书');
    expect(parsed.numPages).toBe(appendix + 2);
  });

  it('speaks the buyer’s language', async () => {
    const response = await api(admin)
      .get(`/buyers/${buyerZhId}/evidence-pack`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const { text } = await parsePdf(response.body as Buffer);
    expect(text).toContain('认证证据资料');
    expect(text).toContain('是一家贸易公司');
    expect(text).toContain('已于');
    expect(text).not.toContain('Certification evidence');
    // The requirement was typed as "valves": a Chinese buyer reads 阀门.
    expect(text).toContain('ISO 9001:2015：阀门');
    expect(text).toContain('销售阀门');
    // Only the certificate's own scope, quoted as the body wrote it, stays in English.
    expect(text.replace('Design and manufacture of industrial valves', '')).not.toMatch(/valves/);
  });

  it('shares the live evidence through a link that needs no login, records each visit, and answers 410 once revoked', async () => {
    const a = api(admin);
    await a
      .post(`/buyers/${buyerId}/share-links`, { expiresAt: '2026-11-30T00:00:00Z' })
      .expect(400);
    const bad = await a
      .post(`/buyers/${buyerId}/share-links`, { expiresAt: 'next week' })
      .expect(400);
    expect(bad.body.details[0].field).toBe('expiresAt');
    const created = await a
      .post(`/buyers/${buyerId}/share-links`, {
        expiresAt: '2027-03-31T00:00:00Z',
        label: 'Hansen approval',
      })
      .expect(201);
    const { token, url, apiUrl, id } = created.body as {
      token: string;
      url: string;
      apiUrl: string;
      id: string;
    };
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(url).toMatch(new RegExp(`/shared/${token}$`));

    const shared = await t.http().get(apiUrl).set('User-Agent', 'Hansen browser').expect(200);
    const requirement = shared.body.requirements.find(
      (r: { standard: string }) => r.standard === 'ISO 9001:2015',
    );
    expect(requirement.certificate).toMatchObject({
      holderName: '余姚精密阀门厂',
      holderNameEn: 'Yuyao Precision Valve Factory',
      certificateNumber: '04524Q30123R2M',
      status: 'active',
      verification: { state: 'verified', lastCheckedOn: '2026-11-12', method: 'cnca' },
    });
    expect(shared.body.makers[0].latestAudit).toMatchObject({
      auditedOn: '2026-11-10',
      overallScore: 98,
    });
    expect(JSON.stringify(shared.body)).not.toMatch(
      /open_major_finding|not_verified|no_certificate/,
    );
    const pdf = await t
      .http()
      .get(shared.body.pdfUrl)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const links = await a.get(`/buyers/${buyerId}/share-links`).expect(200);
    expect(links.body[0]).toMatchObject({ id, state: 'active', visitCount: 2 });
    expect(links.body[0].token).toBeUndefined();
    const visits = await a.get(`/share-links/${id}/visits`).expect(200);
    expect(visits.body.map((v: { userAgent: string | null }) => v.userAgent)).toContain(
      'Hansen browser',
    );

    await t.http().get('/api/v1/shared/this-token-does-not-exist-anywhere-at-all').expect(404);
    const stranger = await signUp(t);
    await api(stranger).post(`/share-links/${id}/revoke`).expect(404);
    await a.post(`/share-links/${id}/revoke`).expect(200);
    const gone = await t.http().get(apiUrl).expect(410);
    expect(gone.body.code).toBe('SHARE_LINK.REVOKED');
    await t.http().get(shared.body.pdfUrl).expect(410);
    expect((await a.get(`/buyers/${buyerId}/share-links`).expect(200)).body[0]).toMatchObject({
      state: 'revoked',
      visitCount: 2,
    });

    // An expired link is gone too.
    const soon = await a
      .post(`/buyers/${buyerId}/share-links`, { expiresAt: '2026-12-02T00:00:00Z' })
      .expect(201);
    await t.http().get(soon.body.apiUrl).expect(200);
    t.clock.set('2026-12-02T00:00:01Z');
    expect((await t.http().get(soon.body.apiUrl).expect(410)).body.code).toBe('SHARE_LINK.EXPIRED');
    t.clock.set('2026-12-01T04:00:00Z');
  });
});
