import type { Page } from 'playwright-core';
import { createCertificate, createFactory } from '../factories/reminders';
import { signUp, type Account } from '../support/accounts';
import { seriousAccessibilityViolations, startBrowser, type TestBrowser } from '../support/browser';
import { linkIn, startWebApp, type WebTestApp } from '../support/web-app';

/**
 * The trader staff's own pages: the dashboard's counts each open the list they count,
 * the reminders log retries a failed digest, and the settings hold the organization's
 * profile, its business scope and the team.
 */

jest.setTimeout(240_000);

function isoInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signedIn(browser: TestBrowser, baseUrl: string, token: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(`localStorage.setItem('certpact.token', ${JSON.stringify(token)})`);
  await page.goto(`${baseUrl}/`);
  return page;
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).first().waitFor();
}

/** Polls the API until no reminder is pending; answers how many failed. */
async function settledFailures(t: WebTestApp, admin: Account): Promise<number> {
  const total = async (state: string) =>
    ((await t.http().get(`/api/v1/reminders?state=${state}`).set(admin.auth).expect(200)).body as { total: number }).total;
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await total('pending')) === 0) return total('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('reminders stayed pending');
}

describe('web app: dashboard counts, reminders log, settings', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let admin: Account;
  let page: Page;
  let expiringNumber: string;

  beforeAll(async () => {
    t = await startWebApp({ REMINDER_MAX_ATTEMPTS: '1', REMINDER_BACKOFF_MS: '50' });
    browser = await startBrowser();
    admin = await signUp(t);
    const factory = await createFactory(t, admin, { name: 'Cixi Pump Works', productCategories: ['pumps'] });
    // expiring within the horizon, surveillance due, never verified
    const expiring = await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: isoInDays(-3 * 365 + 30),
      expiresOn: isoInDays(30),
      nextSurveillanceAuditOn: isoInDays(20),
      productCategories: ['pumps'],
      scope: 'Manufacture of pumps',
    });
    expiringNumber = expiring.certificateNumber;
    // expired and not renewed
    await createCertificate(t, admin, {
      factoryId: factory.id,
      issuedOn: isoInDays(-3 * 365 - 10),
      expiresOn: isoInDays(-10),
      nextSurveillanceAuditOn: null,
    });
    // a buyer requiring what nobody holds: a scope gap
    const buyer = await t.http().post('/api/v1/buyers').set(admin.auth).send({ name: 'Hamburg Pumps GmbH', country: 'DE' }).expect(201);
    await t
      .http()
      .post(`/api/v1/buyers/${(buyer.body as { id: string }).id}/requirements`)
      .set(admin.auth)
      .send({ standard: 'ISO 14001:2015', productCategory: 'pumps' })
      .expect(201);
    // a submission waiting for review
    await t
      .http()
      .post('/api/v1/certificates/submissions')
      .set(admin.auth)
      .send({ kind: 'status_change', certificateId: expiring.id, status: 'suspended' })
      .expect(201);
    page = await signedIn(browser, t.baseUrl, admin.token);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the filtered list of every dashboard count, as many items as it counts', async () => {
    const counts: [RegExp, Record<string, string>, string][] = [
      [/Expiring within 90 days/, { status: 'active', expiringWithinDays: '90' }, '/certificates'],
      [/Expired, not renewed/, { status: 'expired' }, '/certificates'],
      [/Surveillance audits due/, { status: 'active', surveillanceWithinDays: '90' }, '/certificates'],
      [/Agreements at risk/, { atRisk: 'true' }, '/agreements'],
      [/Open scope gaps/, {}, '/gaps'],
      [/Submissions waiting for review/, { status: 'pending_review' }, '/submissions'],
      [/Certificates due for verification/, { status: 'active', verificationDue: 'true' }, '/certificates'],
    ];
    await heading(page, 'What needs action');
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const seen: Record<string, number> = {};
    for (const [name, query, pathname] of counts) {
      await page.goto(`${t.baseUrl}/`);
      const card = page.getByRole('link', { name });
      // the count, once loaded (never the "…" of a loading state)
      await card.getByTestId('count').filter({ hasText: /^\d+$/ }).waitFor();
      const count = Number(await card.getByTestId('count').innerText());
      seen[String(name)] = count;
      await card.click();
      await page.waitForURL((url) => url.pathname === pathname);
      const url = new URL(page.url());
      expect({ name: String(name), query: Object.fromEntries(url.searchParams) }).toEqual({ name: String(name), query });
      await page.getByText(`${count} in all`, { exact: true }).waitFor();
    }
    expect(seen).toMatchObject({
      [String(/Expiring within 90 days/)]: 1,
      [String(/Expired, not renewed/)]: 1,
      [String(/Surveillance audits due/)]: 1,
      [String(/Submissions waiting for review/)]: 1,
    });
    expect(seen[String(/Open scope gaps/)]).toBeGreaterThanOrEqual(1);
    await page.goto(`${t.baseUrl}/certificates?status=active&expiringWithinDays=90`);
    await page.getByRole('link', { name: expiringNumber }).waitFor();
    expect(seen[String(/Certificates due for verification/)]).toBeGreaterThanOrEqual(1);
  });

  it('shows a failed digest in the reminders log and sends it again on retry', async () => {
    t.smtp.refuse(1);
    await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
    const failed = await settledFailures(t, admin);
    expect(failed).toBeGreaterThanOrEqual(1);
    // the refused digest's recipient (the factory's contact, or the admin: whichever went first)
    const failedRows = await t.http().get('/api/v1/reminders?state=failed').set(admin.auth).expect(200);
    const recipient = (failedRows.body as { items: { recipient: string }[] }).items[0].recipient;
    const sentBefore = t.smtp.digestsTo(recipient).length;

    await page.goto(`${t.baseUrl}/reminders?state=failed`);
    await heading(page, 'Reminders');
    await page.getByText(`${failed} in all`, { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Retry' }) }).first();
    await row.getByText('Failed', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Queued again').waitFor();
    expect(await settledFailures(t, admin)).toBe(failed - 1);
    for (let i = 0; i < 100 && t.smtp.digestsTo(recipient).length === sentBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(t.smtp.digestsTo(recipient).length).toBe(sentBefore + 1);
    const digest = t.smtp.digestsTo(recipient).at(-1)!;
    expect(digest.text).toContain(`${t.baseUrl}/`);
    await page.getByText(`${failed - 1} in all`, { exact: true }).waitFor();

    await page.goto(`${t.baseUrl}/reminders?state=sent`);
    await page.getByRole('cell', { name: 'Sent', exact: true }).first().waitFor();
  });

  it('keeps the organization profile and business scope, and invites a colleague to the team', async () => {
    await page.goto(`${t.baseUrl}/settings`);
    await heading(page, 'Settings');
    const organization = page.locator('form').filter({ has: page.getByLabel('Company name') });
    await organization.getByLabel('Company name').fill('Ningbo Export Trading Co., Ltd.');
    await organization
      .getByLabel('Business scope (from the business licence)')
      .fill('货物进出口；阀门、泵批发 (import and export of goods; wholesale of valves and pumps)');
    await organization.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    const stored = await t.http().get('/api/v1/organization').set(admin.auth).expect(200);
    expect(stored.body).toMatchObject({
      name: 'Ningbo Export Trading Co., Ltd.',
      businessScope: '货物进出口；阀门、泵批发 (import and export of goods; wholesale of valves and pumps)',
    });
    await page.reload();
    expect(await page.getByLabel('Company name').inputValue()).toBe('Ningbo Export Trading Co., Ltd.');

    const team = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Invite a colleague' }) });
    await team.getByLabel(/^Name/).fill('Zhang Min');
    await team.getByLabel(/^Email/).fill('zhang.min@ningbo-trading.example');
    await team.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Added zhang.min@ningbo-trading.example').waitFor();
    // In the team and, until accepted, among the pending invitations.
    await page.getByRole('cell', { name: 'zhang.min@ningbo-trading.example' }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const invitation = t.smtp.to('zhang.min@ningbo-trading.example')[0];
    expect(invitation).toBeDefined();
    const link = linkIn(invitation.text, t.baseUrl, '/accept-invitation?token=');
    const colleague = await browser.newPage();
    await colleague.goto(link);
    await heading(colleague, 'Accept your invitation');
  });
});
