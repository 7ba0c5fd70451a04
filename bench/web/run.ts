/**
 * Page speed in Chromium, on a real `procura serve` process, loopback only.
 *   node bench/web/run.ts [--rounds 5] [--no-build]
 * Builds the web app (unless --no-build), seeds the demo procuratorate into a scratch data folder,
 * starts the server on it and drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH):
 *   - baseline: a cold load (new browser context, empty cache) of /api/health, a page with no
 *     script at all from the same server: what the browser and the loopback cost by themselves;
 *   - cold first page: new context, empty cache, the login page and (with the chief's session
 *     cookie) the home page, until the page is settled (below); --rounds times each;
 *   - navigation: signed in as the chief, then the admin, a click on each side-menu entry in turn
 *     until the new page is settled: first visit (the page's code not loaded yet), then a second
 *     round (code cached in the page);
 *   - reload: a full page load of each menu page with a warm HTTP cache.
 * "Settled": the page shows content (the login form, or the layout with text in its content
 * area), no spinner or skeleton is left, and this has held for 150 ms (the time reported is when it
 * started to hold). Figures are medians and p90s with their ratio to the baseline median.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '@procura/db';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  loginCookie,
  startServerProcess,
  stopStartedProcesses,
} from '../../apps/cli/src/testing/spawn-server.ts';
import { initialise } from '../../apps/server/src/bootstrap/initialise.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const password = 'Chenghua2026';
const root = new URL('../../', import.meta.url).pathname;

/**
 * Installed before any page script: `__settled(start, path, title)` resolves with the time from
 * `start` (ms since the page's time origin) to settled at `path`, the tab titled `title` (the route
 * guard titles it once the route's page is in the document: a navigation keeps the old page shown
 * while the new one's code loads). Gives up after 30 s.
 */
const settleHelper = `
window.__settled = (start, path, title) => new Promise((resolve) => {
  const busy = '.ant-spin-spinning, .ant-spin-fullscreen, .ant-skeleton, .ant-spin-blur';
  let since = null;
  const check = () => {
    const now = performance.now();
    if (now - start > 30000) throw new Error('not settled within 30 s: ' + path + ' ' + document.title);
    const content = document.querySelector('.ant-layout-content');
    const shown = document.querySelector('[data-testid=login-submit]') ||
      (content && content.textContent.trim().length > 0);
    const ready = location.pathname === path && document.title.startsWith(title + ' - ') && shown &&
      !document.querySelector(busy);
    if (!ready) since = null;
    else if (since === null) since = now;
    else if (now - since >= 150) return resolve(since - start);
    requestAnimationFrame(check);
  };
  check();
});`;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}

function launch(): Promise<Browser> {
  // The flags of e2e/browser.ts: Debian's Chromium, kept off the network.
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

async function newContext(browser: Browser, url: string, cookie?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(settleHelper);
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
  }
  return context;
}

/** Loads `path` in `page` and returns the time from navigation start to settled. */
async function load(page: Page, url: string, path: string, title: string): Promise<number> {
  await page.goto(`${url}${path}`, { waitUntil: 'commit' });
  return page.evaluate(`__settled(0, ${JSON.stringify(path)}, ${JSON.stringify(title)})`) as Promise<number>;
}

/** Script and style bytes fetched over the network by the page so far. */
function codeBytes(page: Page): Promise<number> {
  // A string: the bench is compiled without the DOM types.
  return page.evaluate(`performance.getEntriesByType('resource')
    .filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname))
    .reduce((sum, e) => sum + e.transferSize, 0)`) as Promise<number>;
}

interface Line {
  what: string;
  times: number[];
  note?: string;
}

