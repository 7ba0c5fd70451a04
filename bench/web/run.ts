/**
 * Page speed in Chromium, on a real `procura serve` process, loopback only.
 *   node bench/web/run.ts [--rounds 5] [--menu-rounds 1] [--no-build] [--compare distA,distB]
 * Builds the web app (unless --no-build), seeds the demo procuratorate into a scratch data folder,
 * starts the server on it and drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 * --compare serves each of several built web apps (vite output folders, e.g. one built from an
 * older commit) from its own server and database, the builds taking turns in every round.
 *   - baseline: a cold load (new browser context, empty cache) of /api/health, a page with no
 *     script at all from the same server: what the browser and the loopback cost by themselves;
 *   - cold first page: new context, empty cache, the login page and (with the chief's session
 *     cookie) the home page, until the page is settled (below); --rounds times each;
 *   - navigation: signed in as the chief, then the admin, a click on each side-menu entry in turn
 *     until the new page is settled: first visit (the page's code not loaded yet), then a second
 *     round (code cached in the page), --menu-rounds times;
 *   - reload: a full page load of each menu page with a warm HTTP cache.
 * "Settled": the page shows content (the login form, or the layout with text in its content
 * area), no spinner or skeleton is left, and this has held for 150 ms (the time reported is when it
 * started to hold). Figures are medians and p90s with their ratio to the baseline median.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
    'menu-rounds': { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const menuRounds = Number(values['menu-rounds']);
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

interface Target {
  label: string;
  url: string;
  chief: string;
  admin: string;
  lines: Map<string, Line>;
  slowest: { path: string; ms: number }[];
  slowestReload: { path: string; ms: number }[];
}

/** A server on a fresh copy of the demo procuratorate, serving the web app in `webDist`. */
async function startTarget(label: string, webDist: string, dataDirs: string[]): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'procura-bench-web-'));
  dataDirs.push(dataDir);
  const seeding = await openDatabase({ dataDir });
  try {
    await migrate(seeding);
    await initialise(seeding, { demo: true });
  } finally {
    await seeding.close();
  }
  const { url } = await startServerProcess({ PROCURA_DATA_DIR: dataDir, PROCURA_WEB_DIST: webDist });
  return {
    label,
    url,
    chief: await loginCookie(url, 'chief', password),
    admin: await loginCookie(url, 'admin', password),
    lines: new Map(),
    slowest: [],
    slowestReload: [],
  };
}

function record(target: Target, what: string, ms: number, note?: string): void {
  const line = target.lines.get(what) ?? { what, times: [] };
  line.times.push(ms);
  if (note) line.note = note;
  target.lines.set(what, line);
}

/** One cold load (new context, empty cache) of `path`; `title` undefined: to the load event. */
async function coldLoad(
  browser: Browser,
  target: Target,
  what: string,
  path: string,
  title?: string,
  cookie?: string,
) {
  const context = await newContext(browser, target.url, cookie);
  const page = await context.newPage();
  let ms: number;
  if (title !== undefined) ms = await load(page, target.url, path, title);
  else {
    await page.goto(`${target.url}${path}`, { waitUntil: 'load' });
    ms = (await page.evaluate(`performance.getEntriesByType('navigation')[0].duration`)) as number;
  }
  const bytes = await codeBytes(page);
  await context.close();
  record(target, what, ms, title === undefined ? undefined : `${kb(bytes)} JS+CSS`);
}

/** Signed in as the chief, then the admin: every menu page by a click, twice; then reloaded. */
async function menuPass(browser: Browser, target: Target): Promise<void> {
  for (const cookie of [target.chief, target.admin]) {
    const context = await newContext(browser, target.url, cookie);
    const page = await context.newPage();
    await load(page, target.url, '/', '工作台');
    const menu = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid=side-menu] a[href]')]
        .map((a) => ({ path: new URL(a.href).pathname, title: a.textContent.trim() }))`,
    )) as { path: string; title: string }[];
    const titles = new Map(menu.map((m) => [m.path, m.title]));
    const paths = menu.map((m) => m.path);
    for (const visit of ['navigation, first visit', 'navigation, second visit']) {
      for (const path of [...paths.filter((p) => p !== '/'), '/']) {
        const ms = (await page.evaluate(`(() => {
          const link = document.querySelector('[data-testid=side-menu] a[href="${path}"]');
          const start = performance.now();
          link.click();
          return __settled(start, ${JSON.stringify(path)}, ${JSON.stringify(titles.get(path))});
        })()`)) as number;
        record(target, visit, ms);
        if (visit.includes('first')) target.slowest.push({ path, ms });
      }
    }
    for (const path of paths) {
      const ms = await load(page, target.url, path, titles.get(path)!);
      record(target, 'full page load, warm cache (each menu page)', ms);
      target.slowestReload.push({ path, ms });
    }
    await context.close();
  }
}

async function main() {
  if (!values['no-build'] && !values.compare) {
    execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'ignore' });
  }
  const builds = values.compare
    ? values.compare.split(',').map((dir) => ({ label: dir, dir: resolve(dir) }))
    : [{ label: 'apps/web/dist', dir: join(root, 'apps/web/dist') }];
  const dataDirs: string[] = [];
  let browser: Browser | undefined;
  try {
    const targets: Target[] = [];
    for (const build of builds) targets.push(await startTarget(build.label, build.dir, dataDirs));
    browser = await launch();
    for (const target of targets) await coldLoad(browser, target, 'warm-up', '/login', '登录');
    // Builds take turns within each round, so that the machine's load falls on each alike.
    for (let round = 0; round < rounds; round++) {
      for (const target of round % 2 ? [...targets].reverse() : targets) {
        await coldLoad(browser, target, 'baseline: cold load of /api/health (no script)', '/api/health');
        await coldLoad(browser, target, 'cold first page: /login', '/login', '登录');
        await coldLoad(browser, target, 'cold first page: / (home, chief)', '/', '工作台', target.chief);
      }
    }
    for (let round = 0; round < menuRounds; round++) {
      for (const target of round % 2 ? [...targets].reverse() : targets) await menuPass(browser, target);
    }

    const out = [
      `\`node bench/web/run.ts ${process.argv.slice(2).join(' ')}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.version}, Chromium ${browser.version()}; load average at the end ${loadavg()[0]!.toFixed(1)}`,
    ];
    for (const target of targets) {
      const lines = [...target.lines.values()].filter((l) => l.what !== 'warm-up');
      const base = median(lines[0]!.times);
      out.push(
        '',
        `${target.label}:`,
        '',
        '| what | n | median ms | p90 ms | × baseline (median) | note |',
        '|---|---:|---:|---:|---:|---|',
        ...lines.map(
          (l) =>
            `| ${l.what} | ${l.times.length} | ${median(l.times).toFixed(0)} | ${quantile(l.times, 0.9).toFixed(0)} | ${(median(l.times) / base).toFixed(1)} | ${l.note ?? ''} |`,
        ),
        '',
        `Slowest first visits: ${top(target.slowest)}. Slowest full page loads: ${top(target.slowestReload)}.`,
      );
    }
    console.log(out.join('\n'));
  } finally {
    await browser?.close();
    await stopStartedProcesses();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
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
