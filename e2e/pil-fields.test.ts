import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TProtectedObject } from '@procura/server/public-interest-fields/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, choose, loginThroughPage, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('pil-fields');

const call = apiCaller(() => e2e.server.url);

describe('公益诉讼领域 and protected objects in the browser', () => {
  it('a clue’s field reaches its case; the case names the tomb it protects, whose page lists it', async () => {
    const cookie = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const { clue } = await call<{ clue: { id: number } }>(cookie, 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '孟知祥墓保护范围内违法建设',
      description: '巡查发现全国重点文物保护单位保护范围内有违法建设',
      pilField: 'culturalHeritage',
    });
    const decided = await call<{ case: { id: number } }>(cookie, 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
      title: '孟知祥墓保护范围内违法建设行政公益诉讼案',
    });
    const caseId = decided.case.id;
    expect((await call<TCaseDetail>(cookie, 'GET', `/api/cases/${caseId}`)).pilFieldLabel).toBe(
      '文物和文化遗产保护',
    );
    const tomb = await call<TProtectedObject>(cookie, 'POST', '/api/protected-objects', {
      name: '孟知祥墓',
      kind: 'culturalRelic',
      protectionLevel: '全国重点文物保护单位',
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${caseId}`);
      const section = page.getByTestId('case-public-interest');
      await expect.poll(() => section.textContent()).toContain('文物和文化遗产保护');
      await page.getByTestId('case-protected-objects').click();
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText('孟知祥墓（全国重点文物保护单位）')
        .click();
      await page.keyboard.press('Escape');
      await expect.poll(() => section.getByRole('link', { name: /孟知祥墓/ }).count()).toBe(1);
      await choose(page, 'case-pil-field', '国有财产保护');
      await expect
        .poll(async () => (await call<TCaseDetail>(cookie, 'GET', `/api/cases/${caseId}`)).pilField)
        .toBe('stateProperty');
      await choose(page, 'case-pil-field', '文物和文化遗产保护');
      await settledScreenshot(page, 'pil-fields-case');

      await section.getByRole('link', { name: /孟知祥墓/ }).click();
      await page.waitForURL(`**/protected-objects/${tomb.id}`);
      const cases = page.getByTestId('protected-object-cases');
      await expect.poll(() => cases.textContent()).toContain('孟知祥墓保护范围内违法建设行政公益诉讼案');
      await settledScreenshot(page, 'pil-fields-object');

      await page.goto(`${e2e.server.url}/cases`);
      await choose(page, 'cases-filter-pil-field', '文物和文化遗产保护');
      await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('孟知祥墓');
      await settledScreenshot(page, 'pil-fields-list');
    } finally {
      await context.close();
    }
  });
});