async function main() {
  if (!values['no-build']) execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'ignore' });
  const dataDir = mkdtempSync(join(tmpdir(), 'procura-bench-web-'));
  const lines: Line[] = [];
  let browser: Browser | undefined;
  try {
    const seeding = await openDatabase({ dataDir });
    try {
      await migrate(seeding);
      await initialise(seeding, { demo: true });
    } finally {
      await seeding.close();
    }
    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    const { url } = server;
    browser = await launch();
    const chief = await loginCookie(url, 'chief', password);
    const admin = await loginCookie(url, 'admin', password);

    // Cold loads: a new context (empty cache) each time.
    const cold = async (path: string, title: string, cookie?: string, settle = true) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < rounds; i++) {
        const context = await newContext(browser!, url, cookie);
        const page = await context.newPage();
        if (settle) times.push(await load(page, url, path, title));
        else {
          await page.goto(`${url}${path}`, { waitUntil: 'load' });
          times.push(
            (await page.evaluate(`performance.getEntriesByType('navigation')[0].duration`)) as number,
          );
        }
        bytes = await codeBytes(page);
        await context.close();
      }
      return { times, bytes };
    };
    await cold('/login', '登录'); // warm-up: the server's first answers, Chromium's first context
    const baseline = await cold('/api/health', '', undefined, false);
    lines.push({ what: 'baseline: cold load of /api/health (no script)', times: baseline.times });
    const login = await cold('/login', '登录');
    lines.push({ what: 'cold first page: /login', times: login.times, note: `${kb(login.bytes)} JS+CSS` });
    const home = await cold('/', '工作台', chief);
    lines.push({
      what: 'cold first page: / (home, chief)',
      times: home.times,
      note: `${kb(home.bytes)} JS+CSS`,
    });

    // Navigation by the side menu, and reloads with a warm cache.
    const firstVisit: number[] = [];
    const secondVisit: number[] = [];
    const reload: number[] = [];
    const slowest: { path: string; ms: number }[] = [];
    const slowestReload: { path: string; ms: number }[] = [];
    for (const cookie of [chief, admin]) {
      const context = await newContext(browser, url, cookie);
      const page = await context.newPage();
      await load(page, url, '/', '工作台');
      const menu = (await page.evaluate(
        `[...document.querySelectorAll('[data-testid=side-menu] a[href]')]
          .map((a) => ({ path: new URL(a.href).pathname, title: a.textContent.trim() }))`,
      )) as { path: string; title: string }[];
      const titles = new Map(menu.map((m) => [m.path, m.title]));
      const paths = menu.map((m) => m.path);
      for (const visits of [firstVisit, secondVisit]) {
        for (const path of [...paths.filter((p) => p !== '/'), '/']) {
          const ms = (await page.evaluate(`(() => {
            const link = document.querySelector('[data-testid=side-menu] a[href="${path}"]');
            const start = performance.now();
            link.click();
            return __settled(start, ${JSON.stringify(path)}, ${JSON.stringify(titles.get(path))});
          })()`)) as number;
          visits.push(ms);
          if (visits === firstVisit) slowest.push({ path, ms });
        }
      }
      for (const path of paths) {
        const ms = await load(page, url, path, titles.get(path)!);
        reload.push(ms);
        slowestReload.push({ path, ms });
      }
      await context.close();
    }
    lines.push({
      what: `navigation, first visit (${firstVisit.length} menu pages, chief + admin)`,
      times: firstVisit,
    });
    lines.push({ what: 'navigation, second visit', times: secondVisit });
    lines.push({ what: 'full page load, warm cache (each menu page)', times: reload });

    const base = median(baseline.times);
    const out = [
      `\`node bench/web/run.ts --rounds ${rounds}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.version}, Chromium ${browser.version()}; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
      '',
      '| what | n | median ms | p90 ms | × baseline (median) | note |',
      '|---|---:|---:|---:|---:|---|',
      ...lines.map(
        (l) =>
          `| ${l.what} | ${l.times.length} | ${median(l.times).toFixed(0)} | ${quantile(l.times, 0.9).toFixed(0)} | ${(median(l.times) / base).toFixed(1)} | ${l.note ?? ''} |`,
      ),
      '',
      `Slowest first visits: ${top(slowest)}. Slowest full page loads: ${top(slowestReload)}.`,
    ];
    console.log(out.join('\n'));
    server.child.kill('SIGTERM');
    await server.exited;
  } finally {
    await browser?.close();
    await stopStartedProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const top = (list: { path: string; ms: number }[]) =>
  list
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${s.path} ${s.ms.toFixed(0)} ms`)
    .join(', ');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

await main();
