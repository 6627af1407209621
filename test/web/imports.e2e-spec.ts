import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { signUp, type Account } from '../support/accounts';
import { startBrowser, seriousAccessibilityViolations, type TestBrowser } from '../support/browser';
import { startWebApp, type WebTestApp } from '../support/web-app';

/** The import page, the list exports and the calendar feed in settings, as a person uses them. */
jest.setTimeout(240_000);

describe('web app: imports, exports and the calendar feed', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let admin: Account;
  let page: Page;

  beforeAll(async () => {
    t = await startWebApp();
    browser = await startBrowser();
    admin = await signUp(t);
    page = await browser.newPage();
    await page.goto(`${t.baseUrl}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'What needs action' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('previews a file with the rows to fix as a table, then commits the good rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certpact-import-'));
    const file = join(dir, 'factories.csv');
    writeFileSync(
      file,
      '\uFEFF工厂名称,国家或地区,城市\r\n宁波海天塑机厂,CN,宁波\r\nHanoi Textiles,VN,Hanoi\r\nNowhere Works,XX,\r\n',
    );

    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    // Mantine's segmented control hides its radio inputs behind their labels.
    await page.getByRole('main').getByText('Factories', { exact: true }).click();
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Template (CSV)' }).click();
    const downloaded = await template;
    expect(downloaded.suggestedFilename()).toBe('factories-template.csv');
    expect(readFileSync((await downloaded.path())!, 'utf8')).toContain('Licence number');

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('3 rows: 2 ready, 1 with errors').waitFor();
    const errors = page.getByRole('table', { name: 'Rows to fix' });
    await errors.getByRole('cell', { name: '国家或地区' }).waitFor();
    expect(await errors.getByRole('row').count()).toBe(2);
    // The problem in the reader's language, from the error's code.
    await errors
      .getByRole('cell', { name: '“XX” is not a country code: use two letters, such as CN or VN.' })
      .waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page
      .getByRole('table', { name: '需要修改的行' })
      .getByRole('cell', { name: '“XX”不是国家代码，请填写两个字母，例如 CN 或 VN。' })
      .waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByText('3 rows: 2 ready, 1 with errors').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Commit 2 rows' }).click();
    await page.getByText('Imported: 2 new, 0 changed.').waitFor();

    const factories = await request(t.baseUrl).get('/api/v1/factories').set(admin.auth).expect(200);
    expect(
      (factories.body as { items: { name: string }[] }).items.map((f) => f.name).sort(),
    ).toEqual(['Hanoi Textiles', '宁波海天塑机厂']);
  });

  it('exports the factories list as a file', async () => {
    await page.getByRole('link', { name: 'Factories' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factories' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('factories.csv');
    expect(readFileSync((await file.path())!, 'utf8')).toContain('宁波海天塑机厂');
  });

  it('shows the calendar feed URL in settings and renews it', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const field = page.getByRole('textbox', { name: 'Your calendar feed' });
    await field.waitFor();
    const first = await field.inputValue();
    expect(first).toMatch(new RegExp(`^${t.baseUrl}/api/v1/calendar-feeds/.+\\.ics$`));
    await request(t.baseUrl).get(new URL(first).pathname).expect(200);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.getByText('New link made').waitFor();
    const second = await field.inputValue();
    expect(second).not.toBe(first);
    await request(t.baseUrl).get(new URL(first).pathname).expect(404);
    await request(t.baseUrl).get(new URL(second).pathname).expect(200);
  });
});
