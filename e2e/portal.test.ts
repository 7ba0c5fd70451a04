import { rmSync } from 'node:fs';
import { migratedDataDir } from '@procura/db/testing';
import type { TPortalSuggestionDetail } from '@procura/server/portal/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loginCookie,
  type RunningServer,
  startServerProcess,
  stopStartedProcesses,
} from '../apps/cli/src/testing/spawn-server.ts';
import {
  apiCaller,
  choose,
  launchChromium,
  loginThroughPage,
  noDialog,
  settledScreenshot,
} from './browser.ts';

const demoPassword = 'Chenghua2026';

/**
 * This file's server and pages run from 1 August 2026, 10:00 in China (not e2eNow): a
 * suggestion opened that day has its two-month reply deadline end on 1 October, inside the 国庆
 * holiday, so the engine moves it to the first working day after it (8 October).
 */
const holidayNow = new Date('2026-08-01T10:00:00+08:00');
const e2e = { dataDir: migratedDataDir('procura-e2e-portal-') } as {
  dataDir: string;
  server: RunningServer;
  browser: Browser;
};
beforeAll(async () => {
  [e2e.server, e2e.browser] = await Promise.all([
    startServerProcess({ PROCURA_DATA_DIR: e2e.dataDir, PROCURA_CLOCK: holidayNow.toISOString() }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await e2e.browser?.close();
  if (e2e.server && e2e.server.child.exitCode === null) {
    e2e.server.child.kill('SIGTERM');
    await e2e.server.exited;
  }
  await stopStartedProcesses();
  rmSync(e2e.dataDir, { recursive: true, force: true });
});

async function newContext(): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await context.clock.install({ time: holidayNow });
  await context.clock.resume();
  return context;
}

const call = apiCaller(() => e2e.server.url);

/** A minimal JPEG (its signature is what the upload checks): the rectification photo. */
const photo = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

/** Creates an account of role 外部单位 with its own password (changed once, as on first login). */
async function organisationAccount(admin: string, username: string): Promise<void> {
  await call(admin, 'POST', '/api/users', {
    username,
    displayName: `${username}（测试）`,
    role: 'organisation',
    departmentId: null,
    password: 'Initial2026pw',
  });
  const first = await loginCookie(e2e.server.url, username, 'Initial2026pw');
  const changed = await fetch(`${e2e.server.url}/api/auth/password`, {
    method: 'POST',
    headers: { cookie: first, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: 'Initial2026pw', newPassword: 'Outside2026pwNew' }),
  });
  expect(changed.status).toBe(204);
}

async function signInAtPortal(context: BrowserContext, username: string, password: string) {
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/portal`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/portal/suggestions');
  return page;
}

describe('外部单位门户 in the browser', () => {
  it('区市场监督管理局 opens the suggestion (deadline moved past 国庆), replies with a photo, sees it adopted; another organ sees nothing', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const admin = await loginCookie(e2e.server.url, 'admin', demoPassword);
    const { items } = await call<{ items: { id: number; name: string }[] }>(
      admin,
      'POST',
      '/api/organisations',
      { name: '成都市成华区市场监督管理局', kind: 'administrative', usernames: ['org1'] },
    );
    const organisationId = items.find((o) => o.name === '成都市成华区市场监督管理局')!.id;
    await organisationAccount(admin, 'eduorgan');
    await call(admin, 'POST', '/api/organisations', {
      name: '成都市成华区教育局',
      kind: 'education',
      usernames: ['eduorgan'],
    });

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

    // The prosecutor addresses it to the organ in the suggestion's details on the case page.
    const prosecutor = await newContext();
    try {
      const inside = await prosecutor.newPage();
      await loginThroughPage(inside, e2e.server.url, 'head5', demoPassword);
      await inside.goto(`${e2e.server.url}/cases/${opened.id}`);
      await inside.getByTestId('case-suggestions').locator('.ant-table-row-expand-icon').first().click();
      await choose(inside, `portal-recipient-select-${drafted.id}`, '成都市成华区市场监督管理局（行政机关）');
      await expect
        .poll(() => inside.getByTestId(`portal-recipient-read-${drafted.id}`).textContent())
        .toContain('尚未签收');
      await settledScreenshot(inside, 'portal-addressed');
    } finally {
      await prosecutor.close();
    }
    const addressed = await call<TSuggestion>(head, 'GET', `/api/suggestions/${drafted.id}`);
    expect(addressed.portalRecipient?.organisation.id).toBe(organisationId);

    const context = await newContext();
    try {
      const page = await signInAtPortal(context, 'org1', demoPassword);
      await expect
        .poll(() => page.getByTestId(`portal-open-${drafted.id}`).textContent())
        .toContain('签收并查看');
      await page.getByTestId(`portal-open-${drafted.id}`).click();
      // Opened on 1 August: two months end on 1 October (国庆), moved to the first working day.
      const deadline = page.getByTestId('portal-deadline');
      await expect.poll(() => deadline.textContent()).toContain('2026-10-08 前书面回复');
      expect(await deadline.textContent()).toContain('国庆节');

      await page
        .getByTestId('portal-evidence')
        .locator('input[type=file]')
        .setInputFiles({ name: '整改照片.jpg', mimeType: 'image/jpeg', buffer: photo });
      await expect.poll(() => page.getByTestId('portal-evidence').textContent()).toContain('整改照片.jpg');
      await page.getByTestId('portal-reply-content').fill('已对涉事商户立案查处，平台已下架无证商户。');
      await page.getByTestId('portal-reply-submit').click();
      await expect
        .poll(() => page.getByTestId('portal-suggestion').textContent())
        .toContain('已对涉事商户立案查处');
      await settledScreenshot(page, 'portal-replied');

      // The prosecutor sees the reply, the photo and the delivery, and marks it adopted (整改到位).
      const inside = await call<TSuggestion>(head, 'GET', `/api/suggestions/${drafted.id}`);
      expect(inside.state).toBe('replied');
      expect(inside.deliveredOn).toBe('2026-08-01');
      expect(inside.replyDue).toBe('2026-10-08');
      expect(inside.replyAttachments.map((a) => a.fileName)).toEqual(['整改照片.jpg']);
      await call(head, 'POST', `/api/suggestions/${drafted.id}/rectification`, {
        result: 'fullyRectified',
        followUp: 'none',
      });

      await page.reload();
      await page.getByTestId(`portal-open-${drafted.id}`).click();
      await expect.poll(() => page.getByTestId('portal-rectification').textContent()).toContain('整改到位');
      expect(await page.getByTestId('portal-suggestion').textContent()).toContain('已办结');
      await settledScreenshot(page, 'portal-adopted');
    } finally {
      await context.close();
    }

    // The education bureau's account does not see it, in the page or by its id.
    const other = await newContext();
    try {
      const page = await signInAtPortal(other, 'eduorgan', 'Outside2026pwNew');
      await expect
        .poll(() => page.getByTestId('portal-suggestions-table').textContent())
        .toContain('暂无送达本单位的检察建议');
      expect(await page.getByTestId(`portal-open-${drafted.id}`).count()).toBe(0);
    } finally {
      await other.close();
    }
    const eduCookie = await loginCookie(e2e.server.url, 'eduorgan', 'Outside2026pwNew');
    const probe = await fetch(`${e2e.server.url}/api/portal/suggestions/${drafted.id}`, {
      headers: { cookie: eduCookie },
    });
    expect(probe.status).toBe(404);
    const org1 = await loginCookie(e2e.server.url, 'org1', demoPassword);
    const seen = await call<TPortalSuggestionDetail>(org1, 'GET', `/api/portal/suggestions/${drafted.id}`);
    expect(seen.rectificationLabel).toBe('整改到位');
  });

  it('the admin registers an organisation in its page; it asks for an extension, the prosecutor grants it, and it sees a linked 磋商', async () => {
    const head = await loginCookie(e2e.server.url, 'head5', demoPassword);
    const chief = await loginCookie(e2e.server.url, 'chief', demoPassword);
    const admin = await loginCookie(e2e.server.url, 'admin', demoPassword);
    await organisationAccount(admin, 'housingorgan');

    const adminContext = await newContext();
    try {
      const page = await adminContext.newPage();
      await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
      await page.goto(`${e2e.server.url}/admin/organisations`);
      await page.getByTestId('organisation-create-open').click();
      await page.getByTestId('organisation-name').fill('成都市成华区住房和城乡建设局');
      await choose(page, 'organisation-kind', '行政机关');
      await page.getByTestId('organisation-usernames').locator('input').fill('housingorgan');
      await page.getByTestId('organisation-usernames').locator('input').press('Enter');
      await page.getByTestId('organisation-create-submit').click();
      await noDialog(page);
      await expect
        .poll(() => page.getByTestId('organisations-table').textContent())
        .toContain('成都市成华区住房和城乡建设局');
      expect(await page.getByTestId('organisation-account-housingorgan').count()).toBe(1);
      await settledScreenshot(page, 'portal-organisations');
    } finally {
      await adminContext.close();
    }
    const { items } = await call<{ items: { id: number; name: string }[] }>(
      admin,
      'GET',
      '/api/organisations',
    );
    const organisationId = items.find((o) => o.name === '成都市成华区住房和城乡建设局')!.id;

    const opened = await call<{ id: number }>(head, 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某建筑工地扬尘污染行政公益诉讼案',
    });
    await call(head, 'POST', `/api/cases/${opened.id}/events`, {
      kind: 'investigationReport',
      note: '调查终结，建议提出诉前检察建议',
    });
    const drafted = await call<TSuggestion>(head, 'POST', '/api/suggestions', {
      caseId: opened.id,
      kind: 'preLitigation',
      addressee: '成都市成华区住房和城乡建设局',
      facts: '本院在履行职责中发现，辖区多个建筑工地未落实扬尘防治措施。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法督促建设单位落实扬尘防治措施。',
    });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/submit`);
    await call(chief, 'POST', `/api/suggestions/${drafted.id}/approve`, { note: '同意' });
    await call(head, 'POST', `/api/suggestions/${drafted.id}/issue`);
    await call(head, 'PUT', `/api/suggestions/${drafted.id}/organisation`, { organisationId });
    const consultation = await call<{ consultations: { id: number }[] }>(
      head,
      'POST',
      `/api/cases/${opened.id}/consultations`,
      {
        kind: 'consultation',
        heldOn: '2026-07-30',
        bodies: ['成都市成华区住房和城乡建设局', '成都市成华区人民检察院'],
        topic: '建筑工地扬尘治理',
        agreed: '住建局同意在九月底前完成辖区工地扬尘整治',
        actionDueOn: '2026-09-30',
      },
    );
    const consultationId = consultation.consultations.at(-1)!.id;

    // The organisation opens the suggestion and asks for an extension in the page.
    const organ = await newContext();
    try {
      const page = await signInAtPortal(organ, 'housingorgan', 'Outside2026pwNew');
      await page.getByTestId(`portal-open-${drafted.id}`).click();
      await expect.poll(() => page.getByTestId('portal-deadline').textContent()).toContain('2026-10-08');
      await page.getByTestId('portal-extension-open').click();
      await page.getByTestId('portal-extension-date').fill('2026-10-30');
      await page.getByTestId('portal-extension-date').press('Enter');
      await page.getByTestId('portal-extension-reason').fill('涉及工地较多，需协调建设单位分批整改');
      await page.getByTestId('portal-extension-submit').click();
      await noDialog(page);
      await expect.poll(() => page.getByTestId('portal-extensions').textContent()).toContain('待审查');

      // The prosecutor grants it in the suggestion's details and links the 磋商 to the organ.
      const prosecutor = await newContext();
      try {
        const inside = await prosecutor.newPage();
        await loginThroughPage(inside, e2e.server.url, 'head5', demoPassword);
        await inside.goto(`${e2e.server.url}/cases/${opened.id}`);
        await inside.getByTestId('case-suggestions').locator('.ant-table-row-expand-icon').first().click();
        const requests = inside.getByTestId(`extension-requests-${drafted.id}`);
        await requests.getByRole('button', { name: '同意延期' }).click();
        await inside.getByTestId('extension-decision-note').fill('工地数量较多，同意延期');
        await inside.getByTestId('extension-decision-submit').click();
        await noDialog(inside);
        await expect.poll(() => requests.textContent()).toContain('已同意延期');
        // The suggestion's reply deadline shows the new day and the engine's new explanation.
        await expect
          .poll(() => inside.getByTestId(`suggestion-reply-due-${drafted.id}`).first().textContent())
          .toContain('经批准延期');
        await inside.getByTestId(`consultation-organisations-edit-${consultationId}`).click();
        // A multiple select stays open after a choice: pick, then close it.
        await inside.getByTestId(`consultation-organisations-select-${consultationId}`).click();
        await inside
          .locator('.ant-select-dropdown:visible')
          .getByText('成都市成华区住房和城乡建设局', { exact: true })
          .click();
        await inside.keyboard.press('Escape');
        await inside.getByTestId(`consultation-organisations-save-${consultationId}`).click();
        await expect
          .poll(() => inside.getByTestId(`consultation-organisations-${consultationId}`).textContent())
          .toContain('成都市成华区住房和城乡建设局');
        await settledScreenshot(inside, 'portal-prosecutor-extension');
      } finally {
        await prosecutor.close();
      }

      await page.reload();
      await page.getByTestId(`portal-open-${drafted.id}`).click();
      await expect.poll(() => page.getByTestId('portal-extensions').textContent()).toContain('已同意延期');
      expect(await page.getByTestId('portal-deadline').textContent()).toContain('2026-10-30 前书面回复');
      expect(await page.getByTestId('portal-deadline').textContent()).toContain('工地数量较多，同意延期');
      await settledScreenshot(page, 'portal-extension-granted');
      await page.goto(`${e2e.server.url}/portal/consultations`);
      await expect
        .poll(() => page.getByTestId('portal-consultations-table').textContent())
        .toContain('住建局同意在九月底前完成辖区工地扬尘整治');
      expect(await page.getByTestId('portal-consultations-table').textContent()).toContain('2026-09-30');
      await settledScreenshot(page, 'portal-consultations');
    } finally {
      await organ.close();
    }
  });
});
