import { writeFileSync } from 'node:fs';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TCockpit } from '@procura/server/cockpit/schema';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  chinaDay,
  e2eYear,
  loginThroughPage,
  noDialog,
  screenshotDir,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('reports');
const call = apiCaller(() => e2e.server.url);

describe('工作报告 in the browser', () => {
  it('the chief generates a work report, edits a section and downloads the .docx with figures and a chart', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    await call<TCaseDetail>(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '某河道污染行政公益诉讼案',
      pilField: 'ecology',
    });
    // The page's default period: 1 January to today, so [1 January, tomorrow).
    const cockpit = await call<TCockpit>(
      chief,
      'GET',
      `/api/cockpit?from=${e2eYear}-01-01&to=${chinaDay(1)}`,
    );
    const cases = cockpit.sections.flatMap((s) => s.figures).find((f) => f.metricId === 'casesOpened')!;
    expect(cases.value).toBeGreaterThanOrEqual(1);

    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
      // From the cockpit to its reports.
      await page.goto(`${e2e.server.url}/cockpit`);
      await page.getByTestId('cockpit-reports').click();
      await page.waitForURL(/\/cockpit\/reports$/);
      await page.getByTestId('report-new').click();
      await expect.poll(() => page.getByTestId('report-kind').count()).toBe(1);
      await page.getByTestId('report-create-submit').click();
      await page.waitForURL(/\/cockpit\/reports\/\d+$/);
      await noDialog(page);
      const overview = page.getByTestId('report-section-overview');
      await expect.poll(() => overview.inputValue()).toContain(`立案${cases.value}件`);

      const edited = '本院公益诉讼检察工作稳中有进，聚焦生态环境和资源保护领域。';
      await page.getByTestId('report-section-publicInterest').fill(edited);
      await page.getByTestId('report-save').click();
      await expect.poll(() => page.getByTestId('report-edited-publicInterest').count()).toBe(1);
      await expect.poll(() => page.locator('[data-testid^="report-edited-"]').count()).toBe(1);
      await settledScreenshot(page, 'reports-edit');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('report-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${e2eYear}年1月1日至${e2eYear}年11月25日工作报告.docx`);
      const zip = await JSZip.loadAsync(await download.createReadStream().then(streamBytes));
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain(edited);
      expect(text).toContain(`立案${cases.value}件`);
      const charts = zip.file(/^word\/media\/.+\.png$/);
      expect(charts.length).toBeGreaterThanOrEqual(1);
      const png = await charts[0]!.async('nodebuffer');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      writeFileSync(`${screenshotDir}reports-chart.png`, png);

      // The list shows the draft.
      await page.goto(`${e2e.server.url}/cockpit/reports`);
      await expect.poll(() => page.getByTestId('reports').textContent()).toContain('工作报告');
      await settledScreenshot(page, 'reports-list');
    } finally {
      await context.close();
    }
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
