import { openDatabase } from '@procura/db';
import { describe, expect, it } from 'vitest';
import { runCli } from '../apps/cli/src/testing/spawn-server.ts';
import { choose, loginThroughPage, screenshot, serverAndBrowser } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('foundation');

describe('foundation in the browser', () => {
  it('admin creates a user, the user signs in, and the audit log shows both; tampering is caught', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    // The login page shows the procuratorate and, in demo mode, the demo accounts.
    await page.goto(`${e2e.server.url}/login`);
    await expect
      .poll(() => page.getByTestId('login-heading').textContent())
      .toContain('成都市成华区人民检察院');
    await expect.poll(() => page.getByText('演示数据').first().isVisible()).toBe(true);
    await screenshot(page, '01-login');

    // Wrong password: a Chinese error, still on the login page.
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
    const menu = page.getByTestId('side-menu');
    await expect.poll(() => menu.textContent()).toContain('用户管理');
    expect(await menu.textContent()).toContain('审计日志');

    // Create a user in 第五检察部.
    await menu.getByText('用户管理').click();
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('create-user-form');
    await form.getByLabel('用户名').fill('wangfang');
    await form.getByLabel('姓名').fill('王芳');
    await choose(page, form.getByLabel('角色'), '检察官');
    await choose(page, form.getByLabel('部门'), '第五检察部');
    await form.getByLabel('初始密码').fill('Welcome2026a');
    await screenshot(page, '02-create-user');
    await page.getByTestId('create-user-submit').click();
    const table = page.getByTestId('users-table');
    await expect.poll(() => table.textContent()).toContain('王芳');
    expect(await table.locator('tr', { hasText: 'wangfang' }).textContent()).toContain('第五检察部');
    await screenshot(page, '03-users');

    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // The new user must replace the initial password before anything else.
    await loginThroughPage(page, e2e.server.url, 'wangfang', 'Welcome2026a');
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByTestId('password-current').fill('Welcome2026a');
    await page.getByTestId('password-new').fill('Foundation2027b');
    await page.getByTestId('password-confirm').fill('Foundation2027b');
    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('welcome-card').textContent()).toContain('王芳');
    // A prosecutor has no administration pages in the menu.
    const prosecutorMenu = await page.getByTestId('side-menu').textContent();
    expect(prosecutorMenu).not.toContain('用户管理');
    expect(prosecutorMenu).not.toContain('审计日志');
    await screenshot(page, '04-prosecutor-home');
    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // The admin sees both actions in the audit log, and the chain verifies.
    await loginThroughPage(page, e2e.server.url, 'admin', demoPassword);
    await page.getByTestId('side-menu').getByText('审计日志').click();
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.textContent()).toContain('创建用户');
    const text = (await audit.textContent()) ?? '';
    expect(text).toContain('王芳');
    expect(text).toContain('修改密码');
    expect(text).toContain('127.0.0.1');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('审计链完整');
    await screenshot(page, '05-audit');
    await context.close();

    // Tamper with one audit row behind the application's back: the CLI names it.
    e2e.server.child.kill('SIGTERM');
    await e2e.server.exited;
    const database = await openDatabase({ dataDir: e2e.dataDir });
    let tamperedId: number;
    try {
      const [row] = await database.query<{ id: number }>(
        `select id from audit_log where action = 'user.create' order by id desc limit 1`,
      );
      tamperedId = row!.id;
      await database.query('alter table audit_log disable trigger audit_log_append_only');
      await database.query(`update audit_log set detail = '{"role":"chief"}' where id = $1`, [tamperedId]);
    } finally {
      await database.close();
    }
    const verify = await runCli(['audit', 'verify'], { PROCURA_DATA_DIR: e2e.dataDir });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`第 ${tamperedId} 号记录`);
  });
});
