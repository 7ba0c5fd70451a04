import { join } from 'node:path';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginThroughPage, logout, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('employment');
const id = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const zhangSan = id('51010819850312001');
const liSi = id('51010819880705002');

async function writeXlsx(name: string, rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  const path = join(e2e.dataDir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function upload(page: Page, testId: string, path: string): Promise<void> {
  await page.getByTestId(`${testId}-file`).locator('input[type=file]').setInputFiles(path);
  await page.getByTestId(`${testId}-submit`).click();
}

describe('入职查询 in the browser', () => {
  it('a school account uploads its new hires and gets a result per person', async () => {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();

    // The juvenile department loads the offence records the checks run against.
    await loginThroughPage(page, e2e.server.url, 'clerk6', demoPassword);
    await page.getByTestId('side-menu').getByText('入职查询', { exact: true }).click();
    const records = await writeXlsx('records.xlsx', [
      ['身份证号', '姓名', '罪名', '判决日期'],
      [zhangSan, '张三', '猥亵儿童罪', '2019-05-01'],
      [liSi, '李四', '盗窃罪', '2020-01-01'],
    ]);
    await upload(page, 'records-upload', records);
    await expect.poll(() => page.getByText(/当前使用：records\.xlsx（2 条/).count()).toBe(1);
    await logout(page);

    // The school: a bad file is refused naming the row and column; a good one is checked.
    await loginThroughPage(page, e2e.server.url, 'school1', demoPassword);
    const menu = page.getByTestId('side-menu');
    await expect.poll(() => menu.textContent()).toContain('入职查询');
    expect(await menu.textContent()).not.toContain('线索');
    await menu.getByText('入职查询', { exact: true }).click();
    const bad = await writeXlsx('bad.xlsx', [
      ['姓名', '身份证号', '岗位'],
      ['张三', zhangSan, '体育教师'],
      ['王五', '51010819900101123', '保安'],
    ]);
    await upload(page, 'check-upload', bad);
    await expect
      .poll(() => page.getByTestId('check-upload-error').textContent())
      .toContain('第 3 行“身份证号”列');
    await settledScreenshot(page, 'employment-01-bad-file');

    const hires = await writeXlsx('2026秋季新入职.xlsx', [
      ['姓名', '身份证号', '岗位'],
      ['张三', zhangSan, '体育教师'],
      ['李四', liSi, '保安'],
    ]);
    await upload(page, 'check-upload', hires);
    await page.waitForURL((url) => /^\/employment-checks\/\d+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('result-2').textContent()).toBe('需人工核实');
    expect(await page.getByTestId('result-3').textContent()).toBe('无相关记录');
    // The school never sees what the record was.
    expect(await page.locator('body').textContent()).not.toContain('猥亵');
    await settledScreenshot(page, 'employment-02-results');

    const download = page.waitForEvent('download');
    await page.getByTestId('check-docx').click();
    expect((await download).suggestedFilename()).toMatch(/^入职查询结果_成华区演示实验小学_\d+\.docx$/);

    await page.getByText('返回').click();
    await expect.poll(() => page.getByTestId('checks-table').textContent()).toContain('2026秋季新入职.xlsx');
    await settledScreenshot(page, 'employment-03-record');
    await logout(page);

    // The juvenile department sees why 张三 needs a manual check.
    await loginThroughPage(page, e2e.server.url, 'clerk6', demoPassword);
    await page.goto(`${e2e.server.url}/employment-checks`);
    await page.getByTestId('checks-table').getByRole('link').first().click();
    await page.getByTestId('check-people').locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => page.getByTestId('check-people').textContent()).toContain('猥亵儿童罪');
    await settledScreenshot(page, 'employment-04-juvenile-view');
    await context.close();
  });
});
