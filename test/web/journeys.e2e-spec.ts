import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { createCertificate, createFactory } from '../factories/reminders';
import type { Account } from '../support/accounts';
import { en } from '../../web/src/i18n/en';
import { zhCN } from '../../web/src/i18n/zh-CN';
import {
  scrollsHorizontally,
  seriousAccessibilityViolations,
  startBrowser,
  type TestBrowser,
} from '../support/browser';
import { linkIn, startWebApp, type WebTestApp } from '../support/web-app';

/**
 * The web app's promises, as people use it: real service on a real port (SQLite or
 * PostgreSQL per TEST_DATABASE), real SMTP, headless Chromium clicking by role and label.
 */

const ADMIN = { email: 'li.wei@ningbo-trading.example', password: 'a-long-password-1' };
const MANAGER_EMAIL = 'wang.fang@yuyao-valves.example';

function isoInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every English text of the catalogue that its Chinese counterpart does not share. */
function englishOnlyLabels(): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string') {
      const text = a.replace(/\{\{[^}]+\}\}/g, '').trim();
      if (text !== b && text.length >= 3 && /[a-z]/i.test(text)) out.push(text);
      return;
    }
    for (const key of Object.keys(a as object))
      walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
  };
  walk(en, zhCN);
  return out;
}

/** Lines of the page that are English catalogue labels (so a label left untranslated). */
async function untranslatedLabels(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const labels = englishOnlyLabels();
  return labels.filter((label) =>
    lines.some((line) => line === label || (label.length >= 12 && line.includes(label))),
  );
}

/** Pages a mailed link may open without a login (their token is the credential). */
const PUBLIC_PAGES = ['/acknowledge'];

async function expectPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

/** The admin as the API test builders take it (they only send its token). */
function asAccount(token: string): Account {
  return { token, userId: '', organizationId: '', email: ADMIN.email, auth: { Authorization: `Bearer ${token}` } };
}

jest.setTimeout(240_000);

