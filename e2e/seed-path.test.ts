import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
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
// The demo work has numbered cases and suggestions of this year already: the path's own are the
// next in each series, whatever they are; the test reads them and follows them everywhere.
const caseNumberPattern = new RegExp(`^成华检公益立〔${year}〕[1-9]\\d*号$`);
const docNumberPattern = new RegExp(`^成华检公益建〔${year}〕[1-9]\\d*号$`);
let caseNumber = '';
let docNumber = '';
const addressee = '成都市成华区农业农村局';
// On the demo data: the path and the menus must work beside two years of generated work.
const e2e = serverAndBrowser('seed', { demoWork: true });

/** Waits until nothing is loading, so the card below the deadlines no longer moves. */
async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await page.waitForTimeout(300);
}

/** Clicks a step button of the suggestion card once the page has settled. */
async function step(page: Page, testId: string): Promise<void> {
  await settle(page);
  await page.getByTestId(testId).click();
}

/**
 * Picks a radio option in a dialog that has just opened. On a loaded CI machine a click landing
 * while the dialog is still mounting was lost (the option stayed unchecked and 记录 was refused),
 * so click until the option shows as checked, as a person would.
 */
async function choice(page: Page, testId: string): Promise<void> {
  const option = page.getByTestId(testId);
  await expect
    .poll(async () => {
      if (!(await option.isChecked())) await option.click();
      return option.isChecked();
    })
    .toBe(true);
}

/** Types a date into the date picker of the open dialog. */
async function pickDate(page: Page, date: string): Promise<void> {
  const input = page.getByRole('dialog').locator('.ant-picker input').first();
  await input.click();
  await input.fill(date);
  await input.press('Tab'); // not Enter: that would submit the dialog's form
  await expect.poll(() => input.inputValue()).toBe(date);
}

async function recordEvent(page: Page, kind: string, note: string): Promise<void> {
  await page.getByTestId('record-event').click();
  await choose(page, 'event-kind', kind, { search: true });
  await page.getByTestId('event-note').fill(note);
  await page.getByTestId('event-submit').click();
  await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain(kind);
  await noDialog(page);
}

async function advance(page: Page, to: string, label: string): Promise<void> {
  await page.getByTestId('advance-stage').click();
  await page.getByTestId(`advance-to-${to}`).click();
  await page.getByTestId('advance-submit').click();
  await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe(label);
  await noDialog(page);
}

