/**
 * Part of `npm run screenshots`: a buyer's evidence pack (the PDF of issue 15) as the
 * buyer sees it, its first two pages rendered by pdf.js in the same headless Chromium,
 * into docs/screenshots/evidence-pack-en.png (and -zh for a buyer who reads Chinese).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { allYes } from '../factories/audits';
import { makeCertificate, makeFactory } from '../factories';
import { startBrowser } from '../support/browser';
import { startWebApp } from '../support/web-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
const PDFJS = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'build');

function isoInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const t = await startWebApp({ LOG_LEVEL: 'error' });
  const browser = await startBrowser();
  try {
    const api = () => request(t.baseUrl);
    const signup = await api()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Ningbo Export Trading', name: 'Li Wei', email: 'li.wei@ningbo-trading.example', password: 'a-long-password-1', timezone: 'Asia/Shanghai' })
      .expect(201);
    const account = { token: signup.body.accessToken as string, userId: '', organizationId: '', email: '', auth: { Authorization: `Bearer ${signup.body.accessToken as string}` } };
    const post = async (path: string, body: object) => (await api().post(path).set(account.auth).send(body).expect(201)).body as { id: string };

    const factory = await post('/api/v1/factories', makeFactory({ name: '余姚精密阀门厂', nameEn: 'Yuyao Precision Valve Factory', city: 'Yuyao' }));
    await post('/api/v1/certificates', makeCertificate({ factoryId: factory.id, certificateNumber: '00124Q31234R2M', scope: '工业阀门的设计和生产', issuedOn: isoInDays(-400), expiresOn: isoInDays(3 * 365 - 400) }));
    const audit = await post(`/api/v1/factories/${factory.id}/audits`, { auditedOn: isoInDays(-20), auditor: 'Wang Fang', auditorOrganization: 'Ningbo Export Trading', kind: 'on_site', standards: ['ISO 9001:2015'], processes: ['casting', 'machining', 'final inspection'] });
    await api().patch(`/api/v1/audits/${audit.id}`).set(account.auth).send({ answers: await allYes(t, account) }).expect(200);
    await post(`/api/v1/audits/${audit.id}/findings`, { severity: 'minor', clause: '7.1.5', description: 'Two pressure gauges on the test bench had no calibration label.' });

    for (const [language, country, name, locale] of [
      ['en', 'DE', 'Hamburg Valves GmbH', 'en'],
      ['zh', 'CN', '上海阀门贸易有限公司', 'zh-CN'],
    ] as const) {
      const buyer = await post('/api/v1/buyers', { name, country, locale });
      await post(`/api/v1/buyers/${buyer.id}/requirements`, { standard: 'ISO 9001:2015', productCategory: 'valves' });
      await post(`/api/v1/buyers/${buyer.id}/requirements`, { standard: 'ISO 14001:2015', productCategory: 'valves' });
      const pdf = await api()
        .get(`/api/v1/buyers/${buyer.id}/evidence-pack`)
        .set(account.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const page = await browser.newPage({ width: 1300, height: 900 });
      await page.route('http://pdf.local/**', (route) => {
        const file = new URL(route.request().url()).pathname.slice(1);
        if (file === 'pack.pdf') return route.fulfill({ body: pdf.body as Buffer, contentType: 'application/pdf' });
        if (file === 'index.html')
          return route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><body style="margin:0;background:#888;display:flex;gap:20px;padding:20px"><canvas id="p1"></canvas><canvas id="p2"></canvas>
<script type="module">
import * as pdfjs from '/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';
const doc = await pdfjs.getDocument('/pack.pdf').promise;
for (const n of [1, 2]) {
  if (n > doc.numPages) break;
  const p = await doc.getPage(n);
  const viewport = p.getViewport({ scale: 1.0 });
  const canvas = document.getElementById('p' + n);
  canvas.width = viewport.width; canvas.height = viewport.height;
  await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
}
document.body.dataset.done = 'yes';
</script></body>`,
          });
        return route.fulfill({ body: readFileSync(join(PDFJS, file)), contentType: 'text/javascript' });
      });
      await page.goto('http://pdf.local/index.html');
      await page.locator('body[data-done="yes"]').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(OUT, `evidence-pack-${language}.png`), fullPage: true });
      console.log(`evidence-pack-${language}.png`);
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
