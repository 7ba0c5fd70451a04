import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TConsultations } from '@procura/server/consultations/schema';
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
const e2e = serverAndBrowser('pil-consultations');

const call = apiCaller(() => e2e.server.url);

describe('诉前磋商 in the browser', () => {
  it('a consultation past its deadline shows overdue until the prosecutor records the follow-up check', async () => {
    const cookie = await loginCookie(e2e.server.url, 'prosecutor5a', demoPassword);
    const opened = await call<TCaseDetail>(cookie, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某区网络餐饮平台无证经营行政公益诉讼案',
    });
    await call<TConsultations>(cookie, 'POST', `/api/cases/${opened.id}/consultations`, {
      kind: 'consultation',
      heldOn: chinaDay(-20),
      bodies: ['成都市成华区市场监督管理局'],
      agreed: '区市场监管局同意对辖区网络餐饮无证经营户开展专项检查并依法查处',
      actionDueOn: chinaDay(-2),
    });

    const agreement = await call<{ id: number; title: string }>(
      cookie,
      'POST',
      '/api/cooperation-agreements',
      {
        title: '关于加强食品安全领域公益诉讼协作的意见',
        bodies: ['成都市成华区市场监督管理局', '本院'],
        mechanisms: ['infoSharing', 'clueTransfer'],
        signedOn: chinaDay(-100),
      },
    );

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, e2e.server.url, 'prosecutor5a', demoPassword);
      await page.goto(`${e2e.server.url}/cases/${opened.id}`);
      const section = page.getByTestId('case-consultations');
      await expect.poll(() => section.textContent()).toContain('已逾期，待核查');

      const list = await call<TConsultations>(cookie, 'GET', `/api/cases/${opened.id}/consultations`);
      await page.getByTestId(`check-consultation-${list.consultations[0]!.id}`).click();
      const date = page.getByRole('dialog').locator('.ant-picker input').first();
      await date.click();
      await date.fill(chinaDay(0));
      await date.press('Enter');
      await choose(page, 'consultation-check-result', '已整改到位');
      await page.getByTestId('consultation-check-submit').click();
      await noDialog(page);
      await expect.poll(() => section.textContent()).toContain('已核查：已整改到位');

      // The case came under a cooperation agreement: cite it from the section.
      await choose(page, 'case-agreement-select', agreement.title);
      await expect
        .poll(
          async () =>
            (
              await call<{ agreement: { id: number } | null }>(
                cookie,
                'GET',
                `/api/cases/${opened.id}/cooperation-agreement`,
              )
            ).agreement?.id,
        )
        .toBe(agreement.id);
      await settledScreenshot(page, 'pil-consultations');
    } finally {
      await context.close();
    }
  });
});
