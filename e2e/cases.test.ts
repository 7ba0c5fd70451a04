import { idCheckCharacter } from '@procura/domain/clean/id-number';
import { describe, expect, it } from 'vitest';
import {
  choose,
  e2eYear,
  loginThroughPage,
  logout,
  noDialog,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const year = e2eYear;
const idBase = '51010819850315001';
const idNumber = `${idBase}${idCheckCharacter(idBase)}`;
const e2e = serverAndBrowser('cases');

describe('clues and cases in the browser', () => {
  it('a subsidy-fraud clue goes from 第一检察部 to 第五检察部, becomes a case, and its outcome reaches the sender', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    // prosecutor1 (第一检察部) registers the clue with the person involved.
    await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
    const menu = page.getByTestId('side-menu');
    await expect.poll(() => menu.textContent()).toContain('我移送的线索');
    await menu.getByText('线索', { exact: true }).click();
    await page.getByTestId('register-clue').click();
    await choose(page, 'clue-source', '自行发现');
    await page.getByTestId('clue-title').fill('张某骗取耕地地力保护补贴线索');
    await page
      .getByTestId('clue-description')
      .fill(
        '办理张某诈骗案中发现：张某以虚报耕地面积的方式骗取耕地地力保护补贴共计 119 万元，主管部门审核把关不严，国家利益受损。',
      );
    await page.getByTestId('clue-add-party').click();
    const party = page.getByTestId('clue-party-0');
    await party.getByTestId('party-name').fill('张某');
    await party.getByTestId('party-id-number').fill(idNumber);
    await screenshot(page, 'cases-01-register-clue');
    await page.getByTestId('register-clue-submit').click();
    await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('clue-parties-table').textContent()).toContain(idNumber);

    // …and transfers it to 第五检察部 (公益诉讼).
    const decision = page.getByTestId('clue-decision');
    await decision.getByRole('tab', { name: '移送' }).click();
    await choose(page, 'transfer-department', '第五检察部');
    await choose(page, 'transfer-pil-field', '国有财产保护');
    await page.getByTestId('transfer-reason').fill('涉嫌骗取国家补贴，国有财产受损，属公益诉讼检察职能');
    await screenshot(page, 'cases-02-transfer');
    await page.getByTestId('transfer-submit').click();
    await expect.poll(() => page.getByTestId('clue-status').textContent()).toBe('已移送');
    expect(await page.getByTestId('clue-transfers').textContent()).toContain('第五检察部');
    expect(await page.getByTestId('clue-decision').count()).toBe(0);
    await settledScreenshot(page, 'cases-03-clue-transferred');
    await logout(page);

    // head5 finds the received clue and opens an adminPublicInterest case from it.
    await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
    await page.getByTestId('side-menu').getByText('线索', { exact: true }).click();
    const clues = page.getByTestId('clues-table');
    await expect.poll(() => clues.textContent()).toContain('张某骗取耕地地力保护补贴线索');
    expect(await clues.textContent()).toContain('刑检移送');
    await settledScreenshot(page, 'cases-04-head5-clues');
    await clues.getByText('张某骗取耕地地力保护补贴线索').click();
    await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('clue-detail').textContent()).toContain('第一检察部');
    await choose(page, 'open-case-type', '行政公益诉讼');
    // A public-interest case names its field (公益诉讼领域); a transferred clue carries none.
    await choose(page, 'open-case-pil-field', '国有财产保护');
    await screenshot(page, 'cases-05-open-case');
    await page.getByTestId('open-case-submit').click();
    await page.waitForURL((url) => /^\/cases\/\d+$/.test(url.pathname));
    const caseNumber = `成华检公益立〔${year}〕1号`;
    await expect.poll(() => page.getByTestId('case-number').textContent()).toBe(caseNumber);
    expect(await page.getByTestId('case-stage').textContent()).toBe('立案调查');
    expect(await page.getByTestId('case-clues').textContent()).toContain('张某骗取耕地地力保护补贴线索');

    // Advancing before the investigation report is on file: the server's reason, inline.
    await page.getByTestId('advance-stage').click();
    await page.getByTestId('advance-to-preLitigation').click();
    await page.getByTestId('advance-submit').click();
    await expect.poll(() => page.getByTestId('advance-error').textContent()).toContain('调查终结报告');
    await screenshot(page, 'cases-06-advance-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await noDialog(page);

    // Record the report, then the stage moves on.
    await page.getByTestId('record-event').click();
    await choose(page, 'event-kind', '调查终结报告');
    await page.getByTestId('event-note').fill('查明张某虚报面积骗取补贴，农业农村部门未依法追回');
    await page.getByTestId('event-submit').click();
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('调查终结报告');
    await noDialog(page);
    await page.getByTestId('advance-stage').click();
    await page.getByTestId('advance-to-preLitigation').click();
    await page.getByTestId('advance-submit').click();
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('诉前程序');
    await noDialog(page);

    // 1,190,000 元 recovered, entered in 元 and stored in fen.
    await page.getByTestId('record-outcome').click();
    await choose(page, 'outcome-kind', '追回国有财产');
    await page.getByTestId('outcome-amount').fill('1190000');
    await page.getByTestId('outcome-submit').click();
    await expect.poll(() => page.getByTestId('case-outcomes').textContent()).toContain('1,190,000.00 元');
    const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
    expect(timeline).toContain('立案调查 → 诉前程序');
    expect(timeline).toContain('陈敏（演示）');
    await settledScreenshot(page, 'cases-07-case-detail');

    await page.getByTestId('side-menu').getByText('案件', { exact: true }).click();
    await expect.poll(() => page.getByTestId('cases-table').textContent()).toContain(caseNumber);
    await settledScreenshot(page, 'cases-08-case-list');
    // The list exports to .xlsx with the same filters.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('cases-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^案件列表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await logout(page);

    // prosecutor1 sees what became of the clue sent: the case number and the amount recovered.
    await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
    await page.getByTestId('side-menu').getByText('我移送的线索').click();
    const sent = page.getByTestId('sent-clues-table');
    await expect.poll(() => sent.textContent()).toContain(caseNumber);
    const row = (await sent.textContent()) ?? '';
    expect(row).toContain('第五检察部');
    expect(row).toContain('已立案');
    expect(row).toContain('追回国有财产 1,190,000.00 元');
    await settledScreenshot(page, 'cases-09-sent-clues');

    // A new clue about the same person is flagged against the open case, not merged; the case is
    // another department's, so it is flagged without its number (an id out of reach says nothing).
    await page.getByTestId('side-menu').getByText('线索', { exact: true }).click();
    await page.getByTestId('register-clue').click();
    await choose(page, 'clue-source', '12309/群众举报');
    await page.getByTestId('clue-title').fill('群众举报张某冒领补贴');
    await page.getByTestId('clue-description').fill('群众来信反映张某冒领农业补贴');
    await page.getByTestId('clue-add-party').click();
    await page.getByTestId('clue-party-0').getByTestId('party-name').fill('张某');
    await page.getByTestId('clue-party-0').getByTestId('party-id-number').fill(idNumber);
    await page.getByTestId('register-clue-submit').click();
    const duplicates = page.getByTestId('clue-duplicates');
    await expect.poll(() => duplicates.textContent()).toContain('第五检察部：另有案件');
    expect(await duplicates.textContent()).toContain('同一公民身份号码');
    expect(await duplicates.textContent()).not.toContain(caseNumber);
    await settledScreenshot(page, 'cases-10-duplicate-flagged');
    await context.close();
  });
});
