import { readFile } from 'node:fs/promises';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { THearing, TOfficer } from '@procura/server/hearings/schema';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
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
const e2e = serverAndBrowser('dispute-hearing');

const call = apiCaller(() => e2e.server.url);

/** Types a day into the date picker of the open dialog (the n-th picker in it). */
async function pickDay(page: Page, day: string, nth = 0): Promise<void> {
  const input = page.getByRole('dialog').locator('.ant-picker input').nth(nth);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('行政争议实质性化解 with a public hearing in the browser', () => {
  it('a dispute invited at 复议 is resolved through a hearing of three officers drawn from the pool: minutes .docx, 撤诉', async () => {
    // The pool, kept by the department head: four officers, one working for the organ in dispute.
    const head = await loginCookie(e2e.server.url, 'head4', demoPassword);
    const pool: TOfficer[] = [];
    for (const [name, occupation, organisation] of [
      ['周某', '人大代表', '成都市某中学'],
      ['吴某', '律师', '四川某律师事务所'],
      ['郑某', '人民监督员', '某社区居委会'],
      ['钱某', '政协委员', '成都市成华区某街道办事处'],
    ] as const) {
      pool.push(
        await call<TOfficer>(head, 'POST', '/api/hearing-officers', { name, occupation, organisation }),
      );
    }
    const related = pool[3]!;

    const cookie = await loginCookie(e2e.server.url, 'prosecutor4', demoPassword);
    const opened = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'adminDisputeResolution',
      phase: 'preLitigation',
      title: '张某某不服限期拆除决定行政争议化解案',
    });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor4', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${opened.id}`);

      // The dispute as the 司法局 referred it at 行政复议.
      await page.getByTestId('edit-dispute').click();
      await page.getByTestId('dispute-referred-by').fill('成都市成华区司法局');
      await page.getByTestId('dispute-parties').fill('当事人：张某某\n行政机关：成都市成华区某街道办事处');
      await page.getByTestId('dispute-organ').fill('成都市成华区某街道办事处');
      await page.getByTestId('dispute-act').fill('限期拆除决定');
      await page.getByTestId('dispute-focus').fill('拆除决定认定的建筑是否属于违法建筑');
      await page.getByTestId('dispute-submit').click();
      await noDialog(page);
      const dispute = page.getByTestId('admin-dispute');
      await expect.poll(() => dispute.textContent()).toContain('诉前（行政复议阶段，司法行政机关邀请）');
      await expect.poll(() => dispute.textContent()).toContain('成都市成华区司法局');

      // The hearing, then three officers drawn from the pool: the organ's employee is left out.
      await page.getByTestId('add-hearing').click();
      await page.getByTestId('hearing-question').fill('限期拆除决定是否合法、争议如何实质性化解');
      await pickDay(page, chinaDay(-2));
      await page.getByTestId('hearing-place').fill('本院听证室');
      await page
        .getByTestId('hearing-participants')
        .fill('当事人：张某某\n行政机关：成都市成华区某街道办事处');
      await page.getByTestId('hearing-submit').click();
      await noDialog(page);
      const hearings = await call<THearing[]>(cookie, 'GET', `/api/cases/${opened.id}/hearings`);
      const hearingId = hearings[0]!.id;
      const card = page.getByTestId(`hearing-${hearingId}`);
      await card.getByTestId('draw-officers').click();
      await page.getByTestId('draw-submit').click();
      await noDialog(page);
      const panel = card.getByTestId('hearing-panel');
      await expect.poll(() => panel.locator('tbody tr.ant-table-row').count()).toBe(3);
      expect(await panel.textContent()).not.toContain(related.name);
      expect(await panel.textContent()).toContain('随机抽取（种子');

      // Choosing the employee by hand is refused, naming the relation.
      await card.getByTestId('choose-officer').click();
      await choose(page, 'choose-officer-select', `${related.name}（政协委员，成都市成华区某街道办事处）`);
      await page.getByRole('dialog').locator('textarea').fill('熟悉辖区情况');
      await page.getByTestId('choose-officer-submit').click();
      await expect
        .poll(() => page.getByTestId('choose-officer-error').textContent())
        .toContain(`听证员${related.name}的工作单位“成都市成华区某街道办事处”是本案当事人`);
      await page.keyboard.press('Escape');
      await noDialog(page);

      // A notice sent before the hearing; the officers' opinions; the minutes and how they were used.
      await card.getByTestId('add-notice').click();
      await page.getByTestId('notice-recipient').fill('张某某');
      await pickDay(page, chinaDay(-9));
      await page.getByTestId('notice-submit').click();
      await noDialog(page);
      const seated = (await call<THearing>(cookie, 'GET', `/api/hearings/${hearingId}`)).panel;
      for (const seat of seated) {
        await call(cookie, 'PUT', `/api/hearings/${hearingId}/officers/${seat.officerId}/opinion`, {
          opinion: `${seat.name}认为：拆除决定程序合法，建议街道办事处对张某某的合理诉求予以回应。`,
        });
      }
      await page.reload();
      await card.getByTestId('edit-minutes').click();
      await page
        .getByTestId('minutes-text')
        .fill('主持人宣布听证开始。\n张某某陈述诉求，街道办事处说明拆除依据。');
      await page.getByTestId('minutes-decision-use').fill('采纳听证员意见，促成街道办事处与张某某达成协议。');
      await page.getByTestId('minutes-submit').click();
      await noDialog(page);

      // The 听证笔录 .docx downloads and carries the hearing, the officers and their opinions.
      await card.getByTestId('generate-minutes').click();
      const link = card.getByTestId('minutes-download');
      await expect.poll(() => link.count()).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const zip = await JSZip.loadAsync(await readFile((await download.path())!));
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('听证笔录');
      expect(text).toContain('听证事项：限期拆除决定是否合法、争议如何实质性化解');
      expect(text).toContain('张某某陈述诉求');
      expect(text).toContain('通知张某某');
      for (const seat of seated) expect(text).toContain(`听证员${seat.name}：${seat.name}认为`);
      expect(text).toContain('采纳听证员意见');

      // The means (公开听证 linked to the hearing) and the outcome: 撤诉, counted as resolved.
      await call(cookie, 'PUT', `/api/cases/${opened.id}/admin-dispute`, {
        referredBy: '成都市成华区司法局',
        parties: [
          { name: '张某某', role: 'party' },
          { name: '成都市成华区某街道办事处', role: 'organ' },
        ],
        administrativeOrgan: '成都市成华区某街道办事处',
        administrativeAct: '限期拆除决定',
        disputeFocus: '拆除决定认定的建筑是否属于违法建筑',
        means: ['publicHearing', 'explanation'],
      });
      await page.reload();
      await expect.poll(() => page.getByTestId('dispute-means-list').textContent()).toContain('公开听证');
      // A joint meeting (会商) with the 司法局 and the street office.
      await page.getByTestId('add-meeting').click();
      await pickDay(page, chinaDay(-1));
      await page.getByTestId('meeting-bodies').fill('成都市成华区司法局\n成都市成华区某街道办事处');
      await page.getByTestId('meeting-minutes').fill('各方同意街道办事处依法补偿，张某某撤回复议申请。');
      await page.getByTestId('meeting-submit').click();
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('dispute-meetings').textContent())
        .toContain('成都市成华区司法局、成都市成华区某街道办事处');

      await page.getByTestId('record-dispute-outcome').click();
      await choose(page, 'dispute-outcome-select', '撤诉');
      await pickDay(page, chinaDay(-1));
      await page.getByTestId('dispute-outcome-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('dispute-outcome').textContent()).toContain('撤诉');
      await expect
        .poll(() => page.getByTestId('disputes-resolved-count').textContent())
        .toContain('近三年化解 1 起');
      await settledScreenshot(page, 'dispute-hearing-resolved');

      // Published: the list under 听证员库 shows the hearing with the party's name masked.
      await card.getByTestId('publish-hearing').click();
      await expect.poll(() => card.textContent()).toContain('已公开');
      await page.getByTestId('side-menu').getByText('听证员库').click();
      const published = page.getByTestId('published-hearings');
      await expect.poll(() => published.textContent()).toContain('促成街道办事处与张某达成协议');
      expect(await published.textContent()).not.toContain('张某某');
      await settledScreenshot(page, 'dispute-hearing-published');
    } finally {
      await context.close();
    }
  });
  it('a department head keeps the pool through the 听证员库 page, with declared relations', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'head4', demoPassword);
      await page.getByTestId('side-menu').getByText('听证员库').click();
      await page.getByTestId('add-officer').click();
      await page.getByTestId('officer-name').fill('冯某');
      await page.getByTestId('officer-occupation').fill('人民监督员');
      await page.getByTestId('officer-organisation').fill('成都市某建设公司');
      await page.getByTestId('officer-relations').fill('配偶：陈某某\n曾任职：某物业管理公司');
      await page.getByTestId('officer-submit').click();
      await noDialog(page);
      const table = page.getByTestId('officers-table');
      await expect.poll(() => table.textContent()).toContain('冯某');
      expect(await table.textContent()).toContain('配偶：陈某某；曾任职：某物业管理公司');
      await settledScreenshot(page, 'dispute-hearing-officer-pool');
    } finally {
      await context.close();
    }
  });
});
