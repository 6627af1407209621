import { createServer, type AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from './app';
import { TestSmtpServer } from './smtp';

export interface WebTestApp extends TestApp {
  /** http://127.0.0.1:<port>, also the app's PUBLIC_URL: mail links point here. */
  baseUrl: string;
  smtp: TestSmtpServer;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real service listening on a real port, serving the built web app (run
 * `npm run build:web` first; `npm test` does), with mail going to a real SMTP server.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebTestApp> {
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web` before the web tests');
  const smtp = await TestSmtpServer.start();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: baseUrl, ...env } });
  await t.app.listen(port, '127.0.0.1');
  return {
    ...t,
    baseUrl,
    smtp,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}

/** The first link in a mail's text that starts with the app's address. */
export function linkIn(text: string, baseUrl: string, pathStart = '/'): string {
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}${pathStart.replace(/[?]/g, '\\?')}[^\\s<>"]*`).exec(text);
  if (!match) throw new Error(`No link to ${baseUrl}${pathStart} in:\n${text}`);
  return match[0];
}
