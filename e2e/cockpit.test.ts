import type { TCockpit, TFigure } from '@procura/server/cockpit/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, e2eYear, loginThroughPage, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('cockpit', { demoWork: true });
const call = apiCaller(() => e2e.server.url);

const thisYear = { from: `${e2eYear}-01-01`, to: `${e2eYear + 1}-01-01` };

describe('检察长驾驶舱 in the browser', () => {
  it('the chief sees figures that recount through the lists, opens a bar’s list and switches the period', async () => {
    // The figures of the demo procuratorate's two generated years (the "on the demo data").
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);

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
    const shown = (value: number) => `${value.toLocaleString('zh-CN')} 件`;
    // A figure counts sealed juvenile records that its list leaves out (`hidden`, said on the card).
    for (const id of ['cluesReceived', 'casesOpened', 'suitsFiled']) {
      expect(figure(id).value, id).toBeGreaterThan(0);
      expect(await listTotal(figure(id)), id).toBe(figure(id).value! - figure(id).hidden);
    }
    const casesOpened = figure('casesOpened').value!;

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
      await page.getByRole('menuitem', { name: '检察长驾驶舱' }).click();
      await page.waitForURL(/\/cockpit$/);
      // The page shows the figures the API counts, each with its 同比.
      await expect
        .poll(() => page.getByTestId('figure-value-casesOpened').textContent())
        .toBe(shown(casesOpened));
      await expect(page.getByTestId('figure-value-cluesReceived').textContent()).resolves.toBe(
        shown(figure('cluesReceived').value!),
      );
      await expect(page.getByTestId('figure-value-suitsFiled').textContent()).resolves.toBe(
        shown(figure('suitsFiled').value!),
      );
      await expect(page.getByTestId('figure-yoy-casesOpened').textContent()).resolves.toContain('去年同期');
      // 口径 on hover.
      await page.getByTestId('definition-icon-casesOpened').hover();
      await expect
        .poll(() => page.getByTestId('definition-casesOpened').textContent())
        .toContain('按立案时间计入期间');
      await settledScreenshot(page, 'cockpit');

      // A click on the largest bar of 公益诉讼领域 opens its cases: exactly as many as the bar.
      const byField = cockpit.breakdowns.find((b) => b.id === 'pilByField')!;
      const largest = [...byField.items].sort((x, y) => y.value - x.value)[0]!;
      const chart = page.getByTestId('chart-pilByField');
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await chart.getAttribute('data-bars')) ?? '[]').not.toBe('[]');
      const bars = JSON.parse((await chart.getAttribute('data-bars'))!) as {
        index: number;
        x: number;
        y: number;
      }[];
      const first = bars.find((b) => b.index === 0)!; // the chart sorts by count, largest first
      await chart.click({ position: { x: first.x, y: first.y } });
      const drawer = page.getByTestId('cockpit-list');
      await expect
        .poll(() => page.getByTestId('cockpit-list-total').textContent())
        .toBe(`共 ${largest.value - largest.hidden} 条`);
      await expect
        .poll(() => drawer.locator('tbody tr.ant-table-row').count())
        .toBe(Math.min(largest.value - largest.hidden, 20)); // the first page
      await settledScreenshot(page, 'cockpit-bar-list');
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.isVisible()).toBe(false);

      // Another period: the first half of the year counts what the API counts for it.
      const half = { from: `${e2eYear}-01-01`, to: `${e2eYear}-07-01` };
      const halfCockpit = await call<TCockpit>(chief, 'GET', `/api/cockpit?${new URLSearchParams(half)}`);
      const halfCases = halfCockpit.sections
        .flatMap((s) => s.figures)
        .find((f) => f.metricId === 'casesOpened')!.value!;
      expect(halfCases).toBeLessThan(casesOpened);
      await page.getByTestId('cockpit-period').getByText('自定义').click();
      const inputs = page.locator('[data-testid="cockpit-range"] input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(`${e2eYear}-01-01`);
      await inputs.nth(0).press('Enter');
      await inputs.nth(1).fill(`${e2eYear}-06-30`);
      await inputs.nth(1).press('Enter');
      await expect
        .poll(() => page.getByTestId('cockpit-period-text').textContent())
        .toContain(`${e2eYear}年6月30日`);
      await expect
        .poll(() => page.getByTestId('figure-value-casesOpened').textContent())
        .toBe(shown(halfCases));
      await page.getByTestId('cockpit-period').getByText('本年').click();
      await expect
        .poll(() => page.getByTestId('figure-value-casesOpened').textContent())
        .toBe(shown(casesOpened));
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
