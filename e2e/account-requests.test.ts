import { describe, expect, it } from 'vitest';
import { choose, loginThroughPage, screenshot, serverAndBrowser } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('account-requests');

describe('leadership accounts in the browser', () => {
  it('the admin’s new deputy chief waits for the chief, who approves it and alone sees the password', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    // The admin asks for a 副检察长 account with a password of the admin's choosing.
    await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
    await page.getByTestId('side-menu').getByText('用户管理').click();
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('create-user-form');
    await form.getByLabel('用户名').fill('zhaoqiang');
    await form.getByLabel('姓名').fill('赵强');
    await choose(page, form.getByLabel('角色'), '副检察长');
    await form.getByLabel('初始密码').fill('Adminknows2026');
    await page.getByTestId('create-user-submit').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提交检察长审批');
    await screenshot(page, 'account-requests-01-admin-asked');
    expect(await page.getByTestId('users-table').textContent()).not.toContain('zhaoqiang');
    // The admin's password opens nothing.
    const adminTry = await fetch(`${e2e.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhaoqiang', password: 'Adminknows2026' }),
    });
    expect(adminTry.status).toBe(401);
    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // The chief finds the request under 账号审批 and approves it; the password is shown once.
    await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
    await page.getByTestId('side-menu').getByText('账号审批').click();
    const table = page.getByTestId('account-requests-table');
    await expect.poll(() => table.textContent()).toContain('赵强（zhaoqiang）');
    expect(await table.textContent()).toContain('副检察长');
    await screenshot(page, 'account-requests-02-chief-pending');
    await page.getByTestId('approve-zhaoqiang').click();
    const shown = page.getByTestId('issued-password');
    await expect.poll(() => shown.isVisible()).toBe(true);
    const password = ((await shown.textContent()) ?? '').trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'account-requests-03-approved');
    await page.getByTestId('issued-password-close').click();
    await expect.poll(() => table.textContent()).not.toContain('zhaoqiang');
    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // The new deputy chief signs in with the chief's password and must replace it first.
    await loginThroughPage(page, e2e.server.url, 'zhaoqiang', password);
    await page.waitForURL((url) => url.pathname === '/password');
    await context.close();
  });
});
