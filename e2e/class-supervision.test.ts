import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TGroup } from '@procura/server/class-supervision/schema';
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
const e2e = serverAndBrowser('class-supervision');

const call = apiCaller(() => e2e.server.url);

describe('类案监督 and 检行协作 in the browser', () => {
  it('three sites get one 社会治理类检察建议 and the page shows each site’s rectification', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    const open = (title: string) =>
      call<TCaseDetail>(cookie, 'POST', '/api/cases', { type: 'adminViolation', title });
    const hospital = await open('某医院电动车飞线充电行政违法监督案');
    const mall = await open('某商场消防通道堵塞行政违法监督案');
    const compound = await open('某老旧小区飞线充电行政违法监督案');
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor4', demoPassword);
      await page.getByRole('menuitem', { name: '类案监督' }).click();

      // The group of three sites, built in the page.
      await page.getByTestId('class-case-create').click();
      const form = page.getByRole('dialog');
      await form.getByLabel('类案名称').fill('辖区人员密集场所飞线充电消防隐患类案');
      await form
        .getByLabel('共性问题')
        .fill('医院、商场、老旧小区存在电动自行车飞线充电、占用消防通道等消防安全隐患，街道监管未到位。');
      await page.getByTestId('class-member-add').click();
      const sites: [TCaseDetail, string, string][] = [
        [hospital, '成华区某医院', '医院'],
        [mall, '某购物中心', '商场'],
        [compound, '建设路某小区', '老旧小区'],
      ];
      for (const [index, [theCase, site, kind]] of sites.entries()) {
        await choose(page, `class-member-record-${index}`, `案件 ${theCase.caseNumber} ${theCase.title}`, {
          search: true,
        });
        await page.getByTestId(`class-member-site-${index}`).fill(site);
        await choose(page, `class-member-kind-${index}`, kind);
      }
      await page.getByTestId('class-case-form-submit').click();
      await noDialog(page);
      await page.waitForURL((url) => /\/class-cases\/\d+$/.test(url.pathname));
      await expect.poll(() => page.getByTestId('class-case-detail').textContent()).toContain('飞线充电');
      const groupId = Number(new URL(page.url()).pathname.split('/').pop());
      const group = await call<TGroup>(cookie, 'GET', `/api/class-cases/${groupId}`);
      expect(group.members.map((m) => [m.siteName, m.siteKindLabel, m.case?.id])).toEqual([
        ['成华区某医院', '医院', hospital.id],
        ['某购物中心', '商场', mall.id],
        ['建设路某小区', '老旧小区', compound.id],
      ]);
      const [first, second, third] = group.members;

      await page.getByTestId('group-suggestion-draft').click();
      await page.getByTestId('group-suggestion-addressee').fill('成都市成华区某街道办事处');
      await page.getByTestId('group-suggestion-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('group-suggestion-state').textContent()).toBe('草稿');

      // The first site through the page; the second through the API; the third not yet.
      await page.getByTestId(`site-rectify-${first!.id}`).click();
      await choose(page, 'site-rectification-status', '已整改');
      const date = page.getByRole('dialog').locator('.ant-picker input').first();
      await date.click();
      await date.fill(chinaDay(-2));
      await date.press('Enter');
      await page.getByTestId('site-rectification-note').fill('拆除飞线，增设集中充电桩');
      await page.getByTestId('site-rectification-submit').click();
      await noDialog(page);
      await call(cookie, 'PUT', `/api/class-cases/${group.id}/members/${second!.id}/rectification`, {
        status: 'inProgress',
        note: '已制定整改方案',
      });
      await page.reload();

      await expect.poll(() => page.getByTestId(`site-state-${first!.id}`).textContent()).toBe('已整改');
      await expect.poll(() => page.getByTestId(`site-state-${second!.id}`).textContent()).toBe('整改中');
      await expect.poll(() => page.getByTestId(`site-state-${third!.id}`).textContent()).toBe('未整改');
      const rows = page.getByTestId('class-case-members').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.nth(0).textContent()).toContain(chinaDay(-2));
      await expect
        .poll(() => page.getByTestId('class-case-detail').textContent())
        .toContain('1 / 3 处已整改');
      await settledScreenshot(page, 'class-supervision-group');

      // One suggestion in the suggestions module, on the first case, citing all three sites.
      const saved = await call<TGroup>(cookie, 'GET', `/api/class-cases/${group.id}`);
      const suggestion = await call<{ facts: string; kindLabel: string }>(
        cookie,
        'GET',
        `/api/suggestions/${saved.suggestion!.id}`,
      );
      expect(suggestion.kindLabel).toBe('社会治理检察建议');
      for (const site of ['成华区某医院', '某购物中心', '建设路某小区'])
        expect(suggestion.facts).toContain(site);
    } finally {
      await context.close();
    }
  });

  it('a seconded officer sees the one case it was added to, read only', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    const advised = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'adminViolation',
      title: '某市场主体无证经营行政违法监督案',
    });
    await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'adminViolation',
      title: '另一件未邀请的案件',
    });
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      // The case's prosecutor adds the officer on the case page.
      await loginThroughPage(page, e2e.server.url, 'prosecutor4', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${advised.id}`);
      await choose(page, 'case-adviser-pick', '王建（成华区市场监管局，演示）');
      await page.getByTestId('case-adviser-add').click();
      await expect
        .poll(() => page.getByTestId('case-advisers').textContent())
        .toContain('王建（成华区市场监管局，演示）');
      await context.clearCookies();

      await loginThroughPage(page, e2e.server.url, 'invited1', demoPassword);
      const menu = page.locator('.ant-menu');
      await expect.poll(() => menu.textContent()).toContain('受邀参与的案件');
      expect(await menu.textContent()).not.toContain('线索');
      await page.getByRole('menuitem', { name: '受邀参与的案件' }).click();
      const table = page.getByTestId('invited-cases-table');
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
      expect(await table.textContent()).not.toContain('另一件未邀请的案件');
      await page.getByTestId(`invited-case-link-${advised.id}`).click();
      await expect
        .poll(() => page.getByTestId('invited-case-detail').textContent())
        .toContain('某市场主体无证经营行政违法监督案');
      await settledScreenshot(page, 'class-supervision-invited-case');
    } finally {
      await context.close();
    }
  });
});
