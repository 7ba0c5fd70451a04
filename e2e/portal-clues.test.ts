import type { TClueDetail, TClueList } from '@procura/server/clues/schema';
import type { TSupportedProsecution } from '@procura/server/supported-prosecution/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, chinaDay, screenshot, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('portal-clues');
const call = apiCaller(() => e2e.server.url);

/** A one-page PDF the attachments module accepts (its bytes say PDF). */
const evidence = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const title = '某建筑劳务公司拖欠17名农民工工资';

describe('外部单位门户·移送线索 in the browser', () => {
  it('the labour bureau sends a wage clue with evidence and later sees the supported-prosecution case and its result', async () => {
    const url = e2e.server.url;
    const admin = await loginCookie(url, 'admin', demoPassword);
    // The labour bureau's portal account and organisation, made by the admin for this test.
    await call(admin, 'POST', '/api/users', {
      username: 'rsj.portal',
      displayName: '成华区人社局劳动保障监察大队',
      role: 'organisation',
      departmentId: null,
      password: 'Initial2026pw',
    });
    const first = await loginCookie(url, 'rsj.portal', 'Initial2026pw');
    const changed = await fetch(`${url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie: first, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'Initial2026pw', newPassword: 'Bureau2026pwNew' }),
    });
    expect(changed.status).toBe(204);
    await call(admin, 'POST', '/api/organisations', {
      name: '成都市成华区人力资源和社会保障局',
      kind: 'humanResources',
      usernames: ['rsj.portal'],
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      // The bureau signs in at /portal and sends the clue with its evidence.
      await page.goto(`${url}/portal`);
      await page.getByTestId('login-username').fill('rsj.portal');
      await page.getByTestId('login-password').fill('Bureau2026pwNew');
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => u.pathname === '/portal/suggestions');
      await page.getByRole('menuitem', { name: '移送线索（外部单位）' }).click();
      await page.waitForURL((u) => u.pathname === '/portal/clues');
      await page.getByTestId('portal-clue-new').click();
      await page.getByTestId('portal-clue-title').fill(title);
      await page
        .getByTestId('portal-clue-description')
        .fill(
          '某建筑劳务有限公司承建成华区某安置房项目，拖欠侯某等17名农民工工资共计29万余元。本局已于10月责令限期支付，该公司逾期仍未支付，农民工诉讼能力弱，请检察机关支持起诉。',
        );
      await page.getByLabel('民事支持起诉（农民工讨薪、追索抚养费赡养费等）').check();
      await page.getByTestId('portal-clue-files').locator('input[type=file]').setInputFiles({
        name: '欠薪人员名单及劳动监察文书.pdf',
        mimeType: 'application/pdf',
        buffer: evidence,
      });
      await screenshot(page, 'portal-clue-sending');
      await page.getByTestId('portal-clue-submit').click();
      await expect.poll(() => page.getByTestId('portal-clue-state').textContent()).toContain('已接收');
      await expect
        .poll(() => page.getByTestId('portal-clue-files-list').textContent())
        .toContain('欠薪人员名单及劳动监察文书.pdf');
      await settledScreenshot(page, 'portal-clue-sent');
    } finally {
      await context.close();
    }

    // Inside: the civil department's head finds it, opens a 民事支持起诉 case and writes feedback.
    const head = await loginCookie(url, 'head4', demoPassword);
    const found = await call<TClueList>(head, 'GET', `/api/clues?q=${encodeURIComponent(title)}`);
    const clue = await call<TClueDetail>(head, 'GET', `/api/clues/${found.items[0]!.id}`);
    expect(clue.sourceLabel).toBe('人社部门移送');
    expect(clue.attachments.map((a) => a.fileName)).toEqual(['欠薪人员名单及劳动监察文书.pdf']);
    const decided = await call<TClueDetail>(head, 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'supportedSuit',
    });
    const caseId = decided.case!.id;

    const inside = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const staffPage = await inside.newPage();
    try {
      await staffPage.goto(`${url}/login`);
      await staffPage.getByTestId('login-username').fill('head4');
      await staffPage.getByTestId('login-password').fill(demoPassword);
      await staffPage.getByTestId('login-submit').click();
      await staffPage.waitForURL((u) => !u.pathname.startsWith('/login'));
      await staffPage.goto(`${url}/clues/${clue.id}`);
      await expect
        .poll(() => staffPage.getByTestId('clue-portal-origin').textContent())
        .toContain('成都市成华区人力资源和社会保障局');
      await staffPage.getByTestId('portal-feedback-open').click();
      await staffPage
        .getByTestId('portal-feedback-text')
        .fill('本院已受理并决定支持农民工起诉，请协助提供劳动保障监察案卷及工资支付凭证。');
      await staffPage.getByTestId('portal-feedback-submit').click();
      await expect
        .poll(() => staffPage.getByTestId('clue-portal-feedback').textContent())
        .toContain('请协助提供劳动保障监察案卷');
      await settledScreenshot(staffPage, 'portal-clue-inside');
    } finally {
      await inside.close();
    }

    // The case goes on: the suit is filed and a worker's wages are recovered.
    await call(head, 'PUT', `/api/cases/${caseId}/supported-prosecution`, {
      respondent: '某建筑劳务有限公司',
      claimKind: 'labourPay',
    });
    await call(head, 'POST', `/api/cases/${caseId}/applicants`, {
      name: '侯某',
      idNumber: '11010519491231002X',
      category: 'migrantWorker',
      claimFen: 1_800_000,
    });
    await call(head, 'POST', `/api/cases/${caseId}/supported-prosecution/steps`, {
      kind: 'eligibilityReview',
      on: chinaDay(0),
      reasonKinds: ['cannotAfford', 'manyClaimants'],
      result: 'eligible',
      person: '许检察官',
      detail: '申请人均为外来务工人员，无力聘请律师。',
    });
    await call(head, 'POST', `/api/cases/${caseId}/supported-prosecution/steps`, {
      kind: 'courtFiling',
      on: chinaDay(0),
      body: '成都市成华区人民法院',
      reference: '（2026）川0108民初9号',
    });
    const support = await call<TSupportedProsecution>(
      head,
      'GET',
      `/api/cases/${caseId}/supported-prosecution`,
    );
    await call(head, 'POST', `/api/cases/${caseId}/applicants/${support.applicants[0]!.id}/recovery`, {
      recoveredFen: 1_800_000,
      paidOn: chinaDay(0),
    });

    // Later, the bureau sees what became of its clue, in its own words.
    const later = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const again = await later.newPage();
    try {
      await again.goto(`${url}/portal`);
      await again.getByTestId('login-username').fill('rsj.portal');
      await again.getByTestId('login-password').fill('Bureau2026pwNew');
      await again.getByTestId('login-submit').click();
      await again.waitForURL((u) => u.pathname === '/portal/suggestions');
      await again.goto(`${url}/portal/clues`);
      await expect.poll(() => again.getByTestId('portal-clues-table').textContent()).toContain('已立案');
      await again.getByRole('button', { name: '查看' }).first().click();
      await expect
        .poll(() => again.getByTestId('portal-clue-decision').textContent())
        .toContain('已立案（民事支持起诉）');
      await expect.poll(() => again.getByTestId('portal-clue-progress').textContent()).toContain('起诉立案');
      await expect
        .poll(() => again.getByTestId('portal-clue-outcomes').textContent())
        .toContain('追回欠薪：18,000.00 元');
      await expect
        .poll(() => again.getByTestId('portal-clue-feedback').textContent())
        .toContain('请协助提供劳动保障监察案卷');
      const shown = (await again.getByTestId('portal-clue-detail').textContent()) ?? '';
      // Nothing internal: the head's name, the reviewer, the court's case number.
      for (const secret of ['许晴', '许检察官', '川0108民初9号']) expect(shown).not.toContain(secret);
      await settledScreenshot(again, 'portal-clue-result');
    } finally {
      await later.close();
    }
  });
});
