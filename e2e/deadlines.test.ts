import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TDeadlineList } from '@procura/server/deadlines/schema';
import { describe, expect, it, vi } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  choose,
  e2eYear,
  loginThroughPage,
  logout,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const year = e2eYear;
const e2e = serverAndBrowser('deadlines');

/** Calls the API as a user (the session cookie of an API login), for set-up and expectations. */
async function apiAs<T>(cookie: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('deadlines, reassignment, notifications and the holiday calendar in the browser', () => {
  it('head5 reassigns a case to a prosecutor, who is notified and sees its deadline; admin imports a bad calendar', async () => {
    // Set-up through the API: head5 opens an administrative public-interest case (立案 starts a limit).
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const opened = await apiAs<TCaseDetail>(head, '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某街道违规发放补贴案',
    });
    const deadlines = await apiAs<TDeadlineList>(head, `/api/deadlines?caseId=${opened.id}`);
    expect(deadlines.items.length).toBeGreaterThan(0);
    const deadline = deadlines.items[0]!;
    // A 承办人 must be a prosecutor (the server refuses assistants): admin adds 王强 to 第五检察部.
    const admin = await loginCookie(e2e.server.url, 'admin', demoPassword);
    const fifth = (await apiAs<{ id: number; name: string }[]>(admin, '/api/departments')).find(
      (d) => d.name === '第五检察部',
    );
    await apiAs(admin, '/api/users', {
      username: 'prosecutor5',
      displayName: '王强',
      role: 'prosecutor',
      departmentId: fifth!.id,
      password: 'Initial2026pw',
    });
    const first = await loginCookie(e2e.server.url, 'prosecutor5', 'Initial2026pw');
    await fetch(`${e2e.server.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie: first, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'Initial2026pw', newPassword: 'Changed2026pw' }),
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    // head5: the case page shows its 期限 card with how the date was computed.
    await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
    await page.goto(`${e2e.server.url}/cases/${opened.id}`);
    const card = page.getByTestId('case-deadlines');
    // Both in one look: the card may be refetching (rows gone for a moment) between two reads.
    await expect
      .poll(
        async () => {
          const text = (await card.textContent()) ?? '';
          return text.includes(String(deadline.explanation)) && text.includes(String(deadline.due));
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await settledScreenshot(page, 'deadlines-01-case-card');

    // …the department board counts it…
    await page.getByTestId('side-menu').getByText('部门期限看板').click();
    await expect.poll(() => page.getByTestId('board-table').textContent()).toContain(opened.caseNumber);
    await settledScreenshot(page, 'deadlines-02-board');

    // …and reassigns the case to 王强 with a reason (assistants are not offered: they cannot be 承办人).
    await page.getByTestId('side-menu').getByText('改派', { exact: true }).click();
    const table = page.getByTestId('reassign-cases-table');
    await expect.poll(() => table.textContent()).toContain(opened.caseNumber);
    await table.locator('tr', { hasText: opened.caseNumber }).locator('.ant-checkbox').click();
    await expect.poll(() => page.getByTestId('reassign-open').textContent()).toContain('1');
    await page.getByTestId('reassign-open').click();
    // The form must be on the page before 改派 can check it: on a loaded machine a click during the
    // dialog's opening once reached no form (CI at fc8997e), so click until the check answers.
    await expect.poll(() => page.getByTestId('reassign-reason').isVisible()).toBe(true);
    await vi.waitFor(
      async () => {
        await page.getByTestId('reassign-submit').click();
        expect(await page.getByRole('dialog').textContent()).toContain('请填写改派理由');
      },
      { timeout: 30_000, interval: 1_000 },
    );
    await page.getByTestId('reassign-handler').click();
    const options = page.locator('.ant-select-dropdown:visible');
    await expect.poll(() => options.textContent()).toContain('王强');
    expect(await options.textContent()).not.toContain('赵磊');
    await page.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
    await choose(page, 'reassign-handler', '王强（检察官，第五检察部）');
    await page.getByTestId('reassign-reason').fill('原承办人借调至市院');
    await screenshot(page, 'deadlines-03-reassign');
    await page.getByTestId('reassign-submit').click();
    const result = page.getByTestId('reassign-result');
    await expect.poll(() => result.textContent()).toContain('由 王强 承办');
    expect(await result.textContent()).toContain(`案件 ${opened.caseNumber}：陈敏（演示） → 王强`);
    await screenshot(page, 'deadlines-04-reassigned');
    await page.getByTestId('reassign-close').click();
    await logout(page);

    // 王强: the bell shows the notification; a click opens the case and marks it read.
    await loginThroughPage(page, e2e.server.url, 'prosecutor5', 'Changed2026pw');
    await expect.poll(() => page.getByTestId('notification-unread').textContent()).toBe('1');
    await page.getByTestId('notification-bell').click();
    const list = page.getByTestId('notification-list');
    await expect.poll(() => list.textContent()).toContain('原承办人借调至市院');
    expect(await list.textContent()).toContain(opened.caseNumber);
    await screenshot(page, 'deadlines-05-notification');
    await list.getByText('原承办人借调至市院', { exact: false }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${opened.id}`);
    await expect.poll(() => page.getByTestId('notification-unread').textContent()).toBe('');

    // …and the case's deadline is in 我的期限 with its explanation and legal basis.
    await page.getByTestId('side-menu').getByText('我的期限').click();
    const mine = page.getByTestId('my-deadlines-table');
    await expect.poll(() => mine.textContent()).toContain(opened.caseNumber);
    const text = (await mine.textContent()) ?? '';
    expect(text).toContain(deadline.name);
    expect(text).toContain(deadline.explanation);
    expect(text).toContain(deadline.basis.law);
    expect(await page.getByTestId(`deadline-pause-${deadline.id}`).count()).toBe(1);
    await settledScreenshot(page, 'deadlines-06-my-deadlines');
    await logout(page);

    // admin: the holiday calendar; a CSV with bad rows is refused with their line numbers.
    await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
    await page.getByTestId('side-menu').getByText('节假日日历').click();
    await expect.poll(() => page.getByTestId('calendar-table').textContent()).toContain('国庆节');
    await settledScreenshot(page, 'deadlines-07-calendar');
    await page.getByTestId('calendar-import').click();
    const csv = `日期,类型,名称\n${year}-10-01,休,国庆节\n${year}-13-01,休,国庆节\n${year}-10-11,调,国庆节\n`;
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('calendar-import-submit').click();
    const error = page.getByTestId('calendar-import-error');
    await expect.poll(() => error.textContent()).toContain('第 3 行');
    expect(await error.textContent()).toContain('第 4 行：类型“调”无效');
    await screenshot(page, 'deadlines-08-import-error');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('calendar-import-submit').count()).toBe(0);

    // One day renamed through its modal: saved, closed, and shown in the table.
    await page.getByTestId(`calendar-edit-${year}-10-01`).click();
    await page.getByTestId('calendar-day-name').fill('国庆节（改）');
    await page.getByTestId('calendar-day-submit').click();
    await expect.poll(() => page.getByTestId('calendar-table').textContent()).toContain('国庆节（改）');
    await expect.poll(() => page.getByTestId('calendar-day-submit').count()).toBe(0);
    await context.close();
  });
});
