import { describe, expect, it } from 'vitest';
import { loginThroughPage, screenshot, serverAndBrowser } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('clue-decision');

describe('线索处置 while the page loads', () => {
  it('shows a placeholder, never 不立案, until it knows the department opens cases; then 立案', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      const registered = await page.request.post(`${e2e.server.url}/api/clues`, {
        data: {
          source: 'selfDiscovered',
          title: '某小区违规占用消防通道线索',
          description: '巡查中发现小区消防通道长期被占用，主管部门未依法处理。',
          pilField: 'workSafety',
        },
      });
      expect(registered.status(), await registered.text()).toBe(201);
      const { clue } = (await registered.json()) as { clue: { id: number } };

      // A slow answer about the departments (a notice opened before they are cached).
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/departments', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${e2e.server.url}/clues/${clue.id}`);
      await expect.poll(() => page.getByTestId('clue-decision-loading').isVisible()).toBe(true);
      expect(await page.getByTestId('decision-tabs').count()).toBe(0);
      expect(await page.getByTestId('clue-decision').textContent()).not.toContain('不立案');

      release();
      const active = page.getByTestId('decision-tabs').locator('.ant-tabs-tab-active');
      await expect.poll(() => active.textContent()).toBe('立案');
      expect(await page.getByTestId('clue-decision-loading').count()).toBe(0);
    } catch (error) {
      await screenshot(page, 'clue-decision-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
