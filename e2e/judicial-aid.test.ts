import { idCheckCharacter } from '@procura/domain/clean/id-number';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TCaseJudicialAid } from '@procura/server/judicial-aid/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  chinaDay,
  choose,
  loginThroughPage,
  noDialog,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('judicial-aid');

const call = apiCaller(() => e2e.server.url);

/** Types a day into the open dialog's (only) date field. */
async function pickDay(page: Page, day: string): Promise<void> {
  const input = page.getByRole('dialog').locator('.ant-picker input').first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('司法救助 in the browser', () => {
  it('a civil case records an application, the head grants it, and an over-payment needs its reason', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    const head = await loginCookie(e2e.server.url, 'head4', demoPassword);
    const opened = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '王某追索劳动报酬支持起诉案',
    });
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor4', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${opened.id}`);
      await expect.poll(() => page.getByTestId('aid-table').textContent()).toContain('无司法救助申请');
      await page.getByTestId('aid-add').click();
      await page.getByTestId('aid-applicant-name').fill('王建国');
      await page
        .getByTestId('aid-applicant-id')
        .fill(`51010819700101123${idCheckCharacter('51010819700101123')}`);
      await pickDay(page, chinaDay(-10));
      await choose(
        page,
        'aid-category',
        '民事、行政案件当事人因侵权受到人身伤害，无法经诉讼获得赔偿，生活困难',
      );
      await page.getByTestId('aid-reason').fill('工伤致残，用人单位已注销');
      await page.getByTestId('aid-apply-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('aid-table').textContent()).toContain('已申请');

      // A typo in the name is corrected before the decision.
      const { aids } = await call<TCaseJudicialAid>(cookie, 'GET', `/api/cases/${opened.id}/judicial-aid`);
      await page.getByTestId(`aid-correct-${aids[0]!.id}`).click();
      await page.getByTestId('aid-applicant-name').fill('王建军');
      await page.getByTestId('aid-correct-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('aid-table').textContent()).toContain('王建军');

      await call(head, 'POST', `/api/cases/${opened.id}/judicial-aid/${aids[0]!.id}/decision`, {
        decision: 'granted',
        decidedOn: chinaDay(-5),
        approvedFen: 500_000,
      });
      await page.reload();
      await page.getByTestId(`aid-pay-${aids[0]!.id}`).click();
      await page.getByTestId('aid-paid').fill('6000');
      await pickDay(page, chinaDay(-1));
      await page.getByTestId('aid-payment-submit').click();
      await expect
        .poll(() => page.getByTestId('aid-payment-error').textContent())
        .toContain('发放金额 6,000.00 元超过批准金额 5,000.00 元');
      await page.getByTestId('aid-over-reason').fill('经复议追加救助金额');
      await page.getByTestId('aid-payment-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('aid-paid-total').textContent()).toBe('6,000.00 元');
      await expect.poll(() => page.getByTestId('aid-table').textContent()).toContain('已发放');
      await settledScreenshot(page, 'judicial-aid-paid');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`aid-document-${aids[0]!.id}`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^司法救助决定书-.+\.docx$/);

      // The figures page: the civil line's person and money, in the court's total too.
      await page.goto(`${e2e.server.url}/judicial-aid`);
      const civilRow = page.getByTestId('aid-summary').locator('tr', { hasText: '民事行政检察' });
      await expect.poll(() => civilRow.textContent()).toContain('6,000.00');
      const totalRow = page.getByTestId('aid-summary').locator('tr', { hasText: '合计' });
      await expect.poll(() => totalRow.textContent()).toContain('6,000.00');
      await settledScreenshot(page, 'judicial-aid-summary');
    } finally {
      await context.close();
    }
  });
});
