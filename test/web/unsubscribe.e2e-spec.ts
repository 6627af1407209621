import type { Page } from 'playwright-core';
import { ContactUnsubscribeService } from '../../src/reminders/contact-unsubscribe.service';
import { createFactory } from '../factories/reminders';
import { type Account, signUp } from '../support/accounts';
import {
  scrollsHorizontally,
  seriousAccessibilityViolations,
  startBrowser,
  type TestBrowser,
} from '../support/browser';
import { startWebApp, type WebTestApp } from '../support/web-app';

/**
 * The page behind the visible "unsubscribe" link of a factory contact's digest: no login,
 * in the contact's language, on a phone; opening it stops nothing, the button does.
 */

jest.setTimeout(120_000);

describe('web app: a factory contact unsubscribes', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let admin: Account;

  beforeAll(async () => {
    t = await startWebApp();
    browser = await startBrowser();
    admin = await signUp(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const factoryOf = async (id: string) =>
    (await t.http().get(`/api/v1/factories/${id}`).set(admin.auth).expect(200)).body as {
      contactEmail: string | null;
      contactUnsubscribedAt: string | null;
    };
  const eventsOf = async (id: string) =>
    (
      (await t.http().get(`/api/v1/audit-events?entityId=${id}`).set(admin.auth).expect(200))
        .body as { items: { action: string }[] }
    ).items.map((event) => event.action);

  it('opens in Chinese on a phone, stops nothing until the click, then stops the mail', async () => {
    const contact = `zhiliang-${Date.now()}@yuyao-valves.example`;
    const factory = await createFactory(t, admin, { contactEmail: contact });
    const link = t.app
      .get(ContactUnsubscribeService)
      .pageUrlFor({ organizationId: admin.organizationId, factoryId: factory.id, email: contact });
    expect(link.startsWith(`${t.baseUrl}/unsubscribe?token=`)).toBe(true);

    const page: Page = await browser.newPage({ locale: 'zh-CN', width: 375, height: 740 });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: '退订证书提醒' }).waitFor();
    await page.getByText(contact).waitFor();
    expect(await scrollsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // A mail scanner opening the link stops nothing.
    expect((await factoryOf(factory.id)).contactUnsubscribedAt).toBeNull();

    await page.getByRole('button', { name: '确认退订' }).click();
    await page.getByRole('status').filter({ hasText: '已退订' }).waitFor();
    expect((await factoryOf(factory.id)).contactUnsubscribedAt).not.toBeNull();
    expect(await eventsOf(factory.id)).toContain('factory.contact_unsubscribed');
  });

  it('refuses a tampered link in words, and stops nothing', async () => {
    const contact = `quality-${Date.now()}@cixi-pumps.example`;
    const factory = await createFactory(t, admin, { contactEmail: contact });
    const link = t.app
      .get(ContactUnsubscribeService)
      .pageUrlFor({ organizationId: admin.organizationId, factoryId: factory.id, email: contact });
    const page = await browser.newPage();
    await page.goto(`${link.slice(0, -4)}${link.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`);
    await page.getByText('This unsubscribe link is not valid.').waitFor();
    expect(await page.getByRole('button', { name: 'Stop these emails' }).count()).toBe(0);
    expect((await factoryOf(factory.id)).contactUnsubscribedAt).toBeNull();
  });

  it('a new contact address starts with mail on, and the change is in the audit trail', async () => {
    const contact = `old-${Date.now()}@ningbo-castings.example`;
    const factory = await createFactory(t, admin, { contactEmail: contact });
    await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(admin.auth)
      .send({ contactMailEnabled: false })
      .expect(200);
    // Only the case changes: still the same person, still unsubscribed.
    const sameAddress = await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(admin.auth)
      .send({ contactEmail: contact.toUpperCase() })
      .expect(200);
    expect(sameAddress.body.contactUnsubscribedAt).not.toBeNull();

    const renamed = await t
      .http()
      .patch(`/api/v1/factories/${factory.id}`)
      .set(admin.auth)
      .send({ contactEmail: `new-${contact}` })
      .expect(200);
    expect(renamed.body.contactUnsubscribedAt).toBeNull();
    const events = await eventsOf(factory.id);
    expect(events.filter((action) => action === 'factory.contact_mail_enabled')).toHaveLength(1);
    expect(events).toContain('factory.contact_mail_disabled');
  });
});
