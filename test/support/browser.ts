import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it where it is missing); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`apt-get update && apt-get install -y chromium\``);
  return path;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  /** A fresh profile (no token, no chosen language): one person on one device. */
  newPage(options?: { locale?: string; width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless Chromium driven by playwright-core. Each context is a new person: its own
 * storage, locale and screen. launch() gives the browser a fresh temporary user-data dir
 * (Playwright makes and removes it), so nothing is left from an earlier run.
 */
export async function startBrowser(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ARGS,
  });
  const contexts: BrowserContext[] = [];
  return {
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Whether the page is wider than its viewport (a horizontal scroll bar on a phone). */
export async function scrollsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1',
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core, injected into the page, run on the whole document: serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy rightly
  // refuses inline scripts, and evaluation from the test is not the page's own.
  await animationsSettled(page);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run().then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      })),
    )
  `);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits until no finite CSS animation or transition runs (a notification sliding in, a
 * modal fading): axe measures colour contrast on what is painted, and a half-faded
 * element is one it would rightly fail. Endless ones (a loader) are not waited for.
 */
async function animationsSettled(page: Page): Promise<void> {
  // Polled with evaluate(): waitForFunction compiles its predicate in the page, which the
  // app's Content-Security-Policy (no 'unsafe-eval') rightly refuses.
  for (let i = 0; i < 100; i++) {
    const running = await page.evaluate<number>(`
      new Promise((resolve) => requestAnimationFrame(() => resolve(
        document.getAnimations().filter((a) => a.playState === 'running' &&
          a.effect?.getComputedTiming().endTime !== Infinity).length)))
    `);
    if (running === 0) return;
  }
  throw new Error('Animations were still running after 100 frames');
}
