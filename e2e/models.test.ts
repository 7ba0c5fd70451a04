import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv, writeXlsx } from '@procura/collide/testing/files';
import { openDatabase, schema } from '@procura/db';
import { migratedDataDir } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loginCookie, startServerProcess } from '../apps/cli/src/testing/spawn-server.ts';
import { interruptedReason } from '../apps/server/src/models/run-queue.ts';
import type { TRun } from '../apps/server/src/models/schema.ts';
import { paymentRows, prisonerRows } from '../apps/server/src/models/test-files.ts';
import {
  choose,
  loginThroughPage,
  logout,
  noDialog,
  screenshot,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const files = mkdtempSync(join(tmpdir(), 'procura-e2e-model-files-'));
const modelName = '服刑人员违规领取补(救)助金';
const e2e = serverAndBrowser('models');

afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

describe('big-data model: upload, run, review, clue', () => {
  it('an analyst uploads two files, runs prisoner-subsidy, turns a hit into a clue; 第五检察部 finds it', async () => {
    const payments = writeCsv(join(files, '补助金发放2022.csv'), paymentRows(), 'gbk');
    const prisoners = await writeXlsx(join(files, '服刑人员名单.xlsx'), prisonerRows());
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await loginThroughPage(page, e2e.server.url, 'analyst', demoPassword);

    // Data sets: a GBK CSV with one unreadable date, and an .xlsx of prison spells.
    await page.getByRole('menuitem', { name: '模型数据集' }).click();
    await page.getByTestId('dataset-kind').click();
    // The picker names each kind in Chinese only, never by its internal key (payments, banned-driver:records).
    // The dropdown opens after the click: wait for its options (read at once, it was empty under load).
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toContain('补(救)助金发放名单');
    const kindOptions = await options.allTextContents();
    for (const option of kindOptions) expect(option).not.toMatch(/[a-z]/);
    await page.keyboard.press('Escape');
    await choose(page, 'dataset-kind', '补(救)助金发放名单');
    await page.getByTestId('dataset-file').setInputFiles(payments);
    await expect.poll(() => page.getByTestId('upload-result').textContent()).toContain('剔除 1 行');
    await expect.poll(() => page.getByTestId('rejects-table').textContent()).toContain('发放日期');
    await settledScreenshot(page, 'models-1-upload-rejects');
    await choose(page, 'dataset-kind', '服刑人员名单（每段刑期一行）');
    await page.getByTestId('dataset-file').setInputFiles(prisoners);
    await expect.poll(() => page.getByTestId('upload-result').textContent()).toContain('服刑人员名单.xlsx');
    await expect.poll(() => page.getByTestId('datasets-table').locator('tbody tr').count()).toBe(2);

    // The model and a run of it.
    await page.getByRole('menuitem', { name: '大数据法律监督模型' }).click();
    await page.getByTestId('model-prisoner-subsidy').click();
    await expect.poll(() => page.locator('.ant-card-head-title').first().textContent()).toContain(modelName);
    await settledScreenshot(page, 'models-2-model');
    await page.getByTestId('start-run').click();
    await expect
      .poll(() => page.getByTestId('run-input-payments').textContent())
      .toContain('补助金发放2022.csv');
    await page.getByTestId('start-run-submit').click();
    await page.waitForURL(/\/models\/runs\/\d+$/);
    // The page polls the run: the bar moves through the stages to 100.
    await page.getByTestId('run-progress').waitFor();
    await expect
      .poll(() => page.getByTestId('run-progress').getAttribute('aria-valuenow'), { timeout: 30_000 })
      .toBe('100');
    const zhang = () =>
      page.getByTestId('hits-table').locator('tr.ant-table-row', { hasText: '张伟' }).first();
    await expect
      .poll(() => page.getByTestId('hits-table').locator('tbody tr.ant-table-row-level-0').count())
      .toBe(2);
    await zhang().getByRole('button', { name: /展开/ }).click();
    await expect.poll(() => page.getByTestId('hits-table').textContent()).toContain('补助金发放2022.csv');
    await settledScreenshot(page, 'models-3-run-hits');

    // 张伟's hit becomes a clue for 第五检察部 (his row, not the rows of its evidence table).
    await zhang().locator('input[type=checkbox]').check();
    await page.getByTestId('hits-to-clues').click();
    await choose(page, 'clue-department', '第五检察部');
    await choose(page, 'clue-pil-field', '养老低保基金');
    await screenshot(page, 'models-4-to-clue-dialog');
    await page.getByTestId('review-submit').click();
    await noDialog(page);
    await expect.poll(() => zhang().textContent()).toContain('已转线索');
    await settledScreenshot(page, 'models-5-hit-clue');

    // The other hit is dismissed with a reason.
    const other = () =>
      page
        .getByTestId('hits-table')
        .locator('tbody tr.ant-table-row-level-0')
        .filter({ hasNotText: '张伟' })
        .first();
    await other().locator('input[type=checkbox]').check();
    await page.getByTestId('dismiss-hits').click();
    await page.getByTestId('dismiss-reason').fill('经核实为同名同姓，非同一人');
    await page.getByTestId('dismiss-submit').click();
    await noDialog(page);
    await expect.poll(() => other().textContent()).toContain('已排除');
    await logout(page);

    // The receiving department's head finds it among its clues, source 大数据模型.
    await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
    await page.goto(`${e2e.server.url}/clues`);
    const row = page.locator('tr', { hasText: `${modelName}：张伟` });
    await expect.poll(() => row.textContent()).toContain('大数据模型');
    await settledScreenshot(page, 'models-6-clue-list');
    await row.getByRole('link').click();
    await expect
      .poll(() => page.locator('body').textContent())
      .toContain('证据（来源文件、行号、清洗后的值）');
    await settledScreenshot(page, 'models-7-clue-detail');

    // The head sees the model's figures (one clue made from it), but not its hits.
    await page.getByRole('menuitem', { name: '大数据法律监督模型' }).click();
    const modelRow = page.getByTestId('models-table').locator('tr', { hasText: modelName });
    await expect.poll(() => modelRow.locator('td').nth(5).textContent()).toBe('1');
    await settledScreenshot(page, 'models-8-models-list');
    await page.close();
  });
});

describe('a model run cut short by a dead server', () => {
  it('is marked failed with the reason when the server starts again, not left running', async () => {
    const restartDir = migratedDataDir('procura-e2e-models-restart-');
    try {
      const first = await startServerProcess({ PROCURA_DATA_DIR: restartDir });
      first.child.kill('SIGKILL');
      await first.exited;
      // What a run looks like when its process dies mid-way: still 'running' in the database.
      const database = await openDatabase({ dataDir: restartDir });
      let runId = 0;
      try {
        const [analyst] = await database.db
          .select()
          .from(schema.users)
          .where(eq(schema.users.username, 'analyst'));
        const [run] = await database.db
          .insert(schema.collideRuns)
          .values({
            modelId: 'prisoner-subsidy',
            inputs: [],
            status: 'running',
            stage: 'match',
            percent: 60,
            startedBy: analyst!.id,
          })
          .returning({ id: schema.collideRuns.id });
        runId = run!.id;
      } finally {
        await database.close();
      }
      const again = await startServerProcess({ PROCURA_DATA_DIR: restartDir });
      try {
        const cookie = await loginCookie(again.url, 'analyst', demoPassword);
        const response = await fetch(`${again.url}/api/model-runs/${runId}`, { headers: { cookie } });
        const run = (await response.json()) as TRun;
        expect(run).toMatchObject({ status: 'failed', statusLabel: '失败', error: interruptedReason });
        expect(run.finishedAt).not.toBeNull();
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
    } finally {
      rmSync(restartDir, { recursive: true, force: true });
    }
  });
});
