import { join } from 'node:path';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TSupportedProsecution } from '@procura/server/supported-prosecution/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  chinaDay,
  choose,
  loginThroughPage,
  noDialog,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('supported-prosecution');

/** 17 workers owed 290,000 yuan between them: 16 × 17,000 + 18,000. */
const workers = Array.from({ length: 17 }, (_, i) => {
  const first17 = `51010819800101${String(100 + i)}`;
  return {
    name: `侯某${i + 1}`,
    idNumber: `${first17}${idCheckCharacter(first17)}`,
    claimYuan: i === 0 ? 18_000 : 17_000,
  };
});

async function call<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method,
    headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('民事支持起诉 in the browser', () => {
  it('the labour bureau list of 17 workers becomes 17 applicants whose recovered amounts sum to 290,000 yuan on the case', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    const opened = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '侯某等17人追索劳动报酬支持起诉案',
    });
    await call(cookie, 'PUT', `/api/cases/${opened.id}/supported-prosecution`, {
      respondent: '某建筑劳务有限公司',
      claimKind: 'labourPay',
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['拖欠工资人员名单']);
    sheet.addRow(['姓名', '身份证号', '联系电话', '人员类别', '拖欠工资']);
    for (const [i, w] of workers.entries())
      sheet.addRow([w.name, w.idNumber, `1380000${1000 + i}`, '农民工', w.claimYuan]);
    sheet.addRow([workers[0]!.name, workers[0]!.idNumber, null, '农民工', 18_000]);
    const path = join(e2e.dataDir, '欠薪名单.xlsx');
    await workbook.xlsx.writeFile(path);

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor4', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${opened.id}`);
      await page.getByTestId('import-applicants').click();
      await page.getByTestId('applicants-import-file').locator('input[type=file]').setInputFiles(path);
      await page.getByTestId('applicants-import-submit').click();
      const result = page.getByTestId('applicants-import-result');
      await expect.poll(() => result.textContent()).toContain('新增 17 人，合并 1 人');
      await expect.poll(() => result.textContent()).toContain('第 20 行与第 3 行身份证号相同');
      await page.keyboard.press('Escape');
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('applicants-table').locator('tbody tr.ant-table-row').count())
        .toBe(17);

      // 16 recovered amounts through the API, the first worker's (18,000 yuan) through the page.
      const list = await call<TSupportedProsecution>(
        cookie,
        'GET',
        `/api/cases/${opened.id}/supported-prosecution`,
      );
      const [first, ...others] = list.applicants;
      for (const a of others) {
        await call(cookie, 'POST', `/api/cases/${opened.id}/applicants/${a.id}/recovery`, {
          recoveredFen: a.claimFen,
          paidOn: chinaDay(-3),
        });
      }
      await page.reload();
      await page.getByTestId(`recovery-${first!.id}`).click();
      await page.getByTestId('recovery-amount').fill('18000');
      const date = page.getByRole('dialog').locator('.ant-picker input').first();
      await date.click();
      await date.fill(chinaDay(-1));
      await date.press('Enter');
      await page.getByTestId('recovery-submit').click();
      await noDialog(page);

      await expect
        .poll(() => page.getByTestId('applicants-recovered-total').textContent())
        .toBe('290,000.00 元');
      await expect.poll(() => page.getByTestId('case-outcomes').textContent()).toContain('290,000.00 元');
      await expect.poll(() => page.getByTestId('case-outcomes').textContent()).toContain('17 人');
      await settledScreenshot(page, 'supported-prosecution-applicants');

      // One more person typed in by hand: 18 applicants, nothing recovered yet, the sum unchanged.
      await page.getByTestId('add-applicant').click();
      await page.getByTestId('applicant-name').fill('李某');
      await page
        .getByTestId('applicant-id-number')
        .fill(`51010819750601123${idCheckCharacter('51010819750601123')}`);
      await choose(page, 'applicant-category', '残疾人');
      await page.getByTestId('applicant-claim').fill('5000');
      await page.getByTestId('applicant-submit').click();
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('applicants-table').locator('tbody tr.ant-table-row').count())
        .toBe(18);
      await expect
        .poll(() => page.getByTestId('applicants-recovered-total').textContent())
        .toBe('290,000.00 元');
    } finally {
      await context.close();
    }
  });
});
