import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TSupportedProsecution } from '@procura/server/supported-prosecution/schema';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
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

const call = apiCaller(() => e2e.server.url);

describe('民事支持起诉 in the browser', () => {
  it('a labour-bureau clue and its list of 17 workers become one case whose support opinion lists all 17 and whose recovered amounts sum to 290,000 yuan', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    // The labour bureau (人社部门) transfers the matter as a clue; it becomes one case.
    const { clue } = await call<{ clue: { id: number } }>(cookie, 'POST', '/api/clues', {
      source: 'labourBureau',
      title: '某建筑劳务公司拖欠侯某等17名农民工工资',
      description: '区人社局移送：拖欠工资29万元，劳动监察未能解决',
      parties: [{ kind: 'organisation', name: '某建筑劳务有限公司' }],
    });
    const decided = await call<{ case: { id: number } }>(cookie, 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'supportedSuit',
      title: '侯某等17人追索劳动报酬支持起诉案',
    });
    const opened = await call<TCaseDetail>(cookie, 'GET', `/api/cases/${decided.case.id}`);
    expect(opened.clues.map((c) => c.sourceLabel)).toEqual(['人社部门移送']);
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

      // The work: review and filing through the API, the settlement through the page.
      const steps = `/api/cases/${opened.id}/supported-prosecution/steps`;
      await call(cookie, 'POST', steps, {
        kind: 'eligibilityReview',
        on: chinaDay(-30),
        reasonKinds: ['noLegalKnowledge', 'manyClaimants'],
        detail: '申请人均为农民工，人数众多，缺乏诉讼能力',
        person: '李检察官',
        result: 'eligible',
      });
      await call(cookie, 'POST', steps, {
        kind: 'courtFiling',
        on: chinaDay(-20),
        body: '成都市成华区人民法院',
        reference: '（2026）川0108民初5678号',
      });
      await page.reload();
      await page.getByTestId('add-support-step').click();
      await choose(page, 'support-step-kind', '调解（和解）');
      const on = page.getByRole('dialog').locator('.ant-picker input').first();
      await on.click();
      await on.fill(chinaDay(-10));
      await on.press('Enter');
      await choose(page, 'support-step-result', '达成调解（和解）协议');
      await page.getByTestId('support-step-detail').fill('被告同意一次性支付全部欠薪');
      await page.getByTestId('support-step-submit').click();
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('support-steps-table').locator('tbody tr.ant-table-row').count())
        .toBe(3);
      expect(await page.getByTestId('support-steps-table').textContent()).toContain('达成调解（和解）协议');

      // The 支持起诉意见书 lists all 17 workers.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-support-opinion').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`支持起诉意见书-${opened.caseNumber}.docx`);
      const zip = await JSZip.loadAsync(readFileSync(await download.path()));
      const xml = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
      for (const w of workers) {
        expect(xml).toContain(w.name);
        expect(xml).toContain(w.idNumber);
      }
      expect(xml).toContain('申请人共 17 人，请求金额合计 290,000.00 元');
      expect(xml).toContain('民事诉讼法》第十五条');
      await expect.poll(() => page.getByTestId('case-outcomes').textContent()).toContain('290,000.00 元');
      await settledScreenshot(page, 'supported-prosecution-steps');

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