describe('web app journeys', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let admin: Page;
  let adminToken: string;
  let factoryId: string;
  let certificateId: string;
  let manager: Page;
  let submissionId: string;
  let pdfPath: string;

  beforeAll(async () => {
    t = await startWebApp();
    browser = await startBrowser();
    const dir = mkdtempSync(join(tmpdir(), 'certpact-upload-'));
    pdfPath = join(dir, 'renewed-certificate.pdf');
    writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an admin signs up, adds a factory and a certificate, and sees it on the dashboard', async () => {
    admin = await browser.newPage();
    await admin.goto(`${t.baseUrl}/signup`);
    await admin.getByLabel('Company name').fill('Ningbo Export Trading');
    await admin.getByLabel('Your name').fill('Li Wei');
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign up' }).click();
    await expectPage(admin, 'What needs action');
    adminToken = (await admin.evaluate<string>("localStorage.getItem('certpact.token')"));

    await admin.getByRole('link', { name: 'Factories' }).click();
    await admin.getByRole('button', { name: 'Add factory' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Yuyao Valve Works');
    await dialog.getByLabel('City').fill('Yuyao');
    await dialog.getByLabel('Product categories').fill('valves');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectPage(admin, 'Yuyao Valve Works');
    factoryId = new URL(admin.url()).pathname.split('/').pop()!;

    await admin.getByRole('link', { name: 'Add certificate' }).click();
    await admin.getByRole('textbox', { name: 'Standard' }).click();
    await admin.getByRole('option', { name: /^ISO 9001:2015/ }).click();
    await admin.getByLabel('Certificate number').fill('CN-QMS-2024-0117');
    await admin.getByLabel('Certification body').fill('China Quality Certification Centre');
    await admin.getByLabel('Scope').fill('Design and manufacture of industrial valves');
    await admin.getByLabel('Product categories').fill('valves');
    await admin.getByLabel('Issued on').fill(isoInDays(-3 * 365 + 30));
    await admin.getByLabel('Expires on').fill(isoInDays(30));
    await admin.getByRole('button', { name: 'Save' }).click();
    await expectPage(admin, 'ISO 9001:2015 · CN-QMS-2024-0117');
    certificateId = new URL(admin.url()).pathname.split('/').pop()!;
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);

    await admin.getByRole('link', { name: 'Dashboard' }).click();
    const expiring = admin.getByRole('link', { name: /Expiring within 90 days/ });
    await expiring.getByText('1', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await expiring.click();
    await admin.getByRole('link', { name: 'CN-QMS-2024-0117' }).waitFor();
    expect(new URL(admin.url()).searchParams.get('expiringWithinDays')).toBe('90');
  });

  it('the admin invites a manager, who opens the emailed link, chooses a password and proposes a renewal with a PDF', async () => {
    await admin.goto(`${t.baseUrl}/factories/${factoryId}`);
    const invite = admin.getByRole('form', { name: 'Invite a factory manager' });
    await invite.getByLabel(/^Name/).fill('Wang Fang');
    await invite.getByLabel(/^Email/).fill(MANAGER_EMAIL);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${MANAGER_EMAIL}`).waitFor();

    await t.smtp.waitForCount(1);
    const invitation = t.smtp.to(MANAGER_EMAIL)[0];
    const link = linkIn(invitation.text, t.baseUrl, '/accept-invitation?token=');

    manager = await browser.newPage({ locale: 'zh-CN', width: 360, height: 740 });
    await manager.goto(link);
    await expectPage(manager, '接受邀请');
    await manager.getByLabel('设置密码').fill('factory-password-1');
    await manager.getByRole('button', { name: '设置密码并继续' }).click();
    await expectPage(manager, 'Yuyao Valve Works');

    await manager.getByRole('link', { name: '提交换证' }).click();
    await expectPage(manager, '换证：ISO 9001:2015 CN-QMS-2024-0117');
    expect(await manager.getByLabel('认证机构').inputValue()).toBe('China Quality Certification Centre');
    const file = manager.locator('input[type=file]');
    expect(await file.getAttribute('accept')).toBe('application/pdf,image/*');
    expect(await file.getAttribute('capture')).not.toBeNull();
    await file.setInputFiles(pdfPath);
    await manager.getByLabel('证书编号').fill('CN-QMS-2027-0342');
    await manager.getByLabel('发证日期').fill(isoInDays(20));
    await manager.getByLabel('到期日').fill(isoInDays(20 + 3 * 365));
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: '提交审核' }).click();
    await expectPage(manager, '换证 · 待审核');
    submissionId = new URL(manager.url()).pathname.split('/').pop()!;
    await manager.getByRole('button', { name: 'renewed-certificate.pdf' }).waitFor();
  });

  it('the manager cannot open another factory’s certificate, nor an unknown one: "not found", never blank', async () => {
    const other = await createFactory(t, asAccount(adminToken), {
      name: 'Cixi Pump Factory',
    });
    const theirs = await createCertificate(t, asAccount(adminToken), {
      factoryId: other.id,
    });
    for (const path of [
      `/certificates/${theirs.id}`,
      `/certificates/00000000-0000-4000-8000-000000000000`,
      `/factories/${other.id}`,
      `/submissions/new?certificateId=${theirs.id}`,
    ]) {
      await manager.goto(`${t.baseUrl}${path}`);
      await manager.getByTestId('not-found').waitFor();
      await expectPage(manager, '未找到');
    }
  });

  it('the manager’s pages in zh-CN have no English label left and no horizontal scroll at 360 px', async () => {
    for (const path of [
      '/',
      `/certificates/${certificateId}`,
      `/submissions/new?certificateId=${certificateId}`,
      `/submissions/new?certificateId=${certificateId}&kind=surveillance_audit`,
      '/submissions',
      `/submissions/${submissionId}`,
      '/agreements',
    ]) {
      await manager.goto(`${t.baseUrl}${path}`);
      await manager.getByRole('heading', { level: 1 }).first().waitFor();
      await manager.waitForLoadState('networkidle');
      expect({ path, untranslated: await untranslatedLabels(manager) }).toEqual({ path, untranslated: [] });
      expect({ path, scrolls: await scrollsHorizontally(manager) }).toEqual({ path, scrolls: false });
    }
  });

  it('the admin opens the link from the decision-waiting email, approves, and sees the old certificate superseded', async () => {
    // the submission is waiting in the queue; the admin opens it from the link the
    // manager's decision mail will carry, the same page for both
    await admin.goto(`${t.baseUrl}/submissions`);
    await admin.getByRole('link', { name: 'Renewal' }).click();
    await expectPage(admin, 'Renewal · Waiting for review');
    expect(new URL(admin.url()).pathname).toBe(`/submissions/${submissionId}`);
    await admin.getByRole('button', { name: 'Approve' }).click();
    await expectPage(admin, 'Renewal · Approved');

    const decision = t.smtp.to(MANAGER_EMAIL).find((mail) => mail.text.includes('/submissions/'));
    expect(decision).toBeDefined();
    const link = linkIn(decision!.text, t.baseUrl, '/submissions/');
    expect(link).toBe(`${t.baseUrl}/submissions/${submissionId}`);
    await manager.goto(link);
    await expectPage(manager, '换证 · 已批准');

    await admin.goto(`${t.baseUrl}/certificates/${certificateId}`);
    await admin.getByText('This certificate has been renewed.').waitFor();
    await admin.getByRole('link', { name: 'Open the new certificate' }).click();
    await expectPage(admin, 'ISO 9001:2015 · CN-QMS-2027-0342');
  });

  it('every link of a reminder digest opens its page logged in, and the login page logged out', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    await request(t.baseUrl).post('/api/v1/buyers').set(auth).send({ name: 'Hamburg Valves GmbH', country: 'DE' }).expect(201)
      .then((buyer) =>
        request(t.baseUrl)
          .post(`/api/v1/buyers/${(buyer.body as { id: string }).id}/requirements`)
          .set(auth)
          .send({ standard: 'ISO 14001:2015', productCategory: 'valves' })
          .expect(201),
      );
    await createCertificate(t, asAccount(adminToken), { factoryId, expiresOn: isoInDays(7), issuedOn: isoInDays(-3 * 365 + 7) });
    const before = t.smtp.digests.length;
    await request(t.baseUrl).post('/api/v1/reminders/scan').set(auth).expect(200);
    const digests = t.smtp.digests.slice(before);
    const adminDigest = digests.find((mail) => mail.to.includes(ADMIN.email));
    expect(adminDigest).toBeDefined();
    const links = [...new Set([...adminDigest!.text.matchAll(new RegExp(`${t.baseUrl.replace(/[.]/g, '\\.')}/\\S+`, 'g'))].map((m) => m[0]))];
    expect(links.length).toBeGreaterThanOrEqual(2);
    const loggedOut = await browser.newPage();
    for (const link of links) {
      expect(new URL(link).pathname.startsWith('/api/')).toBe(false);
      await admin.goto(link);
      await admin.getByRole('heading', { level: 1 }).first().waitFor();
      await admin.waitForLoadState('networkidle');
      expect({ link, notFound: await admin.getByTestId('not-found').count() }).toEqual({ link, notFound: 0 });

      await loggedOut.goto(link);
      if (PUBLIC_PAGES.includes(new URL(link).pathname)) {
        // The one-click acknowledgement is signed: it opens its own page without a login.
        await loggedOut.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await loggedOut.getByTestId('not-found').count()).toBe(0);
        expect(await loggedOut.getByRole('heading', { name: 'Log in to certpact' }).count()).toBe(0);
      } else {
        await expectPage(loggedOut, 'Log in to certpact');
      }
    }
    // logging in there opens the page the link named
    const last = new URL(links.filter((l) => !PUBLIC_PAGES.includes(new URL(l).pathname)).pop()!);
    await loggedOut.goto(last.toString());
    await loggedOut.getByLabel('Email').fill(ADMIN.email);
    await loggedOut.getByLabel('Password').fill(ADMIN.password);
    await loggedOut.getByRole('button', { name: 'Log in' }).click();
    await loggedOut.waitForURL((url) => url.pathname === last.pathname);
    expect(new URL(loggedOut.url()).search).toBe(last.search);
  });

  it('the login page passes the accessibility check', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.baseUrl}/login`);
    await expectPage(page, 'Log in to certpact');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
