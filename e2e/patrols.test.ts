import type { TClueDetail } from '@procura/server/clues/schema';
import type { TPatrol } from '@procura/server/patrols/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { choose, loginThroughPage, noDialog, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('patrols');

async function call<T>(cookie: string, path: string): Promise<T> {
  const response = await fetch(`${e2e.server.url}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('网络巡查 in the browser', () => {
  it('a patrol of an online food platform with three findings becomes three clues in one step', async () => {
    const cookie = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head5', demoPassword);
      await page.getByRole('menuitem', { name: '网络巡查' }).click();
      await page.getByTestId('patrol-new').click();
      const form = page.getByRole('dialog');
      await form.getByLabel('平台').fill('某外卖平台（成华区）');
      await form.getByLabel('巡查人').fill('王检察官、赵检察官助理');
      const findings = [
        ['川味小厨', 'https://waimai.example/shop/1001', '无证经营'],
        ['夜宵烧烤铺', 'https://waimai.example/shop/1002', '超范围经营'],
        ['惊喜零食盲盒店', 'https://waimai.example/shop/1003', '食品盲盒'],
      ] as const;
      for (const [index, [shop, link, kind]] of findings.entries()) {
        await page.getByTestId('finding-add').click();
        const row = page.getByTestId(`finding-${index}`);
        await row.getByLabel('店铺名称').fill(shop);
        await row.getByLabel('店铺链接').fill(link);
        await choose(page, row.locator('.ant-select').first(), kind);
      }
      await page.getByTestId('patrol-form-submit').click();
      await noDialog(page);
      await page.waitForURL((url) => /\/patrols\/\d+$/.test(url.pathname));
      const patrolId = Number(new URL(page.url()).pathname.split('/').pop());

      // A screenshot on the first finding, through the attachments module.
      const created = await call<TPatrol>(cookie, `/api/patrols/${patrolId}`);
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const shots = page.getByTestId(`finding-screenshots-${created.findings[0]!.id}`);
      await shots
        .locator('input[type=file]')
        .setInputFiles({ name: '川味小厨首页.png', mimeType: 'image/png', buffer: png });
      await expect.poll(() => shots.textContent()).toContain('川味小厨首页.png');

      // Select all findings, one click: three clues.
      const table = page.getByTestId('findings');
      await table.locator('thead .ant-checkbox-input').check();
      await expect.poll(() => page.getByTestId('make-clues').textContent()).toContain('3');
      await page.getByTestId('make-clues').click();
      await expect.poll(() => table.getByRole('link', { name: /^线索 \d+$/ }).count()).toBe(3);
      await settledScreenshot(page, 'patrols-three-clues');

      const patrol = await call<TPatrol>(cookie, `/api/patrols/${patrolId}`);
      expect(patrol.findings.map((f) => f.shopName)).toEqual(findings.map(([shop]) => shop));
      const clueIds = patrol.findings.map((f) => f.clueId);
      expect(new Set(clueIds).size).toBe(3);
      for (const [index, clueId] of clueIds.entries()) {
        const clue = await call<TClueDetail>(cookie, `/api/clues/${clueId}`);
        expect(clue.source).toBe('selfDiscovered');
        expect(clue.title).toContain(findings[index]![0]);
        expect(clue.description).toContain(findings[index]![1]);
      }

      // The clue page is one click away.
      await table.getByRole('link', { name: `线索 ${clueIds[0]}` }).click();
      await expect.poll(() => page.textContent('body')).toContain('川味小厨');
    } finally {
      await context.close();
    }
  });
});