describe('the seed path in the browser', () => {
  it('a subsidy-fraud clue becomes a case, a pre-litigation suggestion recovers 1.19 million yuan, and the sender sees it', async () => {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await walkSeedPath(page);
    } catch (error) {
      await screenshot(page, 'seed-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});

async function walkSeedPath(page: Page): Promise<void> {
  // prosecutor1 (第一检察部) registers the clue and transfers it to 第五检察部.
  await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
  await page.getByTestId('side-menu').getByText('线索', { exact: true }).click();
  await page.getByTestId('register-clue').click();
  await choose(page, 'clue-source', '自行发现');
  await page.getByTestId('clue-title').fill('张某骗取耕地地力保护补贴线索');
  await page
    .getByTestId('clue-description')
    .fill('办理张某诈骗案中发现：张某虚报耕地面积骗取耕地地力保护补贴 119 万元，主管部门未依法追回。');
  await page.getByTestId('register-clue-submit').click();
  await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));

  // The case file goes with the clue; a program renamed to .pdf is refused, naming the file.
  const material = page.getByTestId('clue-attachments');
  const picker = material.locator('input[type=file]');
  await picker.setInputFiles({
    name: '张某诈骗案补贴发放记录.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n补贴发放记录\n%%EOF'),
  });
  await expect.poll(() => material.textContent()).toContain('张某诈骗案补贴发放记录.pdf');
  await picker.setInputFiles({
    name: '证据.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00'),
  });
  await expect
    .poll(() => page.getByTestId('clue-attachments-error').textContent())
    .toContain('文件“证据.pdf”的内容不是PDF');
  await settledScreenshot(page, 'seed-00-clue-attachments');
  await page.getByTestId('clue-decision').getByRole('tab', { name: '移送' }).click();
  await choose(page, 'transfer-department', '第五检察部');
  await choose(page, 'transfer-pil-field', '国有财产保护');
  await page.getByTestId('transfer-reason').fill('涉嫌骗取国家补贴，国有财产受损，属公益诉讼检察职能');
  await page.getByTestId('transfer-submit').click();
  await expect.poll(() => page.getByTestId('clue-status').textContent()).toBe('已移送');
  await logout(page);

  // head5's bell and workbench show the transfer; the notice opens the received clue.
  await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
  await expect.poll(() => page.getByTestId('workbench-unread').textContent()).toMatch(/未读通知\s*1\s*条/);
  await page.getByTestId('notification-bell').click();
  const notice = page.getByTestId('notification-list');
  await expect
    .poll(() => notice.textContent())
    .toContain('移送线索「张某骗取耕地地力保护补贴线索」至第五检察部');
  await settledScreenshot(page, 'seed-00-transfer-notified');
  await notice.getByText('张某骗取耕地地力保护补贴线索', { exact: false }).click();
  await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
  await expect.poll(() => page.getByTestId('notification-unread').textContent()).not.toContain('1');

  // head5 opens an adminPublicInterest case and moves it to 诉前程序 (the report comes first).
  await page.waitForURL((url) => /^\/clues\/\d+$/.test(url.pathname));
  await choose(page, 'open-case-type', '行政公益诉讼');
  // A public-interest case names its field (公益诉讼领域); a transferred clue carries none.
  await choose(page, 'open-case-pil-field', '国有财产保护');
  await page.getByTestId('open-case-submit').click();
  await page.waitForURL((url) => /^\/cases\/\d+$/.test(url.pathname));
  await expect.poll(() => page.getByTestId('case-number').textContent()).toMatch(caseNumberPattern);
  caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
  await recordEvent(page, '调查终结报告', '查明张某虚报面积骗取补贴，农业农村部门未依法追回');
  await advance(page, 'preLitigation', '诉前程序');

  // A draft with only the addressee: the document is refused, naming the empty fields.
  await page.getByTestId('suggestion-create').click();
  await page.getByTestId('suggestion-addressee').fill(addressee);
  await page.getByTestId('suggestion-form-submit').click();
  await noDialog(page);
  const cards = page.getByTestId('case-suggestions');
  await expect.poll(() => cards.locator('[data-testid^="suggestion-number-"]').count()).toBe(1);
  const testId = await cards.locator('[data-testid^="suggestion-number-"]').getAttribute('data-testid');
  const id = Number(testId?.replace('suggestion-number-', ''));
  await step(page, `suggestion-document-${id}`);
  await expect
    .poll(() => page.getByTestId(`suggestion-error-${id}`).textContent())
    .toContain('「事实」、「法律依据」、「建议内容」未填写，不能生成检察建议书');
  await settledScreenshot(page, 'seed-01-document-refused');

  // Completed, submitted, approved and issued with its number.
  await step(page, `suggestion-edit-${id}`);
  await page
    .getByTestId('suggestion-facts')
    .fill(
      '张某以虚报耕地面积的方式骗取耕地地力保护补贴 119 万元，你局审核把关不严，至今未依法追回，国家利益持续受损。',
    );
  await page
    .getByTestId('suggestion-legal-basis')
    .fill('《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条');
  await page
    .getByTestId('suggestion-requests')
    .fill('一、依法追回被骗取的补贴资金；二、健全补贴发放审核机制。');
  await screenshot(page, 'seed-02-draft');
  await page.getByTestId('suggestion-form-submit').click();
  await noDialog(page);
  expect(await page.getByTestId(`suggestion-error-${id}`).count()).toBe(0);
  await step(page, `suggestion-submit-${id}`);
  await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('待审批');
  // Four eyes: head5 drafted it, so she is offered no approval; the chief approves.
  await settle(page);
  expect(await page.getByTestId(`suggestion-approve-${id}`).count()).toBe(0);
  expect(await page.getByTestId(`suggestion-four-eyes-${id}`).textContent()).toBe(
    '本人起草或提请的检察建议，须由副检察长或检察长审批',
  );
  await settledScreenshot(page, 'seed-02-four-eyes');
  const casePage = page.url();
  await logout(page);
  await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
  await page.goto(casePage);
  await step(page, `suggestion-approve-${id}`);
  await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已审批');
  await logout(page);
  await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
  await page.goto(casePage);
  await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已审批');
  await step(page, `suggestion-issue-${id}`);
  await page.getByTestId(`suggestion-issue-confirm-${id}`).click();
  await expect
    .poll(() => page.getByTestId(`suggestion-number-${id}`).textContent())
    .toMatch(docNumberPattern);
  docNumber = (await page.getByTestId(`suggestion-number-${id}`).textContent()) ?? '';
  expect(await page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已签发');

  // The 检察建议书 downloads and holds the number and the addressee.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`suggestion-download-${id}`).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`检察建议书 ${docNumber}.docx`);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain(docNumber);
  expect(xml).toContain(addressee);
  await settledScreenshot(page, 'seed-03-issued');

  // Delivered on 2026-08-01: two months end on 2026-10-01, in the 国庆 holiday, moved to 10-08.
  await step(page, `suggestion-delivery-${id}`);
  await pickDate(page, '2026-08-01');
  // Before the 签发 (today), so only as a 补录 with its reason, which the timeline then shows.
  await expect.poll(() => page.getByRole('dialog').textContent()).toContain('该日期早于签发日期');
  await page.getByTestId('deliveredOn-late-reason').fill('纸质送达回证事后录入');
  await page.getByTestId('delivery-submit').click();
  await noDialog(page);
  const due = page.getByTestId(`suggestion-reply-due-${id}`);
  await expect.poll(() => due.textContent()).toContain('2026-10-08');
  await expect.poll(() => due.textContent()).toContain('2026-08-01 送达 + 两个月 = 2026-10-01');
  expect(await due.textContent()).toContain('国庆');
  await expect
    .poll(() => page.getByTestId('case-timeline').textContent())
    .toContain('补录：纸质送达回证事后录入');
  await settledScreenshot(page, 'seed-04-delivered');
  await advance(page, 'followUp', '跟进监督');

  // The reply, the rectification check and the money recovered.
  await step(page, `suggestion-reply-${id}`);
  await pickDate(page, '2026-09-25');
  await page.getByTestId('repliedOn-late-reason').fill('回复函事后录入');
  await page
    .getByTestId('reply-content')
    .fill('已责令张某退回全部补贴资金 119 万元，并修订补贴发放审核办法。');
  await page.getByTestId('reply-submit').click();
  await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已回复');
  await noDialog(page);
  await step(page, `suggestion-rectification-${id}`);
  await choice(page, 'rectification-fullyRectified');
  await choice(page, 'follow-up-none');
  await page.getByTestId('rectification-submit').click();
  await expect.poll(() => page.getByTestId(`suggestion-state-${id}`).textContent()).toBe('已办结');
  await noDialog(page);
  await page.getByTestId('record-outcome').click();
  await choose(page, 'outcome-kind', '追回国有财产');
  await page.getByTestId('outcome-amount').fill('1190000');
  await page.getByTestId('outcome-submit').click();
  await expect.poll(() => page.getByTestId('case-outcomes').textContent()).toContain('1,190,000.00 元');
  await noDialog(page);

  // 结案.
  await recordEvent(page, '结案审批', '整改到位，国有财产全部追回，结案');
  await advance(page, 'closed', '结案');
  expect(await page.getByTestId('suggestion-create').count()).toBe(0);
  await settledScreenshot(page, 'seed-05-case-closed');

  // The list of suggestions shows it closed, with the deadline and the rectification.
  await page.getByTestId('side-menu').getByText('检察建议', { exact: true }).click();
  const list = page.getByTestId('suggestions-table');
  await expect.poll(() => list.textContent()).toContain(docNumber);
  const listed = (await list.textContent()) ?? '';
  expect(listed).toContain(caseNumber);
  expect(listed).toContain('已办结');
  expect(listed).toContain('2026-10-08');
  expect(listed).toContain('整改到位');
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('suggestions-export').click(),
  ]);
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  await settledScreenshot(page, 'seed-06-suggestion-list');
  await logout(page);

  // prosecutor1 sees what became of the clue: the case and the money recovered.
  await loginThroughPage(page, e2e.server.url, 'prosecutor1', demoPassword);
  await page.getByTestId('side-menu').getByText('我移送的线索').click();
  const sent = page.getByTestId('sent-clues-table');
  await expect.poll(() => sent.textContent()).toContain(caseNumber);
  expect(await sent.textContent()).toContain('1,190,000.00 元');
  await settledScreenshot(page, 'seed-07-sent-clues');
}
