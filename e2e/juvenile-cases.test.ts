import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TJuvenileCaseDetail } from '@procura/server/juvenile/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  chinaDay,
  loginThroughPage,
  logout,
  noDialog,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('juvenile');

async function apiAs<T>(cookie: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Books the inquiry room tomorrow 09:00–10:00 through the case page's dialog. */
async function bookInquiry(page: Page): Promise<void> {
  await page.getByTestId('session-book').click();
  const dialog = page.getByRole('dialog');
  const inputs = dialog.locator('.ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(`${chinaDay(1)} 09:00`);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(`${chinaDay(1)} 10:00`);
  await inputs.nth(1).press('Enter');
  await page.getByTestId('session-form-attendees').fill('检察官孙悦、心理咨询师王某');
  await page.getByTestId('session-form-submit').click();
}

describe('juvenile casework in the browser', () => {
  it('a second inquiry is refused until the head approves; a sealed record is hidden and the chief’s view is audited', async () => {
    const head = await loginCookie(e2e.server.url, 'head6', demoPassword);
    const prosecutor = await loginCookie(e2e.server.url, 'prosecutor6', demoPassword);
    const prosecutorId = (await apiAs<{ id: number }>(prosecutor, '/api/auth/me')).id;
    // Set-up through the API: a victim case with its first inquiry already held.
    const victimCase = await apiAs<TCaseDetail>(head, '/api/cases', {
      type: 'juvenileVictim',
      title: '张小明被猥亵案',
      handlerId: prosecutorId,
    });
    const withVictim = await apiAs<TJuvenileCaseDetail>(
      prosecutor,
      `/api/juvenile/cases/${victimCase.id}/minors`,
      {
        role: 'victim',
        name: '张小明',
        gender: 'male',
        guardianName: '张大山',
        guardianRelation: '父亲',
      },
    );
    await apiAs(prosecutor, `/api/juvenile/cases/${victimCase.id}/sessions`, {
      minorId: withVictim.minors[0]!.id,
      room: 'inquiryRoom',
      startsAt: `${chinaDay(-1)}T09:00:00+08:00`,
      endsAt: `${chinaDay(-1)}T10:00:00+08:00`,
      functions: ['inquiry', 'counselling'],
      attendees: ['孙悦', '心理咨询师王某'],
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    // prosecutor6: the list shows the victim masked with one inquiry; a second one is refused.
    await loginThroughPage(page, e2e.server.url, 'prosecutor6', demoPassword);
    await page.getByTestId('side-menu').getByText('未检案件', { exact: true }).click();
    const list = page.getByTestId('juvenile-cases');
    await expect.poll(() => list.textContent()).toContain('张**（询问1次）');
    expect(await list.textContent()).not.toContain('张小明');
    await settledScreenshot(page, 'juvenile-01-list');
    await page.getByText(victimCase.caseNumber).click();
    await expect.poll(() => page.getByTestId('inquiry-count').textContent()).toBe('1 次');
    await bookInquiry(page);
    await expect
      .poll(() => page.getByTestId('session-form-error').textContent())
      .toContain('再次询问须说明理由并经部门负责人批准');
    await page.waitForTimeout(300);
    await screenshot(page, 'juvenile-02-second-inquiry-refused');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await noDialog(page);
    // …so the prosecutor asks the head, with the reason.
    await page.getByTestId('inquiry-request').click();
    await page.getByTestId('inquiry-form-reason').fill('首次询问未核实作案时间，需补充询问');
    await page.getByTestId('inquiry-form-submit').click();
    await expect.poll(() => page.getByTestId('inquiry-requests').textContent()).toContain('待审批');
    await logout(page);

    // head6 approves.
    await loginThroughPage(page, e2e.server.url, 'head6', demoPassword);
    await page.goto(`${e2e.server.url}/juvenile/cases/${victimCase.id}`);
    await page.getByTestId('inquiry-approve').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => page.getByTestId('inquiry-requests').textContent()).toContain('已批准');
    await settledScreenshot(page, 'juvenile-03-approved');
    await logout(page);

    // prosecutor6 books the second inquiry: allowed now, and the count shows 2.
    await loginThroughPage(page, e2e.server.url, 'prosecutor6', demoPassword);
    await page.goto(`${e2e.server.url}/juvenile/cases/${victimCase.id}`);
    await expect.poll(() => page.getByTestId('inquiry-count').textContent()).toBe('1 次');
    await bookInquiry(page);
    await noDialog(page);
    await expect.poll(() => page.getByTestId('inquiry-count').textContent()).toBe('2 次');
    expect(await page.getByTestId('inquiry-requests').textContent()).toContain('已使用');
    await settledScreenshot(page, 'juvenile-04-second-inquiry-booked');
    // Records and a 督促监护令 (set up through the API) as the case page shows them.
    const victimMinorId = withVictim.minors[0]!.id;
    // 司法救助 lives in the general module (judicial-aid/), shown on this page too.
    const aid = await apiAs<{ aids: { id: number }[] }>(
      prosecutor,
      `/api/cases/${victimCase.id}/judicial-aid`,
      {
        applicantName: '张大山',
        applicantIdNumber: '510108198001012015',
        minorId: victimMinorId,
        appliedOn: chinaDay(-12),
        category: 'juvenile',
      },
    );
    await apiAs(head, `/api/cases/${victimCase.id}/judicial-aid/${aid.aids[0]!.id}/decision`, {
      decision: 'granted',
      decidedOn: chinaDay(-7),
      approvedFen: 500000,
    });
    const withOrder = await apiAs<TJuvenileCaseDetail>(
      prosecutor,
      `/api/juvenile/cases/${victimCase.id}/guardianship-orders`,
      {
        minorId: victimMinorId,
        guardianName: '张大山',
        relation: '父亲',
        facts: '监护人长期外出务工，疏于照料。',
        requirements: '每周与孩子通话不少于三次，按期参加家庭教育指导。',
        partnerBody: '区妇联',
        sessions: [{ on: chinaDay(3), topic: '亲子沟通' }],
      },
    );
    await apiAs(prosecutor, `/api/juvenile/guardianship-orders/${withOrder.orders[0]!.id}/document`, {});
    await page.reload();
    await expect.poll(() => page.getByTestId('order').textContent()).toContain('下载 .docx');
    await expect.poll(() => page.getByTestId('aid-table').textContent()).toContain('已批准');
    await settledScreenshot(page, 'juvenile-04b-records-and-order');
    await page.getByTestId('record-add').click();
    await expect
      .poll(() => page.getByRole('dialog').textContent())
      .toContain('依据：人民检察院刑事诉讼规则 第二百五十六条');
    await page.waitForTimeout(400);
    await screenshot(page, 'juvenile-04c-record-form');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await noDialog(page);
    await logout(page);

    // A minor suspect's record, sealed by the juvenile department.
    const suspectCase = await apiAs<TCaseDetail>(head, '/api/cases', {
      type: 'juvenileSuspect',
      title: '赵小军盗窃案',
      handlerId: prosecutorId,
    });
    await apiAs(prosecutor, `/api/juvenile/cases/${suspectCase.id}/minors`, {
      role: 'suspect',
      name: '赵小军',
      gender: 'male',
    });
    await apiAs(prosecutor, `/api/juvenile/cases/${suspectCase.id}/sealing`, {
      basis: 'sentence',
      ageAtOffence: 16,
      sentenceMonths: 8,
      sealedOn: chinaDay(-12),
    });

    // prosecutor1 (第一检察部) searches cases and clues: nothing.
    await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
    await page.goto(`${e2e.server.url}/cases`);
    // Each search waits for its answer from the server, not for a fixed time.
    const searched = () =>
      page.waitForResponse((r) => r.url().includes('/api/cases?') && r.request().method() === 'GET');
    await page.getByTestId('cases-search').fill('赵');
    await Promise.all([searched(), page.getByTestId('cases-search-submit').click()]);
    await expect
      .poll(() => page.getByTestId('cases-table').textContent())
      .not.toContain(suspectCase.caseNumber);
    await page.getByTestId('cases-search').fill(suspectCase.caseNumber);
    await Promise.all([searched(), page.getByTestId('cases-search-submit').click()]);
    expect(await page.getByTestId('cases-table').textContent()).not.toContain(suspectCase.caseNumber);
    await settledScreenshot(page, 'juvenile-05-other-department-search');
    await page.goto(`${e2e.server.url}/juvenile/sealed`);
    await expect.poll(() => page.getByTestId('sealed').textContent()).toContain('没有您可以查阅的封存记录');
    await logout(page);

    // The chief finds it in the sealed register, opens the full record, and the view is in the audit log.
    await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
    await page.goto(`${e2e.server.url}/cases`);
    await expect.poll(() => page.getByTestId('cases-table').textContent()).toContain(victimCase.caseNumber);
    expect(await page.getByTestId('cases-table').textContent()).not.toContain(suspectCase.caseNumber);
    await page.getByTestId('side-menu').getByText('封存记录', { exact: true }).click();
    await expect.poll(() => page.getByTestId('sealed').textContent()).toContain('赵**盗窃案');
    await page.getByText(suspectCase.caseNumber).click();
    await expect.poll(() => page.getByTestId('juvenile-title').textContent()).toBe('赵**盗窃案');
    await page.getByTestId('full-view').click();
    await expect.poll(() => page.getByTestId('juvenile-title').textContent()).toBe('赵小军盗窃案');
    await settledScreenshot(page, 'juvenile-06-chief-full-view');
    await page.getByTestId('side-menu').getByText('审计日志').click();
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.textContent()).toContain('查看未成年人案件完整信息');
    expect(await audit.textContent()).toContain('林正（演示）');
    await settledScreenshot(page, 'juvenile-07-audit-log');

    // The other pages as the chief sees them: the centre's calendar, follow-up plans, the register.
    await apiAs(prosecutor, '/api/juvenile/follow-ups', {
      subject: 'caseInvolved',
      caseId: suspectCase.id,
      minorName: '赵小军',
      goal: '完成学业，远离不良交往',
      startedOn: chinaDay(-60),
      // One visit overdue, one due in a few days, one later: whatever day the test runs.
      visitDueDates: [chinaDay(-30), chinaDay(5), chinaDay(40)],
    });
    const register = await apiAs<{ records: { caseId: number; sealing: { id: number } }[] }>(
      head,
      '/api/juvenile/sealed',
    );
    await apiAs(prosecutor, `/api/juvenile/sealings/${register.records[0]!.sealing.id}/queries`, {
      requesterBody: '成都市公安局成华区分局',
      requesterName: '刘警官',
      purpose: '办理另案需核实前科情况',
      receivedOn: chinaDay(-7),
    });
    await page.getByTestId('side-menu').getByText('一站式办案场所', { exact: true }).click();
    await expect.poll(() => page.getByTestId('centre').textContent()).toContain('第 2 次');
    await settledScreenshot(page, 'juvenile-08-centre');
    await page.getByTestId('side-menu').getByText('跟踪帮教', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-table').textContent()).toContain('逾期 1');
    await settledScreenshot(page, 'juvenile-09-follow-ups');
    await page.getByTestId('side-menu').getByText('封存记录', { exact: true }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('成都市公安局成华区分局');
    await settledScreenshot(page, 'juvenile-10-sealed-register');
    await context.close();
  });
});
