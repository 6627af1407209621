import type { Page } from 'playwright-core';
import { createAudit } from '../factories/audits';
import { createFactory, inviteManager, type ManagerAccount } from '../factories/managers';
import { signUp, type Account } from '../support/accounts';
import { scrollsHorizontally, seriousAccessibilityViolations, startBrowser, type TestBrowser } from '../support/browser';
import { startWebApp, type WebTestApp } from '../support/web-app';

/**
 * The third honest way in the web app: a supplier audit with a major finding, answered by
 * the factory manager on a phone in Chinese, verified and closed by the trader; and the
 * buyer's share link, opened without a login and dead once revoked.
 */

jest.setTimeout(240_000);

async function signedIn(browser: TestBrowser, baseUrl: string, token: string, options: { locale?: string; width?: number } = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.addInitScript(`localStorage.setItem('certpact.token', ${JSON.stringify(token)})`);
  await page.goto(`${baseUrl}/`);
  return page;
}

describe('web app: supplier audits, findings and share links', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let admin: Account;
  let manager: ManagerAccount;
  let factoryId: string;
  let otherFactoryFindingId: string;
  let findingId: string;

  beforeAll(async () => {
    t = await startWebApp();
    browser = await startBrowser();
    admin = await signUp(t);
    const factory = await createFactory(t, admin, { name: '余姚精密阀门厂', productCategories: ['valves'] });
    factoryId = factory.id;
    manager = await inviteManager(t, admin, factoryId, { locale: 'zh-CN' });
    const audit = await createAudit(t, admin, factoryId);
    const finding = await t
      .http()
      .post(`/api/v1/audits/${audit.id}/findings`)
      .set(admin.auth)
      .send({ severity: 'major', clause: '8.4', description: 'Plating is subcontracted to a supplier that was never evaluated.' })
      .expect(201);
    findingId = finding.body.id;
    const other = await createFactory(t, admin, { name: 'Cixi Pump Works' });
    const otherAudit = await createAudit(t, admin, other.id);
    const otherFinding = await t
      .http()
      .post(`/api/v1/audits/${otherAudit.id}/findings`)
      .set(admin.auth)
      .send({ severity: 'minor', description: 'Calibration labels missing on two gauges.' })
      .expect(201);
    otherFactoryFindingId = otherFinding.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the trader sees the audit and the conditional standing on the factory page', async () => {
    const page = await signedIn(browser, t.baseUrl, admin.token);
    await page.goto(`${t.baseUrl}/factories/${factoryId}`);
    await page.getByRole('heading', { name: 'Supplier audits' }).waitFor();
    await page.getByText('Conditional', { exact: true }).waitFor();
    await page.getByRole('link', { name: '2026-11-10' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit of 2026-11-10' }).waitFor();
    await page.getByRole('link', { name: 'Plating is subcontracted to a supplier that was never evaluated.' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the factory manager answers the finding from the portal, in Chinese, at phone width', async () => {
    const page = await signedIn(browser, t.baseUrl, manager.token, { locale: 'zh-CN', width: 360 });
    await page.getByRole('heading', { name: '待回复的审核发现项' }).waitFor();
    await page.getByRole('link', { name: 'Plating is subcontracted to a supplier that was never evaluated.' }).click();
    await page.getByRole('heading', { level: 1, name: /严重不符合/ }).waitFor();
    expect(await scrollsHorizontally(page)).toBe(false);
    await page.getByLabel(/整改措施/).fill('已对电镀外包方完成评价并纳入合格供方名录。');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交整改措施').first().waitFor();
    const answered = await t.http().get(`/api/v1/findings/${findingId}`).set(admin.auth).expect(200);
    expect(answered.body).toMatchObject({ status: 'action_proposed', correctiveAction: '已对电镀外包方完成评价并纳入合格供方名录。' });

    // Another factory's finding is not reachable by its id.
    await page.goto(`${t.baseUrl}/findings/${otherFactoryFindingId}`);
    await page.getByTestId('not-found').waitFor();
  });

  it('the trader verifies and closes it, and the standing is no longer held back by it', async () => {
    const page = await signedIn(browser, t.baseUrl, admin.token);
    await page.goto(`${t.baseUrl}/findings/${findingId}`);
    await page.getByRole('button', { name: 'Verify and close' }).click();
    await page.getByText('Verified and closed').first().waitFor();
    const standing = await t.http().get(`/api/v1/factories/${factoryId}/standing`).set(admin.auth).expect(200);
    expect(standing.body.reason).not.toBe('major_finding_open');
  });

  it('a share link opens the buyer page without a login and is gone once revoked', async () => {
    const buyer = await t
      .http()
      .post('/api/v1/buyers')
      .set(admin.auth)
      .send({ name: 'Hansen Industrial GmbH', country: 'DE' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/buyers/${buyer.body.id}/requirements`)
      .set(admin.auth)
      .send({ standard: 'ISO 9001:2015', productCategory: 'valves' })
      .expect(201);
    const page = await signedIn(browser, t.baseUrl, admin.token);
    await page.goto(`${t.baseUrl}/buyers/${buyer.body.id}`);
    await page.getByRole('button', { name: 'Create a link' }).click();
    const created = page.getByTestId('share-link-created');
    await created.waitFor();
    const url = (await created.innerText()).match(/https?:\/\/\S+\/shared\/\S+/)?.[0];
    expect(url).toBeDefined();

    const buyerPage = await browser.newPage();
    await buyerPage.goto(url!);
    await buyerPage.getByRole('heading', { level: 1, name: 'Certification evidence for Hansen Industrial GmbH' }).waitFor();
    await buyerPage.getByText('ISO 9001:2015 for valves').waitFor();
    expect(await seriousAccessibilityViolations(buyerPage)).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    await buyerPage.reload();
    await buyerPage.getByTestId('shared-gone').waitFor();
  });
});
