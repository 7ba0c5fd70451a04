import type { TEntry, TPeriod } from '@procura/server/assessment/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  chinaDay,
  choose,
  e2eYear,
  loginThroughPage,
  logout,
  noDialog,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('assessment-schemes');
const call = apiCaller(() => e2e.server.url);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Opens the menu entry under 队伍建设. */
async function open(page: Page, entry: string): Promise<void> {
  await page.getByRole('menuitem', { name: entry }).click();
}

/** The row of an entry, expanded to show its record, evidence and appeal. */
async function expandEntry(page: Page, table: string, id: number) {
  const row = page.getByTestId(table).getByTestId(`entry-row-${id}`);
  await row.locator('.ant-table-row-expand-icon').click();
  return row;
}

describe('考核方案与平时考核 in the browser', () => {
  it('personnel copy last year’s scheme; a bonus with evidence is approved; an overdue deadline is confirmed, appealed and decided', async () => {
    const admin = await loginCookie(e2e.server.url, 'admin', demoPassword);
    const personnel = await loginCookie(e2e.server.url, 'personnel1', demoPassword);
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);

    // The prosecutor assessed: a new account of 第五检察部.
    const departments = await call<{ id: number; line: string }[]>(admin, 'GET', '/api/departments');
    const pil = departments.find((d) => d.line === 'publicInterest')!.id;
    const prosecutor = await call<{ id: number }>(admin, 'POST', '/api/users', {
      username: 'kaohe1',
      displayName: '考核测试检察官',
      role: 'prosecutor',
      departmentId: pil,
      password: 'Kaohe-Init-2026',
    });
    const first = await loginCookie(e2e.server.url, 'kaohe1', 'Kaohe-Init-2026');
    // The initial password is replaced first (the answer has no body).
    const changed = await fetch(`${e2e.server.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie: first, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'Kaohe-Init-2026', newPassword: 'Kaohe-Test-2026' }),
    });
    expect(changed.ok).toBe(true);

    // Last year's period, from the 示例 scheme.
    const lastYear = await call<TPeriod>(personnel, 'POST', '/api/assessment/periods', {
      name: `${e2eYear - 1}年度（测试）`,
      kind: 'year',
      startsOn: `${e2eYear - 1}-01-01`,
      endsOn: `${e2eYear - 1}-12-31`,
      copyFromId: null,
    });

    // A suggestion of the prosecutor's case delivered 90 days ago: its reply deadline is overdue.
    const opened = await call<{ id: number }>(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '某河道垃圾堆放行政公益诉讼案（考核测试）',
      pilField: 'ecology',
      handlerId: prosecutor.id,
    });
    await call(head, 'POST', `/api/cases/${opened.id}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    const drafted = await call<{ id: number }>(head, 'POST', '/api/suggestions', {
      caseId: opened.id,
      kind: 'preLitigation',
      addressee: '成都市成华区水务局',
      facts: '本院在履行职责中发现某河道长期堆放生活垃圾。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法履行河道管理职责，清除堆放的垃圾。',
    });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/submit`);
    await call(chief, 'POST', `/api/suggestions/${drafted.id}/approve`, { note: '同意' });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/issue`);
    await call(head, 'POST', `/api/suggestions/${drafted.id}/delivery`, {
      deliveredOn: chinaDay(-90),
      lateEntryReason: '纸质检察建议事后录入',
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      // ── personnel: a new period from last year's scheme, one weight changed ──
      await loginThroughPage(page, e2e.server.url, 'personnel1', demoPassword);
      await open(page, '考核方案');
      await page.getByTestId('period-new').click();
      await page.getByTestId('period-create-name').fill(`${e2eYear}年度（测试）`);
      const range = page.getByRole('dialog').locator('.ant-picker-range input');
      await range.nth(0).click();
      await range.nth(0).fill(`${e2eYear}-01-01`);
      await range.nth(0).press('Enter');
      await range.nth(1).fill(`${e2eYear}-12-31`);
      await range.nth(1).press('Enter');
      await expect
        .poll(() => page.getByTestId('period-create-source').textContent())
        .toContain(`复制「${e2eYear - 1}年度（测试）」的方案`);
      await page.getByTestId('period-create-submit').click();
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('period-select').textContent())
        .toContain(`${e2eYear}年度（测试）`);

      // A weight raised alone: refused, naming the indicators and the sum.
      const q1 = page.getByTestId('indicator-weight-Q1');
      await q1.fill('30');
      await expect.poll(() => page.getByTestId('scheme-weight-sum').textContent()).toBe('权重合计 110');
      await page.getByTestId('scheme-save').click();
      await expect
        .poll(() => page.getByTestId('scheme-save-error').textContent())
        .toContain('业绩指标权重合计应为 100，现为 110（（示例）检察建议采纳率 30、');
      const e1 = page.getByTestId('indicator-weight-E1');
      await e1.fill('20');
      await expect.poll(() => page.getByTestId('scheme-weight-sum').textContent()).toBe('权重合计 100');
      await page.getByTestId('scheme-save').click();
      await expect.poll(() => page.getByTestId('scheme-save-error').count()).toBe(0);
      await settledScreenshot(page, 'assessment-01-scheme-copied');
      const periods = await call<TPeriod[]>(personnel, 'GET', '/api/assessment/periods');
      const thisYear = periods.find((p) => p.name === `${e2eYear}年度（测试）`)!;
      await expect
        .poll(async () => {
          const saved = await call<TPeriod>(personnel, 'GET', `/api/assessment/periods/${thisYear.id}`);
          return saved.scheme.indicators.find((i) => i.code === 'Q1')!.weight;
        })
        .toBe(30);
      // Last year's scheme is untouched.
      const last = await call<TPeriod>(personnel, 'GET', `/api/assessment/periods/${lastYear.id}`);
      expect(last.scheme.indicators.find((i) => i.code === 'Q1')!.weight).toBe(20);
      await logout(page);

      // ── the head: a bonus with evidence; the overdue deadline proposes a negative entry ──
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      await open(page, '考核条目与审批');
      await page.getByTestId('entries-propose').click();
      await choose(page, 'entry-propose-person', '考核测试检察官（第五检察部）');
      await choose(page, 'entry-propose-rule', '9. [业务] （示例）案件获评优秀案例（+3，须附证明）');
      await page.getByTestId('entry-propose-title').fill('某河道治理案获评区级优秀案例');
      await page.getByTestId('entry-propose-submit').click();
      await noDialog(page);
      const mine = () => call<TEntry[]>(head, 'GET', `/api/assessment/entries?periodId=${thisYear.id}`);
      const bonus = (await mine()).find((e) => e.title === '某河道治理案获评区级优秀案例')!;
      expect(bonus.status).toBe('reviewed');
      await page.getByRole('tab', { name: '加分列表' }).click();
      await expandEntry(page, 'entries-bonus', bonus.id);
      const evidence = page.getByTestId(`entry-evidence-${bonus.id}`);
      await evidence
        .locator('input[type=file]')
        .setInputFiles({ name: '优秀案例通报.pdf', mimeType: 'application/pdf', buffer: pdf });
      await expect.poll(() => evidence.textContent()).toContain('优秀案例通报.pdf');

      await page.getByRole('tab', { name: /待处理/ }).click();
      await page.getByTestId('entries-refresh').click();
      const negative = await vi.waitFor(
        async () => {
          const found = (await mine()).find((e) => e.kind === 'negative' && e.record?.id === opened.id);
          if (!found) throw new Error('the overdue deadline has proposed nothing yet');
          return found;
        },
        { timeout: 20_000, interval: 300 },
      );
      expect(negative).toMatchObject({ status: 'proposed', origin: 'record', userId: prosecutor.id });
      const waiting = page.getByTestId('entries-waiting');
      await expect
        .poll(() => waiting.getByTestId(`entry-status-${negative.id}`).textContent())
        .toBe('系统提出，待确认');
      await expandEntry(page, 'entries-waiting', negative.id);
      await expect
        .poll(() => page.getByTestId(`entry-record-${negative.id}`).getAttribute('href'))
        .toBe(`/cases/${opened.id}`);
      await settledScreenshot(page, 'assessment-02-proposed-negative');
      await page.getByTestId(`entry-confirm-${negative.id}`).click();
      await expect
        .poll(async () => (await call<TEntry>(head, 'GET', `/api/assessment/entries/${negative.id}`)).status)
        .toBe('approved');
      await logout(page);

      // ── personnel approve the bonus ──
      await loginThroughPage(page, e2e.server.url, 'personnel1', demoPassword);
      await open(page, '考核条目与审批');
      await page.getByTestId(`entry-approve-${bonus.id}`).click();
      await expect.poll(() => page.getByTestId(`entry-approve-${bonus.id}`).count()).toBe(0);
      await page.getByRole('tab', { name: '全部条目' }).click();
      await expect
        .poll(() => page.getByTestId('entries-all').getByTestId(`entry-status-${bonus.id}`).textContent())
        .toBe('已生效');
      await logout(page);

      // ── the prosecutor appeals the negative entry ──
      await loginThroughPage(page, e2e.server.url, 'kaohe1', 'Kaohe-Test-2026');
      await open(page, '我的考核');
      await page.getByTestId(`entry-appeal-open-${negative.id}`).click();
      await page.getByTestId('appeal-reason').fill('已于期限内电话督促回复，行政机关逾期系其自身原因');
      await page.getByTestId('appeal-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId(`entry-appeal-open-${negative.id}`).count()).toBe(0);
      await logout(page);

      // ── personnel decide it ──
      await loginThroughPage(page, e2e.server.url, 'personnel1', demoPassword);
      await open(page, '考核条目与审批');
      await page.getByTestId(`entry-appeal-decide-${negative.id}`).click();
      await page.getByRole('dialog').getByText('撤销该条目').click();
      await page.getByTestId('appeal-decision-text').fill('经核实，逾期系行政机关原因，撤销该条目');
      await page.getByTestId('appeal-decision-submit').click();
      await noDialog(page);
      await logout(page);

      // ── the prosecutor sees the decision ──
      await loginThroughPage(page, e2e.server.url, 'kaohe1', 'Kaohe-Test-2026');
      await open(page, '我的考核');
      await expect
        .poll(() => page.getByTestId('mine-entries').getByTestId(`entry-status-${negative.id}`).textContent())
        .toBe('复核撤销');
      await expandEntry(page, 'mine-entries', negative.id);
      await expect
        .poll(() => page.getByTestId(`entry-appeal-${negative.id}`).textContent())
        .toContain('决定：撤销该条目。经核实，逾期系行政机关原因，撤销该条目');
      await settledScreenshot(page, 'assessment-03-appeal-decided');
    } finally {
      await context.close();
    }
  });
});
