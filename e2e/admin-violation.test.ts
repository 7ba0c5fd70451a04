import type { TCriminalOriginResult } from '@procura/server/admin-violation/schema';
import type { TClueDetail } from '@procura/server/clues/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  choose,
  e2eYear,
  loginThroughPage,
  logout,
  noDialog,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('admin-violation');

const call = apiCaller(() => e2e.server.url);

/** Four administrative violations 刑检 found while handling criminal cases. */
const findings = [
  { title: '某区市场监管局罚款未告知听证权利线索', caseNumber: `成华检刑诉〔${e2eYear}〕81号` },
  { title: '某街道办强制拆除未依法催告线索', caseNumber: `成华检刑诉〔${e2eYear}〕82号` },
  { title: '某区农业农村局发放补贴审核不严线索', caseNumber: `成华检刑诉〔${e2eYear}〕83号` },
  { title: '某区人社局未依法查处欠薪线索', caseNumber: `成华检刑诉〔${e2eYear}〕84号` },
];

describe('行政违法行为监督 in the browser', () => {
  it('four 刑检 clues are transferred to the administrative department, two become cases: 移送线索 4 → 立案 2', async () => {
    // Set-up through the API: 刑检 registers the four clues and names the criminal case of three.
    const criminal = await loginCookie(e2e.server.url, 'head1', demoPassword);
    const clueIds: number[] = [];
    for (const [i, finding] of findings.entries()) {
      const registered = await call<{ clue: TClueDetail }>(criminal, 'POST', '/api/clues', {
        source: 'selfDiscovered',
        title: finding.title,
        description: `办理刑事案件中发现：${finding.title.replace(/线索$/, '')}，需移送行政检察部门监督。`,
      });
      clueIds.push(registered.clue.id);
      if (i > 0) {
        await call<TCriminalOriginResult>(
          criminal,
          'PUT',
          `/api/clues/${registered.clue.id}/criminal-origin`,
          {
            kind: 'foundInCriminalCase',
            criminalCaseNumber: finding.caseNumber,
          },
        );
      }
    }

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      // 刑检 names the first clue's criminal case on the page, then transfers all four there.
      await loginThroughPage(page, e2e.server.url, 'head1', demoPassword);
      for (const [i, clueId] of clueIds.entries()) {
        await page.goto(`${e2e.server.url}/clues/${clueId}`);
        if (i === 0) {
          await page.getByTestId('edit-criminal-origin').click();
          await page.getByTestId('criminal-origin-case-number-input').fill(findings[0]!.caseNumber);
          await page.getByTestId('criminal-origin-submit').click();
          await noDialog(page);
          await expect
            .poll(() => page.getByTestId('clue-criminal-origin').textContent())
            .toContain(findings[0]!.caseNumber);
        }
        await page.getByTestId('clue-decision').getByRole('tab', { name: '移送' }).click();
        await choose(page, 'transfer-department', '第四检察部');
        await page
          .getByTestId('transfer-reason')
          .fill('刑事案件中发现行政机关违法行使职权，移送行政检察部门监督');
        await page.getByTestId('transfer-submit').click();
        await expect.poll(() => page.getByTestId('clue-status').textContent()).toBe('已移送');
      }
      await logout(page);

      const received = await Promise.all(
        clueIds.map(async (id) => {
          const clue = await call<TClueDetail>(criminal, 'GET', `/api/clues/${id}`);
          return clue.transfers[0]!.receivedClueId!;
        }),
      );

      // 行政检察 (第四检察部) opens two of them as 行政违法行为监督 cases.
      await loginThroughPage(page, e2e.server.url, 'head4', demoPassword);
      for (const [i, clueId] of received.slice(0, 2).entries()) {
        await page.goto(`${e2e.server.url}/clues/${clueId}`);
        await expect
          .poll(() => page.getByTestId('clue-criminal-origin').textContent())
          .toContain(findings[i]!.caseNumber);
        await choose(page, 'open-case-type', '行政违法行为监督');
        await page.getByTestId('open-case-submit').click();
        await page.waitForURL((url) => /^\/cases\/\d+$/.test(url.pathname));
        await expect
          .poll(() => page.getByTestId('case-number').textContent())
          .toBe(`成华检行违立〔${e2eYear}〕${i + 1}号`);
      }

      // The second case's record: the organ, the act and the violation found.
      const section = page.getByTestId('case-admin-violation');
      await expect.poll(() => section.textContent()).toContain(findings[1]!.caseNumber);
      await page.getByTestId('edit-admin-violation').click();
      await page.getByTestId('admin-violation-organ').fill('成都市成华区某街道办事处');
      await choose(page, 'admin-violation-act-kind', '行政强制');
      await page
        .getByTestId('admin-violation-violation')
        .fill('强制拆除前未依法催告当事人，未依法保障当事人陈述、申辩权利');
      await page.getByTestId('admin-violation-submit').click();
      await noDialog(page);
      await expect.poll(() => section.textContent()).toContain('未依法保障当事人陈述、申辩权利');
      expect(await section.textContent()).toContain('行政强制');
      await settledScreenshot(page, 'admin-violation-case');

      // The clue list shows the funnel: four received from 刑检, two opened.
      await page.getByTestId('side-menu').getByText('线索', { exact: true }).click();
      const funnel = page.getByTestId('criminal-clue-funnel');
      await expect
        .poll(() => funnel.getByTestId('criminal-clue-funnel-summary').textContent())
        .toBe('移送线索 4 → 立案 2');
      expect(await funnel.getByTestId('criminal-clue-funnel-detail').textContent()).toContain(
        '注明来源刑事案件 4 条',
      );
      await settledScreenshot(page, 'admin-violation-funnel');
    } finally {
      await context.close();
    }
  });
});
