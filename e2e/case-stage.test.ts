import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  chinaDay,
  choose,
  loginThroughPage,
  noDialog,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('case-stage');

/** Calls the API as a user (the session cookie of an API login), for set-up. */
async function apiAs<T>(cookie: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Waits until nothing is loading, then clicks. */
async function settledClick(page: Page, testId: string): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await page.waitForTimeout(300);
  await page.getByTestId(testId).click();
}

async function pickDate(page: Page, date: string): Promise<void> {
  const input = page.getByRole('dialog').locator('.ant-picker input').first();
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

describe('the case stage follows the suggestion in the browser', () => {
  it('a 诉前检察建议 waits for the 调查终结报告, its issue moves the case into 诉前程序, and 跟进监督 lacks nothing', async () => {
    // Set-up through the API: head5 drafts a complete 诉前检察建议 on a new case; the chief approves.
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const opened = await apiAs<TCaseDetail>(head, '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某湿地公园违法占用林地案',
    });
    const drafted = await apiAs<TSuggestion>(head, '/api/suggestions', {
      caseId: opened.id,
      kind: 'preLitigation',
      addressee: '成都市成华区林业局',
      facts: '辖区湿地公园内林地被违法占用，你局未依法查处。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '一、依法查处违法占用林地行为；二、恢复林地原状。',
    });
    await apiAs(head, `/api/suggestions/${drafted.id}/submit`, {});
    await apiAs(chief, `/api/suggestions/${drafted.id}/approve`, { note: '同意' });
    const id = drafted.id;

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${opened.id}`);
      await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('立案调查');
      const notice = page.getByTestId('suggestion-stage-notice');
      await expect
        .poll(() => notice.textContent())
        .toBe('签发诉前检察建议后案件转入「诉前程序」；签发前须先记录：调查终结报告');

      // Issuing before the report is refused, naming it; nothing moves.
      await settledClick(page, `suggestion-issue-${id}`);
      await page.getByTestId(`suggestion-issue-confirm-${id}`).click();
      await expect
        .poll(() => page.getByTestId(`suggestion-error-${id}`).textContent())
        .toContain('签发前须先记录：「调查终结报告」');
      expect(await page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已审批');
      await settledScreenshot(page, 'case-stage-01-report-missing');

      // The report, then the issue: the case is in 诉前程序, and the timeline says why.
      await page.getByTestId('record-event').click();
      await choose(page, 'event-kind', '调查终结报告', { search: true });
      await page.getByTestId('event-note').fill('调查终结，建议向林业局提出诉前检察建议');
      await page.getByTestId('event-submit').click();
      await noDialog(page);
      await expect.poll(() => notice.textContent()).toBe('签发诉前检察建议后，案件自动转入「诉前程序」');
      await settledClick(page, `suggestion-issue-${id}`);
      await page.getByTestId(`suggestion-issue-confirm-${id}`).click();
      await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已签发');
      await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('诉前程序');
      expect(await page.getByTestId('case-timeline').textContent()).toContain(
        '立案调查 → 诉前程序：签发检察建议',
      );
      expect(await notice.count()).toBe(0);

      // Delivered and replied today, rectified: 推进阶段 offers 跟进监督 with nothing missing.
      await settledClick(page, `suggestion-delivery-${id}`);
      await pickDate(page, chinaDay(0));
      await page.getByTestId('delivery-submit').click();
      await noDialog(page);
      await settledClick(page, `suggestion-reply-${id}`);
      await pickDate(page, chinaDay(0));
      await page.getByTestId('reply-content').fill('已责令恢复林地并立案查处。');
      await page.getByTestId('reply-submit').click();
      await noDialog(page);
      await settledClick(page, `suggestion-rectification-${id}`);
      await page.getByTestId('rectification-fullyRectified').click();
      await page.getByTestId('follow-up-none').click();
      await page.getByTestId('rectification-submit').click();
      await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已办结');
      await noDialog(page);
      // A delivery known by its day shows no invented time of day.
      const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
      expect(timeline).toMatch(new RegExp(`送达检察建议 · \\S+ · ${chinaDay(0)}(?! \\d)`));

      await settledClick(page, 'advance-stage');
      // The one way on, with no 尚缺 after it.
      await expect.poll(() => page.getByTestId('advance-options').textContent()).toBe('跟进监督');
      await screenshot(page, 'case-stage-02-follow-up-offered');
      await page.getByTestId('advance-to-followUp').click();
      await page.getByTestId('advance-submit').click();
      await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('跟进监督');
      await noDialog(page);
    } catch (error) {
      await screenshot(page, 'case-stage-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
