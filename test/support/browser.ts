import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Platform } from '../../lib/domain/platform.js';
import { demoUsers } from '../../local/demo-data.js';

/**
 * The portal in a real browser: Debian's Chromium driven by playwright-core (Playwright's own
 * browser downloads are not reachable here). `CHROMIUM_PATH` points elsewhere if needed.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const launchOptions = () => {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return { executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] };
};

/** The run's one Chromium, as the integration project's global setup started it: its address, or why there is none. */
export type SharedBrowser = { wsEndpoint: string } | { missing: string };

/**
 * Starts the Chromium every browser test of the run connects to (one browser process instead of
 * one per test file: ~1 s and a core-second less per file). Each test still opens its own context,
 * so no cookie or storage is shared. Without Chromium it says why, for the browser tests to tell.
 */
export const startSharedBrowser = async (): Promise<{ shared: SharedBrowser; close: () => Promise<void> }> => {
  try {
    const server = await chromium.launchServer(launchOptions());
    return { shared: { wsEndpoint: server.wsEndpoint() }, close: () => server.close() };
  } catch (error) {
    return { shared: { missing: error instanceof Error ? error.message : String(error) }, close: async () => undefined };
  }
};

/** The run's browser for a test file: connected before its tests, let go after them; call it inside a test. */
export const useBrowser = (): (() => Browser) => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const shared = inject('browser');
    if ('missing' in shared) throw new Error(shared.missing);
    browser = await chromium.connect(shared.wsEndpoint);
  });
  // For a connected browser this closes the contexts this file opened and disconnects.
  afterAll(async () => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser is not connected yet: call it inside a test');
    return browser;
  };
};

/** Where the screenshots of every page go, at both widths: looked at, not only tested. */
export const screenshotDir = path.resolve(import.meta.dirname, '../../.local/screenshots');

export interface PortalTab {
  page: Page;
  /** The portal's address of `path` in this tab's brand. */
  url: (path: string) => string;
  /** Script errors and CSP violations the page reported: a scenario ends with none. */
  errors: string[];
}

/** A fresh browser context (no session, no storage) on a brand's host, in a language. */
export const openPortal = async (browser: Browser, brand: Platform, language: 'cs' | 'en', width = 1280): Promise<PortalTab> => {
  const context = await browser.newContext({ locale: language === 'cs' ? 'cs-CZ' : 'en-GB', viewport: { width, height: 900 }, timezoneId: 'Europe/Prague' });
  // The portal's language follows the person's choice on the device; the test chooses it as a person would.
  await context.addInitScript((chosen) => localStorage.setItem('orderdesk.language', chosen), language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) errors.push(message.text());
  });
  const base = inject('stack').portalUrls[brand];
  return { page, url: (to) => `${base}${to}`, errors };
};

/** Signs in on the sign-in page and waits for the requests (or the page it was sent back to). */
export const signIn = async (tab: PortalTab, email: string, password: string) => {
  const { page } = tab;
  if (!page.url().includes('/sign-in')) await page.goto(tab.url('/sign-in'));
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
};

/**
 * axe-core on the page as it stands: no serious or critical violation (WCAG 2.2 A and AA rules).
 * Legacy mode runs axe in the page itself (the portal has no frames) instead of finishing the run
 * in a new blank page, and only violations are collected: the same findings, measured 3.5× faster
 * (2.4 s → 0.7 s on a large page), which matters at ~190 checks per test run.
 */
export const expectAccessible = async (page: Page, what: string) => {
  const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${what}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  // Thrown as one text, so a failure names every finding (an assertion's message would be truncated).
  if (serious.length > 0) throw new Error(`serious accessibility violations:\n${serious.join('\n')}`);
};

/**
 * Screenshots of the page at 1280 and 375 px wide, full height, into `.local/screenshots/<name>-<width>.png`,
 * when asked for (`npm run screenshots`, i.e. SCREENSHOTS=1): they are for people to look at, and
 * no test reads them; the two resizes and PNG encodings of ~190 pages cost ~80 s of a test run.
 */
export const screenshots = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS !== '1') return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
};

/**
 * Signs a demo person (`people.agent` is Eva, `people.admin` Tomáš: local/demo-data.ts) in with
 * their demo password, on the sign-in page the portal sent the tab to.
 */
export const signInAsDemo = async (tab: PortalTab, email: string) => {
  await tab.page.waitForURL(/\/sign-in/);
  const user = demoUsers.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`${email} is not a demo user (local/demo-data.ts)`);
  await signIn(tab, email, user.password);
};

/** What every page of a scenario is checked for before it moves on: accessible, no script errors, and pictured when asked for. */
export const lookAt = async (tab: PortalTab, name: string) => {
  await expectAccessible(tab.page, name);
  await screenshots(tab.page, name);
  expect(tab.errors, name).toEqual([]);
};

/** What the page shows once it caught up (a step reloads what it changed; lists are read again on focus and every 10 s). */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/**
 * `lookAt` with the text field in focus let go first: Chromium leaves what stands below a focused
 * text area unpainted in a full-page screenshot taken right after the viewport's resize.
 */
export const lookAtUnfocused = async (tab: PortalTab, name: string) => {
  const focused = tab.page.locator('textarea:focus, input:focus');
  if ((await focused.count()) > 0) await focused.blur();
  await lookAt(tab, name);
};

/** A download's bytes, streamed from the browser (a connected browser keeps no local path to read). */
export const downloadedBytes = async (download: Download): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};
