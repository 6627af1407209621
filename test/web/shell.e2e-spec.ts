import request from 'supertest';
import { startBrowser, seriousAccessibilityViolations, type TestBrowser } from '../support/browser';
import { startWebApp, type WebTestApp } from '../support/web-app';

/** The web app served by the service: history fallback, sign-up, language, session. */
jest.setTimeout(240_000);

describe('web app shell', () => {
  let t: WebTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startWebApp();
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers any page path with the app and /api/* never', async () => {
    const page = await request(t.baseUrl).get('/certificates/whatever?x=1').expect(200);
    expect(page.text).toContain('<div id="root">');
    const api = await request(t.baseUrl).get('/api/v1/nothing-here').expect(404);
    expect(api.headers['content-type']).toMatch(/json/);
    expect(api.text).not.toContain('<div id="root">');
    await request(t.baseUrl).get('/api/v1/health').expect(200);
  });

  it('follows the browser language before login, switches it, and passes axe on the login page', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('heading', { name: '登录 certpact' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Log in to certpact' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('signs up, lands on the dashboard, and after the session ends returns to the page asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.baseUrl}/signup`);
    await page.getByLabel('Company name').fill('Ningbo Export Trading');
    await page.getByLabel('Your name').fill('Li Wei');
    await page.getByLabel('Email').fill('li.wei@shell.example');
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'What needs action' }).waitFor();

    // the token goes stale: the next page asks to log in and then comes back to it
    await page.evaluate("localStorage.setItem('certpact.token', 'expired.token.value')");
    await page.goto(`${t.baseUrl}/factories?status=active`);
    await page.getByRole('heading', { name: 'Log in to certpact' }).waitFor();
    await page.getByText('Your session has ended').waitFor();
    await page.getByLabel('Email').fill('li.wei@shell.example');
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Factories' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/factories?status=active');
  });
});
