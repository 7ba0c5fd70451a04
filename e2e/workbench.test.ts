import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TDeadlineList } from '@procura/server/deadlines/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import type { TWorkbench } from '@procura/server/workbench/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, chinaDay, loginThroughPage, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('workbench');
const call = apiCaller(() => e2e.server.url);

const draft = {
  kind: 'preLitigation',
  addressee: '成都市成华区水务局',
  facts: '本院在履行职责中发现，某河道长期存在污水直排的情况。',
  legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  requests: '依法履行监管职责，督促整改。',
};

describe('the workbench in the browser', () => {
  it("a prosecutor's overdue deadline and a suggestion awaiting its approver, each link opening it", async () => {
    // Set-up through the API: a case of 第五检察部 handled by its prosecutor 唐亮.
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const prosecutor = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const handlers = await call<{ id: number; displayName: string }[]>(head, 'GET', '/api/handlers');
    const handler = handlers.find((h) => h.displayName.startsWith('唐亮'));
    expect(handler).toBeDefined();
    const opened = await call<TCaseDetail>(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '工作台演示：某河道污水直排案',
      handlerId: handler!.id,
    });
    await call(head, 'POST', `/api/cases/${opened.id}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    // An issued suggestion delivered 100 days before the server's today: its reply is overdue.
    const issued = await call<TSuggestion>(head, 'POST', '/api/suggestions', { caseId: opened.id, ...draft });
    await call(head, 'POST', `/api/suggestions/${issued.id}/submit`);
    await call(chief, 'POST', `/api/suggestions/${issued.id}/approve`, { note: '同意' });
    await call(head, 'POST', `/api/suggestions/${issued.id}/issue`);
    await call(head, 'POST', `/api/suggestions/${issued.id}/delivery`, {
      deliveredOn: chinaDay(-100),
      lateEntryReason: '纸质检察建议事后录入',
    });
    // The prosecutor's own draft, submitted: it waits for the head.
    const waiting = await call<TSuggestion>(prosecutor, 'POST', '/api/suggestions', {
      caseId: opened.id,
      ...draft,
      kind: 'general',
      addressee: '成都市成华区生态环境局',
    });
    await call(prosecutor, 'POST', `/api/suggestions/${waiting.id}/submit`);
    const overdue = await call<TDeadlineList>(prosecutor, 'GET', '/api/deadlines?mine=1&overdue=1');
    expect(overdue.items.some((d) => d.suggestionId === issued.id)).toBe(true);

    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();

    // 唐亮's workbench: 逾期期限 counts hers, in red; its link opens the overdue deadlines.
    await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
    await page.goto(`${e2e.server.url}/`);
    const overdueCount = page.getByTestId('workbench-count-deadlinesOverdue');
    await expect
      .poll(() => overdueCount.textContent())
      .toMatch(new RegExp(`逾期期限\\s*${overdue.items.length}\\s*项`));
    // A prosecutor approves nothing: that count is not shown to her.
    await expect.poll(() => page.getByTestId('workbench-item-suggestionsAwaitingApproval').count()).toBe(0);
    await settledScreenshot(page, 'workbench-01-prosecutor');
    await page.getByTestId('workbench-link-deadlinesOverdue').click();
    await page.waitForURL((url) => url.pathname === '/deadlines' && url.search.includes('overdue=1'));
    const deadlines = page.getByTestId('filtered-deadlines-table');
    await expect.poll(() => deadlines.textContent(), { timeout: 10_000 }).toContain(opened.caseNumber);
    await expect.poll(() => deadlines.locator('tbody tr.ant-table-row').count()).toBe(overdue.items.length);
    await expect.poll(() => page.getByTestId('workbench-filter').textContent()).toContain('已逾期');
    await settledScreenshot(page, 'workbench-02-overdue-deadlines');

    // 陈敏 (the head) approves: 待我审批的检察建议 counts the prosecutor's draft and opens it.
    const awaiting = await call<{ total: number }>(head, 'GET', '/api/suggestions?awaiting=me');
    expect(awaiting.total).toBeGreaterThan(0);
    const bench = await call<TWorkbench>(head, 'GET', '/api/workbench');
    expect(bench.items.find((i) => i.key === 'suggestionsAwaitingApproval')?.count).toBe(awaiting.total);
    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
    await page.goto(`${e2e.server.url}/`);
    await expect
      .poll(() => page.getByTestId('workbench-count-suggestionsAwaitingApproval').textContent())
      .toMatch(new RegExp(`待我审批的检察建议\\s*${awaiting.total}\\s*件`));
    await settledScreenshot(page, 'workbench-03-head');
    await page.getByTestId('workbench-link-suggestionsAwaitingApproval').click();
    await page.waitForURL((url) => url.pathname === '/suggestions' && url.search.includes('awaiting=me'));
    const table = page.getByTestId('suggestions-table');
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 })
      .toBe(awaiting.total);
    await expect.poll(() => table.textContent()).toContain('成都市成华区生态环境局');
    await expect.poll(() => page.getByTestId('workbench-filter').textContent()).toContain('待我审批');
    await settledScreenshot(page, 'workbench-04-awaiting-approval');
    // Clearing the filter shows every suggestion again (the issued one as well).
    await page.getByTestId('workbench-filter-clear').click();
    await expect.poll(() => table.textContent()).toContain('成都市成华区水务局');
    await context.close();
  });
  it('personnel see the assessment entries awaiting approval, and the link opens exactly those', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const personnel = await loginCookie(e2e.server.url, 'personnel1', demoPassword);
    const prosecutor = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const me = await call<{ id: number }>(prosecutor, 'GET', '/api/auth/me');
    const year = chinaDay(0).slice(0, 4);
    const period = await call<{ id: number }>(personnel, 'POST', '/api/assessment/periods', {
      name: `${year}年度（工作台测试）`,
      kind: 'other',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      copyFromId: null,
    });
    const entry = await call<{ id: number }>(head, 'POST', '/api/assessment/entries', {
      periodId: period.id,
      userId: me.id,
      kind: 'negative',
      points: -1,
      title: '工作台测试：会议迟到',
      occurredOn: chinaDay(0),
    });
    const awaiting = await call<{ id: number }[]>(
      personnel,
      'GET',
      '/api/assessment/entries?awaiting=approval',
    );
    expect(awaiting.map((e) => e.id)).toContain(entry.id);

    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    await loginThroughPage(page, e2e.server.url, 'personnel1', demoPassword);
    await page.goto(`${e2e.server.url}/`);
    await expect
      .poll(() => page.getByTestId('workbench-count-assessmentAwaitingApproval').textContent())
      .toMatch(new RegExp(`待我审批的考核条目\\s*${awaiting.length}\\s*条`));
    await page.getByTestId('workbench-link-assessmentAwaitingApproval').click();
    await page.waitForURL(
      (url) => url.pathname === '/assessment/lists' && url.search.includes('awaiting=approval'),
    );
    const table = page.getByTestId('entries-waiting');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(awaiting.length);
    await expect.poll(() => table.textContent()).toContain('工作台测试：会议迟到');
    await expect.poll(() => page.getByTestId('workbench-filter').textContent()).toContain('待我审批');
    await settledScreenshot(page, 'workbench-05-assessment-approval');
    await context.close();
  });
});
