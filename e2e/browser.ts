import { mkdirSync, rmSync } from 'node:fs';
import { migratedDataDir } from '@procura/db/testing';
import { chinaDate, chinaYear } from '@procura/domain/china-time';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import {
  type RunningServer,
  startServerProcess,
  stopStartedProcesses,
} from '../apps/cli/src/testing/spawn-server.ts';

export const screenshotDir = new URL('../test-results/screenshots/', import.meta.url).pathname;

/**
 * "Now" for the browser tests, whatever day they run: the server's clock (PROCURA_CLOCK) and
 * every page's clock start here and run on. A Wednesday, 10:00 in China.
 */
export const e2eNow = new Date('2026-11-25T10:00:00+08:00');

/** The year of e2eNow in China: case and document numbers count in it. */
export const e2eYear = chinaYear(e2eNow);

/** Debian's Chromium, never a downloaded one; flags keep it off the closed network. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A Procura server on a fresh data folder (a copy of the migrated template) and a Chromium for one test file: started before its
 * tests, stopped (and the folder removed) after them. The fields are set once the hook has run.
 * Both clocks start at e2eNow.
 */
export function serverAndBrowser(
  name: string,
  options: {
    /**
     * Generate the two years of demo work on the server's first start (PROCURA_DEMO_WORK), as a
     * real first start does: for tests that run on the demo data (about 1 s of CPU more per start).
     * Off by default, so a test sees only the demo accounts and what it makes itself.
     */
    demoWork?: boolean;
  } = {},
): { dataDir: string; server: RunningServer; browser: Browser } {
  const running = { dataDir: migratedDataDir(`procura-e2e-${name}-`) } as {
    dataDir: string;
    server: RunningServer;
    browser: Browser;
  };
  beforeAll(async () => {
    [running.server, running.browser] = await Promise.all([
      startServerProcess({
        PROCURA_DATA_DIR: running.dataDir,
        PROCURA_CLOCK: e2eNow.toISOString(),
        PROCURA_DEMO_WORK: options.demoWork ? '1' : '0',
      }),
      launchChromium().then(withClockAtE2eNow),
    ]);
  });
  afterAll(async () => {
    await running.browser?.close();
    const { server } = running;
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await stopStartedProcesses();
    rmSync(running.dataDir, { recursive: true, force: true });
  });
  return running;
}

/**
 * Every context of this browser (browser.newPage opens one too) gets a page clock that starts at
 * e2eNow and runs on, so the date pickers' "today" is the server's.
 */
function withClockAtE2eNow(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.install({ time: e2eNow });
    await context.clock.resume();
    return context;
  };
  return browser;
}

/**
 * A day relative to e2eNow in China ('YYYY-MM-DD'): tests that set dates the server compares with
 * today (visits due, bookings ahead) give them relative to it, never as fixed dates.
 */
export function chinaDay(offsetDays: number): string {
  return chinaDate(new Date(e2eNow.getTime() + offsetDays * 86_400_000));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** Logs in through the login page and waits for the signed-in layout or the password page. */
export async function loginThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Opens an antd Select (its test id, or a locator such as a form label) and picks the option with
 * this exact text; `search` fills the search box first, for long virtual lists. Returns once the
 * list has closed: on a loaded machine a list still fading out covers the field below it and takes
 * its click. Until then it tries again: a click that lands while the virtual list re-renders is
 * lost and leaves the list open, and a list can close without a choice.
 */
export async function choose(
  page: Page,
  select: string | Locator,
  option: string,
  { search = false }: { search?: boolean } = {},
): Promise<void> {
  const field = typeof select === 'string' ? page.getByTestId(select) : select;
  const list = page.locator('.ant-select-dropdown:visible');
  await vi.waitFor(
    async () => {
      if ((await list.count()) === 0) await field.click();
      // fill, not type: typed keys can arrive before the search box has the focus
      if (search) await field.locator('input').first().fill(option);
      await list.getByText(option, { exact: true }).click({ timeout: 3_000 });
      await expect.poll(() => list.count(), { timeout: 3_000 }).toBe(0);
    },
    { timeout: 20_000, interval: 200 },
  );
  if (typeof select === 'string') await expect.poll(() => field.textContent()).toContain(option);
}

/** Waits until every dialog has closed (its animation included). */
export async function noDialog(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
}

/** Waits until no dialog is open and nothing is loading, then takes the screenshot. */
export async function settledScreenshot(page: Page, name: string): Promise<void> {
  await noDialog(page);
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await page.waitForTimeout(400); // the table's fade back from its loading state
  await screenshot(page, name);
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

/**
 * Collects the Content-Security-Policy violations of a page (its own `securitypolicyviolation`
 * events and Chromium's "Refused to …" console errors). Call before the first navigation; the
 * array fills as the page runs.
 */
export async function cspViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI);
  });`);
  return found;
}

/**
 * A JSON request to the test server as a signed-in user, for the setup a browser test does not
 * test: throws with the status and body when refused. The URL is read at call time, once the
 * file's server has started.
 */
export function apiCaller(url: () => string) {
  return async <T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url()}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
