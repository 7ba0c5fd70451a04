import { describe, expect, it } from 'vitest';
import {
  loginThroughPage,
  logout,
  noDialog,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('department-settings');

describe('部门设置 in the browser', () => {
  it('the admin sets a clue assessment period; a prosecutor’s new clue has its 承办人 and due date', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
      await page.getByTestId('side-menu').getByText('部门设置').click();
      const table = page.getByTestId('department-settings');
      const row = table.locator('tr', { hasText: '第一检察部' });
      // The demo's casework departments start with 30 days.
      await expect.poll(() => row.textContent()).toContain('收到线索后 30 日');
      await row.getByRole('button', { name: '修改' }).click();
      await page.getByTestId('department-days').fill('20');
      await page.getByTestId('department-settings-submit').click();
      await noDialog(page);
      await expect.poll(() => row.textContent()).toContain('收到线索后 20 日');
      expect(await table.locator('tr', { hasText: '第五检察部' }).textContent()).toContain('公益建');
      await settledScreenshot(page, 'department-settings-01');
      await logout(page);

      await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
      await page.getByTestId('side-menu').getByText('线索', { exact: true }).click();
      await page.getByTestId('register-clue').click();
      await page.getByTestId('clue-source').click();
      await page.locator('.ant-select-dropdown:visible').getByText('自行发现', { exact: true }).click();
      await page.getByTestId('clue-title').fill('某公司违规排污线索');
      await page.getByTestId('clue-description').fill('办案中发现某公司违规排污，主管部门未依法查处。');
      await page.getByTestId('register-clue-submit').click();
      await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
      await expect.poll(() => page.getByTestId('clue-handler-name').textContent()).toBe('李华（演示）');
      await expect.poll(() => page.getByTestId('clue-due-on').textContent()).toMatch(/^\d{4}-\d\d-\d\d$/);
      await settledScreenshot(page, 'department-settings-02-clue');
    } catch (error) {
      await screenshot(page, 'department-settings-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
