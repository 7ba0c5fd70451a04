import type { TSuggestion } from '@procura/server/suggestions/schema';
import { describe, expect, it } from 'vitest';
import { loginCookie } from '../apps/cli/src/testing/spawn-server.ts';
import { apiCaller, serverAndBrowser, settledScreenshot } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('portal');

const call = apiCaller(() => e2e.server.url);

describe('外部单位门户 in the browser', () => {
  it('the organ signs in at /portal, opening the suggestion starts its reply deadline, and it replies online', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const admin = await loginCookie(e2e.server.url, 'admin', demoPassword);
    const { items } = await call<{ items: { id: number; name: string }[] }>(
      admin,
      'POST',
      '/api/organisations',
      {
        name: '成都市成华区市场监督管理局',
        kind: 'administrative',
        usernames: ['org1'],
      },
    );
    const organisationId = items.find((o) => o.name === '成都市成华区市场监督管理局')!.id;
    const opened = await call<{ id: number }>(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某网络餐饮平台无证经营行政公益诉讼案',
    });
    await call(head, 'POST', `/api/cases/${opened.id}/events`, {
      kind: 'investigationReport',
      note: '调查终结，建议提出诉前检察建议',
    });
    const drafted = await call<TSuggestion>(head, 'POST', '/api/suggestions', {
      caseId: opened.id,
      kind: 'preLitigation',
      addressee: '成都市成华区市场监督管理局',
      facts: '本院在履行职责中发现，辖区网络餐饮平台多家商户未取得食品经营许可证从事经营。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法查处无证经营行为，并加强对网络餐饮平台的日常监管。',
    });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/submit`);
    await call(chief, 'POST', `/api/suggestions/${drafted.id}/approve`, { note: '同意' });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/issue`);
    await call(head, 'PUT', `/api/suggestions/${drafted.id}/organisation`, { organisationId });

    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.server.url}/portal`);
      await page.getByTestId('login-username').fill('org1');
      await page.getByTestId('login-password').fill(demoPassword);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/portal/suggestions');
      await page.getByTestId(`portal-open-${drafted.id}`).click();
      await expect.poll(() => page.getByTestId('portal-deadline').textContent()).toContain('前书面回复');
      await page.getByTestId('portal-reply-content').fill('已对涉事商户立案查处，平台已下架无证商户。');
      await page.getByTestId('portal-reply-submit').click();
      await expect
        .poll(() => page.getByTestId('portal-suggestion').textContent())
        .toContain('已对涉事商户立案查处');
      await settledScreenshot(page, 'portal-replied');
    } finally {
      await context.close();
    }
    const inside = await call<TSuggestion>(head, 'GET', `/api/suggestions/${drafted.id}`);
    expect(inside.state).toBe('replied');
    expect(inside.deliveredOn).not.toBeNull();
    expect(inside.replyContent).toBe('已对涉事商户立案查处，平台已下架无证商户。');
  });
});
