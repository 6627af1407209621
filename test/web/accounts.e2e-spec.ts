import { randomBytes } from 'node:crypto';
import { signUp, addStaff } from '../support/accounts';
import { startBrowser, seriousAccessibilityViolations, type TestBrowser } from '../support/browser';
import { linkIn, startWebApp, type WebTestApp } from '../support/web-app';

/** Accounts people can run for years, in the browser: reset a forgotten password, manage the team. */
jest.setTimeout(240_000);

describe('web app: accounts', () => {
  let t: WebTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startWebApp({ LOGIN_RATE_LIMIT: '1000' });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('resets a forgotten password from the login page through the mailed link, in Chinese', async () => {
    const email = `forgot-${randomBytes(3).toString('hex')}@example.com`;
    await signUp(t, { email, locale: 'zh-CN' });
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.getByRole('heading', { name: '重置密码' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('邮箱').fill(email);
    await page.getByRole('button', { name: '发送链接' }).click();
    await page.getByText('如果该邮箱对应一个账号').waitFor();

    await t.smtp.waitForCount(1);
    const mail = t.smtp.to(email)[0];
    expect(mail.subject).toBe('重置您的 certpact 密码');
    await page.goto(linkIn(mail.text, t.baseUrl, '/reset-password?token='));
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    await page.getByLabel('新密码').fill('aaaaaaaaaa');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码太容易被猜中').first().waitFor();
    await page.getByLabel('新密码').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码已更改，请用新密码登录。').waitFor();

    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '我的账号' }).waitFor();
  });

  it('lets an admin deactivate a colleague, whose session stops at once, and reactivate them', async () => {
    const admin = await signUp(t);
    const member = await addStaff(t, admin, 'member');
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${t.baseUrl}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    const row = page.getByRole('row', { name: new RegExp(member.email.replace(/[.]/g, '\\.')) });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Deactivated').waitFor();
    const after = await fetch(`${t.baseUrl}/api/v1/auth/me`, { headers: member.auth });
    expect(after.status).toBe(401);
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.getByRole('button', { name: 'Deactivate' }).waitFor();
    const login = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: member.email, password: 'another-long-password' }),
    });
    expect(login.status).toBe(200);
  });
});
