import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TCockpit, TFigure } from '@procura/server/cockpit/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, e2eYear, loginThroughPage, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('cockpit');
const call = apiCaller(() => e2e.server.url);

const thisYear = { from: `${e2eYear}-01-01`, to: `${e2eYear + 1}-01-01` };

describe('检察长驾驶舱 in the browser', () => {
  it('the chief sees figures that recount through the lists, opens a bar’s list and switches the period', async () => {
    // The work the figures count, built through the API (the demo data is not relied on).
    const head5 = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const deputy = await loginCookie(e2e.server.url, 'deputy', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const departments = await call<{ id: number; name: string }[]>(chief, 'GET', '/api/departments');
    const fourth = departments.find((d) => d.name === '第四检察部')!.id;
    for (const title of ['某河道排污线索', '某湿地填埋线索', '某餐馆食品安全线索']) {
      await call(head5, 'POST', '/api/clues', { source: 'selfDiscovered', title, description: title });
    }
    const open = (cookie: string, body: Record<string, unknown>) =>
      call<TCaseDetail>(cookie, 'POST', '/api/cases', body);
    await open(head5, {
      type: 'adminPublicInterest',
      title: '某河道污染行政公益诉讼案',
      pilField: 'ecology',
    });
    await open(head5, {
      type: 'adminPublicInterest',
      title: '某湿地保护行政公益诉讼案',
      pilField: 'ecology',
    });
    const food = await open(head5, {
      type: 'civilPublicInterest',
      title: '某餐馆食品安全民事公益诉讼案',
      pilField: 'foodDrugSafety',
    });
    await call(head5, 'POST', `/api/cases/${food.id}/events`, { kind: 'suitFiled', note: '向法院提起诉讼' });
    await open(deputy, {
      type: 'supportedSuit',
      title: '张某等追索劳动报酬支持起诉案',
      departmentId: fourth,
    });

    // Three figures, recounted through the list API they link to.
    const cockpit = await call<TCockpit>(chief, 'GET', `/api/cockpit?${new URLSearchParams(thisYear)}`);
    const figure = (id: string) => cockpit.sections.flatMap((s) => s.figures).find((f) => f.metricId === id)!;
    const listTotal = async (f: TFigure) =>
      (
        await call<{ total: number }>(
          chief,
          'GET',
          `${f.list!.path}?${new URLSearchParams({ ...f.list!.query, pageSize: '1' })}`,
        )
      ).total;
    for (const [id, expected] of [
      ['cluesReceived', 3],
      ['casesOpened', 4],
      ['suitsFiled', 1],
    ] as const) {
      expect(figure(id).value).toBe(expected);
      expect(await listTotal(figure(id))).toBe(expected);
    }

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
      await page.getByRole('menuitem', { name: '检察长驾驶舱' }).click();
      await page.waitForURL(/\/cockpit$/);
      // The page shows the figures the API counts, each with its 同比.
      await expect.poll(() => page.getByTestId('figure-value-casesOpened').textContent()).toBe('4 件');
      await expect(page.getByTestId('figure-value-cluesReceived').textContent()).resolves.toBe('3 件');
      await expect(page.getByTestId('figure-value-suitsFiled').textContent()).resolves.toBe('1 件');
      await expect(page.getByTestId('figure-yoy-casesOpened').textContent()).resolves.toContain('去年同期');
      // 口径 on hover.
      await page.getByTestId('definition-icon-casesOpened').hover();
      await expect
        .poll(() => page.getByTestId('definition-casesOpened').textContent())
        .toContain('按立案时间计入期间');
      await settledScreenshot(page, 'cockpit');

      // A click on the 生态环境和资源保护 bar opens its cases: exactly as many as the bar.
      const chart = page.getByTestId('chart-pilByField');
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await chart.getAttribute('data-bars')) ?? '[]').not.toBe('[]');
      const bars = JSON.parse((await chart.getAttribute('data-bars'))!) as {
        index: number;
        x: number;
        y: number;
      }[];
      const ecology = bars.find((b) => b.index === 0)!; // sorted by count: 生态环境和资源保护 (2) first
      await chart.click({ position: { x: ecology.x, y: ecology.y } });
      const drawer = page.getByTestId('cockpit-list');
      await expect.poll(() => page.getByTestId('cockpit-list-total').textContent()).toBe('共 2 条');
      await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(2);
      await expect(drawer.textContent()).resolves.toContain('某湿地保护行政公益诉讼案');
      await settledScreenshot(page, 'cockpit-bar-list');
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.isVisible()).toBe(false);

      // Another period: January to October holds none of this work.
      await page.getByTestId('cockpit-period').getByText('自定义').click();
      const inputs = page.locator('[data-testid="cockpit-range"] input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(`${e2eYear}-01-01`);
      await inputs.nth(0).press('Enter');
      await inputs.nth(1).fill(`${e2eYear}-10-31`);
      await inputs.nth(1).press('Enter');
      await expect
        .poll(() => page.getByTestId('cockpit-period-text').textContent())
        .toContain(`${e2eYear}年10月31日`);
      await expect.poll(() => page.getByTestId('figure-value-casesOpened').textContent()).toBe('0 件');
      await expect(page.getByTestId('figure-value-cluesReceived').textContent()).resolves.toBe('0 件');
      await page.getByTestId('cockpit-period').getByText('本年').click();
      await expect.poll(() => page.getByTestId('figure-value-casesOpened').textContent()).toBe('4 件');
    } finally {
      await context.close();
    }
  });

  it('the cockpit is not in a prosecutor’s menu', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
      const menu = page.getByTestId('side-menu');
      await expect.poll(() => menu.textContent()).toContain('案件');
      expect(await menu.textContent()).not.toContain('检察长驾驶舱');
    } finally {
      await context.close();
    }
  });
});
