/**
 * `npm run screenshots`: boots the real service (SQLite, a throw-away database) with
 * sample data, and photographs the main pages in English and Chinese into
 * docs/screenshots/ (desktop 1280 px; the factory manager's portal at 360 px too).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { makeCertificate, makeFactory } from '../factories';
import { startBrowser } from '../support/browser';
import { startWebApp } from '../support/web-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

function isoInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A certificate as a scanner renders it, drawn by the browser: a real PNG to upload. */
async function certificateScan(browser: Awaited<ReturnType<typeof startBrowser>>): Promise<Buffer> {
  const page = await browser.newPage({ width: 620, height: 440 });
  await page.setContent(`
    <body style="margin:0;background:#f4f1e8;font-family:'Noto Sans SC',sans-serif">
      <div style="margin:16px;padding:24px;border:6px double #7a5c2e;height:340px;text-align:center;color:#2b2b2b">
        <div style="font-size:22px;font-weight:700">质量管理体系认证证书</div>
        <div style="font-size:14px;margin-top:4px">Quality Management System Certificate</div>
        <div style="font-size:13px;margin-top:18px">证书编号 Certificate No.: CQC-2026-QMS-0342</div>
        <div style="font-size:16px;margin-top:18px;font-weight:600">余姚精密阀门厂 Yuyao Precision Valve Factory</div>
        <div style="font-size:13px;margin-top:10px">GB/T 19001-2016 / ISO 9001:2015</div>
        <div style="font-size:13px;margin-top:10px">认证范围：工业阀门的设计和制造 Design and manufacture of industrial valves</div>
        <div style="font-size:12px;margin-top:22px">发证日期 ${isoInDays(30)} · 有效期至 ${isoInDays(30 + 3 * 365)}</div>
        <div style="font-size:12px;margin-top:8px">中国质量认证中心 China Quality Certification Centre</div>
      </div>
    </body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const t = await startWebApp({ LOG_LEVEL: 'error' });
  const browser = await startBrowser();
  try {
    const api = () => request(t.baseUrl);
    const signup = await api()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Ningbo Export Trading', name: 'Li Wei', email: 'li.wei@ningbo-trading.example', password: 'a-long-password-1', timezone: 'Asia/Shanghai' })
      .expect(201);
    const token = (signup.body as { accessToken: string }).accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const post = async (path: string, body: object) => (await api().post(path).set(auth).send(body).expect(201)).body as { id: string };

    const valves = await post('/api/v1/factories', makeFactory({ name: 'Yuyao Precision Valve Factory', city: 'Yuyao' }));
    const pumps = await post('/api/v1/factories', makeFactory({ name: 'Cixi Pump Works', city: 'Cixi', licenseNumber: null, productCategories: ['pumps'] }));
    const expiring = await post('/api/v1/certificates', makeCertificate({ factoryId: valves.id, certificateNumber: 'CQC-2023-QMS-0117', issuedOn: isoInDays(-3 * 365 + 40), expiresOn: isoInDays(40), nextSurveillanceAuditOn: null }));
    await post('/api/v1/certificates', makeCertificate({ factoryId: valves.id, standard: 'ISO 14001:2015', certificateNumber: 'CQC-2025-EMS-0452', issuedOn: isoInDays(-200), expiresOn: isoInDays(3 * 365 - 200), nextSurveillanceAuditOn: isoInDays(20) }));
    await post('/api/v1/certificates', makeCertificate({ factoryId: pumps.id, certificateNumber: 'BV-2022-QMS-8831', productCategories: ['pumps'], issuedOn: isoInDays(-3 * 365 - 10), expiresOn: isoInDays(-10), nextSurveillanceAuditOn: null }));
    const agreement = await post('/api/v1/agreements', { kind: 'certification_cooperation', title: 'ISO 14001 for pumps', factoryId: pumps.id, standards: ['ISO 14001:2015'], productCategories: ['pumps'], startsOn: isoInDays(-75), plan: 'standard-6m' });
    const buyer = await post('/api/v1/buyers', { name: 'Hamburg Valves GmbH', country: 'DE', contactEmail: 'sourcing@hamburg-valves.example' });
    await post(`/api/v1/buyers/${buyer.id}/requirements`, { standard: 'ISO 14001:2015', productCategory: 'pumps' });
    await post(`/api/v1/buyers/${buyer.id}/requirements`, { standard: 'ISO 9001:2015', productCategory: 'valves' });

    const invited = (await api().post(`/api/v1/factories/${valves.id}/invitations`).set(auth).send({ name: 'Wang Fang', email: 'wang.fang@yuyao-valves.example', locale: 'zh-CN' }).expect(201)).body as { token?: string; inviteUrl?: string; invitation?: { token: string } };
    const inviteToken = invited.token ?? invited.invitation?.token ?? new URL(invited.inviteUrl!).searchParams.get('token')!;
    const accepted = await api().post('/api/v1/auth/accept-invitation').send({ token: inviteToken, password: 'factory-password-1' }).expect(200);
    const managerToken = (accepted.body as { accessToken: string }).accessToken;
    const submission = (await api()
      .post('/api/v1/certificates/submissions')
      .set({ Authorization: `Bearer ${managerToken}` })
      .send({ kind: 'renewal', certificateId: expiring.id, certificate: { certificateNumber: 'CQC-2026-QMS-0342', issuedOn: isoInDays(30), expiresOn: isoInDays(30 + 3 * 365) }, note: '新证书已寄到，附扫描件。' })
      .expect(201)).body as { id: string };
    // the scan the note speaks of, photographed by the manager's phone: the review page
    // shows it beside the proposed fields
    await api()
      .post(`/api/v1/submissions/${submission.id}/documents`)
      .set({ Authorization: `Bearer ${managerToken}` })
      .attach('file', await certificateScan(browser), { filename: '证书扫描件.png', contentType: 'image/png' })
      .expect(201);

    const shoot = async (page: Page, path: string, name: string) => {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // every count and list loaded (no "…" or loader left)
      await page.waitForFunction("!document.body.innerText.includes('…')", undefined, { timeout: 30_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      console.log(`docs/screenshots/${name}.png`);
    };

    for (const language of ['en', 'zh-CN'] as const) {
      const suffix = language === 'en' ? 'en' : 'zh';
      const visitor = await browser.newPage({ locale: language });
      await shoot(visitor, '/login', `login-${suffix}`);

      const staff = await browser.newPage({ locale: language });
      await staff.goto(`${t.baseUrl}/login`);
      await staff.evaluate(`localStorage.setItem('certpact.token', ${JSON.stringify(token)})`);
      await shoot(staff, '/', `dashboard-${suffix}`);
      await shoot(staff, '/factories', `factories-${suffix}`);
      await shoot(staff, `/certificates/${expiring.id}`, `certificate-${suffix}`);
      await shoot(staff, `/submissions/${submission.id}`, `review-${suffix}`);
      await shoot(staff, `/agreements/${agreement.id}`, `agreement-${suffix}`);
      await shoot(staff, `/buyers/${buyer.id}`, `buyer-${suffix}`);

      const phone = await browser.newPage({ locale: language, width: 360, height: 740 });
      await phone.goto(`${t.baseUrl}/login`);
      await phone.evaluate(`localStorage.setItem('certpact.token', ${JSON.stringify(managerToken)})`);
      // the manager's account is in Chinese: the English pictures choose English on the device
      await phone.evaluate(`localStorage.setItem('certpact.locale', ${JSON.stringify(language)})`);
      await shoot(phone, '/', `portal-${suffix}-360`);
      await shoot(phone, `/submissions/new?certificateId=${expiring.id}`, `submission-form-${suffix}-360`);
    }
  } finally {
    await browser.close();
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
