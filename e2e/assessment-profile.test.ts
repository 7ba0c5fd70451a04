import type { ProfileView as TProfile } from '@procura/server/assessment-scores/profile';
import type { TCaseDetail } from '@procura/server/cases/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  choose,
  e2eYear,
  loginThroughPage,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('assessment-profile');
const call = apiCaller(() => e2e.server.url);

describe('精准画像 in the browser', () => {
  it("the prosecutor's profile shows the radar chart and every number opens its records", async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const opened = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '某河道非法采砂画像测试案',
      pilField: 'ecology',
    });
    const me = await call<{ id: number }>(cookie, 'GET', '/api/auth/me');
    const profile = await call<TProfile>(cookie, 'GET', `/api/assessment/profiles/${me.id}?year=${e2eYear}`);
    const computed = profile.segments[0]?.indicators.filter((i) => i.source === 'computed') ?? [];
    expect(computed.length).toBeGreaterThan(0);

    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/assessment/profile`);
      // The radar is drawn (a canvas inside its box), with the rank next to it.
      await expect.poll(() => page.getByTestId('dimension-radar').locator('canvas').count()).toBe(1);
      await expect.poll(() => page.getByTestId('quarter-trend').locator('canvas').count()).toBe(1);
      await expect.poll(() => page.getByTestId('department-rank').textContent()).toMatch(/第 \d+ \/ \d+ 名/);
      await settledScreenshot(page, 'assessment-profile');

      // Every computed number opens the records it was counted from, as many as the API lists.
      for (const row of computed) {
        await page.getByTestId(`value-${row.key}`).click();
        const drawer = page.getByTestId('records-drawer');
        await expect
          .poll(() => drawer.getByTestId('indicator-definition').textContent())
          .toContain(row.definition);
        await expect.poll(() => drawer.getByTestId('record-link').count()).toBe(row.records.length);
        await page.keyboard.press('Escape');
        await expect.poll(() => drawer.isVisible()).toBe(false);
      }

      // 办案数 lists the case just opened, one click from its page.
      await page.getByTestId('value-casesHandled').click();
      const drawer = page.getByTestId('records-drawer');
      await expect
        .poll(() => drawer.getByTestId('indicator-records').textContent())
        .toContain('某河道非法采砂画像测试案');
      await settledScreenshot(page, 'assessment-profile-records');
      await drawer.getByTestId('record-link').filter({ hasText: '某河道非法采砂画像测试案' }).click();
      await page.waitForURL((url) => url.pathname === `/cases/${opened.id}`);
    } finally {
      await context.close();
    }
  });

  it('the chief exports the grade list with the quota checked', async () => {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
      await page.goto(`${e2e.server.url}/assessment/profile`);
      await expect.poll(() => page.getByTestId('dimension-radar').locator('canvas').count()).toBe(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-grades').click(),
      ]);
      expect(download.suggestedFilename()).toContain(`${e2eYear}年度考核等次名单`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = workbook.getWorksheet('考核等次名单');
      expect((sheet?.getRow(1).values as string[] | undefined)?.slice(1)).toEqual([
        '排名',
        '姓名',
        '部门',
        '总分',
        '按分数段',
        '确定等次',
        '名额核对',
      ]);
      const rows = (sheet?.getRows(2, (sheet?.rowCount ?? 1) - 1) ?? []).map((r) =>
        (r.values as unknown[]).slice(1),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r[5] === '优秀').length).toBeLessThanOrEqual(Math.floor(rows.length * 0.2));
      await settledScreenshot(page, 'assessment-chief');
    } finally {
      await context.close();
    }
  });

  it('a department head sets a 跳起摸高 target and the rule next to the score names it', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    await call(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '目标值画像测试案',
      pilField: 'ecology',
    });
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1600, height: 1000 },
    });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      await page.goto(`${e2e.server.url}/assessment/profile`);
      await choose(page, 'person-select', '陈敏（演示）（第五检察部）');
      const input = page.getByTestId('target-casesHandled');
      await input.fill('50');
      await input.press('Enter');
      await expect
        .poll(() => page.locator('tr', { has: page.getByTestId('value-casesHandled') }).textContent())
        .toContain('负责人设定的目标值 50');
      await settledScreenshot(page, 'assessment-head-target');
    } finally {
      await context.close();
    }
  });
  // It stores a period for the year (its indicators keyed by 编号): it runs last.
  it('the profile shows the party points, and a click lists the entries behind them', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const personnel = await loginCookie(e2e.server.url, 'personnel1', demoPassword);
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const me = await call<{ id: number }>(cookie, 'GET', '/api/auth/me');
    // The year's own period (the newest of those covering the year is the one scored).
    const period = await call<{ id: number }>(personnel, 'POST', '/api/assessment/periods', {
      name: `${e2eYear}年度（党员积分测试）`,
      kind: 'year',
      startsOn: `${e2eYear}-01-01`,
      endsOn: `${e2eYear}-12-31`,
      copyFromId: null,
    });
    const before = await call<TProfile>(cookie, 'GET', `/api/assessment/profiles/${me.id}?year=${e2eYear}`);
    const entry = await call<{ id: number }>(head, 'POST', '/api/assessment/entries', {
      periodId: period.id,
      userId: me.id,
      kind: 'negative',
      points: -2,
      title: '画像测试：未按要求参加支部研讨',
      occurredOn: `${e2eYear}-01-15`,
    });
    await call(personnel, 'POST', `/api/assessment/entries/${entry.id}/decision`, { approve: true });

    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/assessment/profile`);
      await expect
        .poll(() => page.getByTestId('party-points').textContent())
        .toBe(String(before.partyPoints.total - 2));
      await page.getByTestId('party-points').click();
      const drawer = page.getByTestId('party-points-drawer');
      await expect
        .poll(() => drawer.getByTestId('party-points-entries').textContent())
        .toContain('画像测试：未按要求参加支部研讨');
      await settledScreenshot(page, 'assessment-profile-party-points');
    } finally {
      await context.close();
    }
  });
});
