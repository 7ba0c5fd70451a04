import type { TAgreement } from '@procura/server/consultations/agreement-schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  chinaDay,
  choose,
  loginThroughPage,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('pil-depth');

const call = apiCaller(() => e2e.server.url);

describe('public-interest work in depth, in the browser', () => {
  it('a clue cites the 会签文件 it came under; the agreement keeps its text and lists the clue', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const title = '成华区食品安全线索移送协作备忘录（浏览器测试）';
    const agreement = await call<TAgreement>(cookie, 'POST', '/api/cooperation-agreements', {
      title,
      bodies: ['区市场监督管理局', '区公安分局', '本院'],
      mechanisms: ['clueTransfer', 'jointMeeting'],
      signedOn: chinaDay(-90),
      meetingEveryMonths: 6,
    });
    const { clue } = await call<{ clue: { id: number } }>(cookie, 'POST', '/api/clues', {
      source: 'adminTransfer',
      title: '区市场监管局依备忘录移送的校园周边食品线索',
      description: '区市场监督管理局依线索移送机制移送：校园周边无证食品摊贩',
      pilField: 'foodDrugSafety',
    });
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/clues/${clue.id}`);
      await choose(page, 'clue-agreement-select', title);
      await expect.poll(() => page.getByTestId('clue-agreement').textContent()).toContain('查看会签文件');
      await page.reload();
      await expect.poll(() => page.getByTestId('clue-agreement').textContent()).toContain(title);
      await settledScreenshot(page, 'pil-depth-01-clue-cites-agreement');

      await page.goto(`${e2e.server.url}/cooperation-agreements`);
      const row = page.getByTestId('agreements-table').locator('tr', { hasText: title });
      await expect.poll(() => row.textContent()).toContain('1 件');
      await row.locator('.ant-table-row-expand-icon').click();
      const detail = page.getByTestId(`agreement-detail-${agreement.id}`);
      await expect.poll(() => detail.textContent()).toContain('区市场监管局依备忘录移送的校园周边食品线索');
      const files = page.getByTestId(`agreement-attachments-${agreement.id}`);
      await files.locator('input[type=file]').setInputFiles({
        name: '食品安全线索移送协作备忘录.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n协作备忘录\n%%EOF'),
      });
      await expect.poll(() => files.textContent()).toContain('食品安全线索移送协作备忘录.pdf');
      await expect.poll(() => row.textContent()).toContain('1 个');
      await settledScreenshot(page, 'pil-depth-02-agreement-attachment');
    } finally {
      await context.close();
    }
  });

  it('a protected object is renamed and reclassified on its page, which lists its case and clue', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const site = await call<{ id: number }>(cookie, 'POST', '/api/protected-objects', {
      name: '熊猫基地（浏览器测试）',
      kind: 'other',
    });
    const { clue } = await call<{ clue: { id: number } }>(cookie, 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '熊猫基地周边违规排污线索（浏览器测试）',
      description: '巡查发现基地周边河道有排污口',
      pilField: 'ecology',
    });
    const decided = await call<{ case: { id: number } }>(cookie, 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
      title: '熊猫基地周边违规排污行政公益诉讼案（浏览器测试）',
    });
    await call(cookie, 'PUT', `/api/cases/${decided.case.id}/protected-objects`, { objectIds: [site.id] });
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/protected-objects/${site.id}`);
      await expect
        .poll(() => page.getByTestId('protected-object-cases').textContent())
        .toContain('熊猫基地周边违规排污行政公益诉讼案（浏览器测试）');
      expect(await page.getByTestId('protected-object-clues').textContent()).toContain(
        '熊猫基地周边违规排污线索（浏览器测试）',
      );
      await page.getByTestId('protected-object-edit-open').click();
      await page.getByTestId('protected-object-edit-name').fill('成都大熊猫繁育研究基地（浏览器测试）');
      await choose(page, 'protected-object-edit-kind', '自然保护地');
      await page.getByTestId('protected-object-edit-submit').click();
      await expect
        .poll(() => page.getByTestId('protected-object-title').textContent())
        .toBe('保护对象：成都大熊猫繁育研究基地（浏览器测试）');
      expect(await page.getByTestId('protected-object-kind').textContent()).toBe('自然保护地');
      await settledScreenshot(page, 'pil-depth-03-protected-object');
    } finally {
      await context.close();
    }
  });
});
