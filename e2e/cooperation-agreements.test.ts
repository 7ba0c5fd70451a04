import type { TAgreement } from '@procura/server/consultations/agreement-schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  chinaDay,
  loginThroughPage,
  noDialog,
  serverAndBrowser,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('cooperation-agreements');

const call = apiCaller(() => e2e.server.url);

describe('会签文件 in the browser', () => {
  it('shows an overdue joint meeting, and the next date after a meeting is recorded in the page', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const agreement = await call<TAgreement>(cookie, 'POST', '/api/cooperation-agreements', {
      title: '生态环境修复司法工作合作备忘录',
      bodies: ['区人民法院', '区公安分局', '区生态环境局', '区自然资源局', '区水务局', '区林业局', '本院'],
      mechanisms: ['infoSharing', 'clueTransfer', 'jointMeeting'],
      signedOn: chinaDay(-200),
      meetingEveryMonths: 3,
    });
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/cooperation-agreements`);
      const table = page.getByTestId('agreements-table');
      await expect.poll(() => table.textContent()).toContain('已过期，尚未召开');

      await page.getByTestId(`agreement-meeting-${agreement.id}`).click();
      const date = page.getByRole('dialog').locator('.ant-picker input').first();
      await date.click();
      await date.fill(chinaDay(-1));
      await date.press('Enter');
      await page.getByTestId('agreement-meeting-minutes').fill('通报线索移送情况，商定下季度联合巡查。');
      await page.getByTestId('agreement-meeting-submit').click();
      await noDialog(page);
      await expect.poll(() => table.textContent()).not.toContain('已过期，尚未召开');
      await expect.poll(() => table.textContent()).toContain('1 次');
      await settledScreenshot(page, 'cooperation-agreements');
    } finally {
      await context.close();
    }
  });
});
