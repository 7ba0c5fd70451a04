import { rmSync } from 'node:fs';
import { migrate, openDatabase, schema } from '@procura/db';
import { migratedDataDir } from '@procura/db/testing';
import { chinaDate } from '@procura/domain/china-time';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningServer,
  startServerProcess,
  stopStartedProcesses,
} from '../apps/cli/src/testing/spawn-server.ts';
import { loadUser } from '../apps/server/src/auth/load-user.ts';
import { initialise } from '../apps/server/src/bootstrap/initialise.ts';
import { openCase } from '../apps/server/src/cases/open-case.ts';
import { chinaDay, launchChromium, loginThroughPage, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const title = '凌晨立案的河道污染公益诉讼案件';
/** 03:00 in China three days ago: still the day before in UTC (19:00). */
const day = chinaDay(-3);
const openedAt = new Date(`${day}T03:00:00+08:00`);
const dataDir = migratedDataDir('procura-e2e-china-time-');
let server: RunningServer;
let browser: Browser;
let caseId: number;

beforeAll(async () => {
  // A case of head5 opened at 03:00 China time: written before the server takes the data folder.
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
    // The demo accounts only: the test looks for its own case among the head's.
    await initialise(database, { demo: true, demoWork: false });
    const [head] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, 'head5'));
    const user = (await loadUser(database.db, head!.id))!;
    const opened = await openCase(database, {
      input: { type: 'adminPublicInterest', pilField: 'ecology', title },
      user,
      ip: null,
    });
    caseId = opened.id;
    await database.db.update(schema.cases).set({ openedAt }).where(eq(schema.cases.id, caseId));
    await database.db
      .update(schema.caseEvents)
      .set({ at: openedAt })
      .where(eq(schema.caseEvents.caseId, caseId));
  } finally {
    await database.close();
  }
  [server, browser] = await Promise.all([
    startServerProcess({ PROCURA_DATA_DIR: dataDir }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stopStartedProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dates in a browser outside China', () => {
  it('a browser set to UTC shows the day and time a case was opened in China, and no white frame', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    expect(chinaDate(new Date(openedAt.getTime() - 86_400_000))).not.toBe(day);
    await loginThroughPage(page, server.url, 'head5', demoPassword);
    await page.goto(`${server.url}/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('case-detail').textContent()).toContain(title);
    const opened = page.locator('.ant-descriptions-item').filter({ hasText: '立案日期' });
    expect(await opened.textContent()).toBe(`立案日期${day}`);
    const event = page.getByTestId('case-event').filter({ hasText: '立案' }).first();
    expect(await event.textContent()).toContain(`${day} 03:00`);

    // The layout reaches the window's edges: no 8 px body margin.
    expect(await page.evaluate('getComputedStyle(document.body).margin')).toBe('0px');
    const sider = await page.locator('.ant-layout-sider').boundingBox();
    expect([sider?.x, sider?.y]).toEqual([0, 0]);
    await settledScreenshot(page, 'china-time-utc-browser');
    await context.close();
  });
});
