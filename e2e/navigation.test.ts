import type { TPublicInfo } from '@procura/server/auth/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logout, screenshot, serverAndBrowser, settledScreenshot } from './browser.ts';

// On the demo data: the path and the menus must work beside two years of generated work.
const e2e = serverAndBrowser('navigation', { demoWork: true });

/** Signs in as the demo account of this department and role, picked from the login page's list. */
async function signInAs(page: Page, department: string, role: string): Promise<void> {
  await page.goto(`${e2e.server.url}/login`);
  // The role cell exactly: 检察长 is not 副检察长.
  const row = page
    .getByTestId('demo-accounts')
    .locator('tbody tr')
    .filter({ hasText: department })
    .filter({ has: page.locator('td', { hasText: new RegExp(`^${role}$`) }) });
  await expect.poll(() => row.count()).toBe(1);
  await row.click();
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const juvenileEntries = ['未检案件', '一站式办案场所', '跟踪帮教', '封存记录'];

async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.getByTestId('side-menu');
  await expect.poll(() => menu.locator('.ant-menu-item').count()).toBeGreaterThan(0);
  return (await menu.locator('.ant-menu-item').allTextContents()).map((text) => text.trim());
}

async function headings(page: Page): Promise<string[]> {
  return (await page.getByTestId('side-menu').locator('.ant-menu-item-group-title').allTextContents()).map(
    (t) => t.trim(),
  );
}

describe('navigation in the browser', () => {
  it('the login page lists every demo account at once, by department and role', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const info = (await (await fetch(`${e2e.server.url}/api/public/info`)).json()) as TPublicInfo;
    await page.goto(`${e2e.server.url}/login`);
    const table = page.getByTestId('demo-accounts');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(info.demoAccounts.length);
    // No scroll box of its own: the table body is not cut off, the page scrolls instead.
    const cut = await table
      .locator('.ant-table-body, .ant-table-content')
      .evaluateAll((nodes) => nodes.some((node) => node.scrollHeight > node.clientHeight + 1));
    expect(cut).toBe(false);
    for (const department of ['第四检察部', '第五检察部']) {
      const prosecutors = table
        .locator('tbody tr')
        .filter({ hasText: department })
        .filter({ hasText: '检察官' });
      // 检察官 and 检察官助理 both contain 检察官: one of each.
      await expect.poll(() => prosecutors.count()).toBe(2);
    }
    await screenshot(page, 'navigation-01-login');
    await context.close();
  });

  it('a 公益 head sees her line of work under headings, without the juvenile pages', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, '第五检察部', '部门负责人');
    const entries = await menuEntries(page);
    expect(entries).toEqual(
      expect.arrayContaining(['线索', '案件', '检察建议', '部门期限看板', '法治宣传活动']),
    );
    for (const juvenile of [...juvenileEntries, '校园信箱', '入职查询'])
      expect(entries).not.toContain(juvenile);
    const groups = await headings(page);
    expect(groups).toEqual(expect.arrayContaining(['办案', '大数据法律监督']));
    expect(groups).not.toContain('未成年人检察');
    // The workbench's 可用功能 follows the menu: the same headings, no juvenile page.
    const modules = page.getByTestId('home-modules');
    await expect.poll(() => modules.textContent()).toContain('大数据法律监督');
    expect(await modules.textContent()).not.toContain('未成年人检察');
    for (const juvenile of juvenileEntries) expect(await modules.textContent()).not.toContain(juvenile);
    await settledScreenshot(page, 'navigation-02-menu-public-interest-head');
    await logout(page);

    // The juvenile department's head sees its pages under their own heading.
    await signInAs(page, '第六检察部', '部门负责人');
    expect(await menuEntries(page)).toEqual(
      expect.arrayContaining([...juvenileEntries, '校园信箱', '入职查询']),
    );
    expect(await headings(page)).toContain('未成年人检察');
    await settledScreenshot(page, 'navigation-03-menu-juvenile-head');
    await context.close();
  });

  it('the chief sees every line of work and a board of the whole procuratorate', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, '检察长办公室', '检察长');
    const entries = await menuEntries(page);
    expect(entries).toEqual(
      expect.arrayContaining([...juvenileEntries, '线索', '大数据法律监督模型', '审计日志']),
    );
    expect(await headings(page)).toEqual([
      '办案',
      '大数据法律监督',
      '未成年人检察',
      '预防与法治宣传',
      '系统管理',
    ]);
    await settledScreenshot(page, 'navigation-04-menu-chief');

    await page.getByTestId('side-menu').getByText('部门期限看板').click();
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('全院期限看板');
    const departments = page.getByTestId('board-departments');
    await expect.poll(() => departments.textContent()).toContain('第五检察部');
    expect(await departments.textContent()).not.toContain('检察长办公室');
    await settledScreenshot(page, 'navigation-05-board-whole');
    // A department's name opens its own board.
    await departments.getByText('第六检察部').click();
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('部门期限看板：第六检察部');
    await context.close();
  });
});
