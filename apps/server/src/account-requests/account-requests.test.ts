import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../bootstrap/demo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TAccountRequestDecided, TAccountRequestPending } from './schema.ts';

interface ErrorBody {
  code: string;
  message: string;
}

const adminPassword = 'Adminknows2026';
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe.each(testEngines())('leadership accounts need the chief (%s)', (kind) => {
  let t: TestApp;
  let admin: string;
  let chief: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
    chief = await t.login('chief');
  });
  afterAll(() => t.close());

  const as = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const attempt = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const decide = (id: number, approve: boolean, cookie = chief, note?: string) =>
    as(cookie, 'POST', `/api/account-requests/${id}/decision`, { approve, ...(note ? { note } : {}) });
  const userCount = async () =>
    (await t.database.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
  const userRow = async (username: string) =>
    (
      await t.database.query<{ id: number; role: string }>('select id, role from users where username = $1', [
        username,
      ])
    )[0];
  async function createBody(role: string) {
    serial += 1;
    return {
      username: `leader${serial}`,
      displayName: `领导${serial}`,
      role,
      departmentId: null,
      password: adminPassword,
    };
  }
  async function plainUser(): Promise<{ id: number; username: string }> {
    serial += 1;
    const username = `plain${serial}`;
    const response = await as(admin, 'POST', '/api/users', {
      username,
      displayName: '普通用户',
      role: 'prosecutor',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(response.statusCode, response.body).toBe(201);
    return { id: response.json<{ id: number }>().id, username };
  }

  it('the admin can no longer create a chief and log in as it; the chief is told', async () => {
    const before = await userCount();
    const body = await createBody('chief');
    const response = await as(admin, 'POST', '/api/users', body);
    expect(response.statusCode, response.body).toBe(202);
    const pending = response.json<TAccountRequestPending>();
    expect(hasChinese(pending.message)).toBe(true);
    expect(pending.accountRequest).toMatchObject({
      kind: 'create',
      status: 'pending',
      role: 'chief',
      username: body.username,
    });
    expect(await userCount()).toBe(before);
    expect((await attempt(body.username, adminPassword)).statusCode).toBe(401);

    const notices = (await as(chief, 'GET', '/api/notifications')).json<{
      items: { text: string; link: string }[];
    }>();
    expect(notices.items.some((n) => n.text.includes(body.username) && n.link === '/account-requests')).toBe(
      true,
    );
    const listed = (await as(chief, 'GET', '/api/account-requests')).json<{ items: { id: number }[] }>();
    expect(listed.items.map((i) => i.id)).toContain(pending.accountRequest.id);
  });

  it('once the chief approves, the account exists with a password only the chief saw; every step audited', async () => {
    const body = await createBody('deputyChief');
    const { accountRequest } = (await as(admin, 'POST', '/api/users', body)).json<TAccountRequestPending>();
    const decided = await decide(accountRequest.id, true);
    expect(decided.statusCode, decided.body).toBe(200);
    const { password, accountRequest: after } = decided.json<TAccountRequestDecided>();
    expect(after).toMatchObject({ status: 'approved', decidedBy: '林正（演示）' });
    expect(password).toMatch(/^.{10,}$/);
    expect(password).not.toBe(adminPassword);
    expect((await attempt(body.username, adminPassword)).statusCode).toBe(401);
    const login = await attempt(body.username, password!);
    expect(login.statusCode).toBe(200);
    expect(login.json<{ user: { role: string; mustChangePassword: boolean } }>().user).toMatchObject({
      role: 'deputyChief',
      mustChangePassword: true,
    });
    const audit = await t.database.query<{ action: string; actor_name: string }>(
      `select action, actor_name from audit_log where (target_type = 'accountRequest' and target_id = $1)
         or (target_type = 'user' and target_id = $2) order by id`,
      [String(accountRequest.id), String(after.userId)],
    );
    expect(
      audit.filter((a) => !a.action.startsWith('auth.')).map((a) => `${a.action}:${a.actor_name}`),
    ).toEqual([
      'accountRequest.create:系统管理员（演示）',
      'user.create:林正（演示）',
      'accountRequest.approve:林正（演示）',
    ]);
    // Decided once: a second decision is refused.
    expect((await decide(accountRequest.id, false)).statusCode).toBe(409);
    const notices = (await as(admin, 'GET', '/api/notifications')).json<{ items: { text: string }[] }>();
    expect(notices.items.some((n) => n.text.includes('批准') && n.text.includes(body.username))).toBe(true);
  });

  it('raising a user to a leadership role waits for the chief; a rejection leaves the role as it was', async () => {
    const user = await plainUser();
    const response = await as(admin, 'PATCH', `/api/users/${user.id}`, { role: 'departmentHead' });
    expect(response.statusCode, response.body).toBe(202);
    expect((await userRow(user.username))!.role).toBe('prosecutor');
    const { accountRequest } = response.json<TAccountRequestPending>();
    const rejected = await decide(accountRequest.id, false, chief, '人选待定');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<TAccountRequestDecided>()).toMatchObject({
      password: null,
      accountRequest: { status: 'rejected', note: '人选待定' },
    });
    expect((await userRow(user.username))!.role).toBe('prosecutor');

    const again = (
      await as(admin, 'PATCH', `/api/users/${user.id}`, { role: 'departmentHead' })
    ).json<TAccountRequestPending>();
    const approved = await decide(again.accountRequest.id, true);
    expect(approved.json<TAccountRequestDecided>().password).toBeNull();
    expect((await userRow(user.username))!.role).toBe('departmentHead');
  });

  it('the admin cannot reset a leader’s password; approved, the chief gets a new one and old sessions end', async () => {
    const headSession = await t.login('head5');
    const response = await as(admin, 'POST', `/api/users/${(await userRow('head5'))!.id}/reset-password`, {
      password: adminPassword,
    });
    expect(response.statusCode, response.body).toBe(202);
    expect((await attempt('head5', adminPassword)).statusCode).toBe(401);
    expect((await attempt('head5', demoPassword)).statusCode).toBe(200);
    const { accountRequest } = response.json<TAccountRequestPending>();
    const { password } = (await decide(accountRequest.id, true)).json<TAccountRequestDecided>();
    expect((await as(headSession, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await attempt('head5', password!)).statusCode).toBe(200);
  });

  it('the chief cannot approve a request about their own account, nor may anyone else decide', async () => {
    const chiefId = (await userRow('chief'))!.id;
    const response = await as(admin, 'POST', `/api/users/${chiefId}/reset-password`, {
      password: adminPassword,
    });
    expect(response.statusCode).toBe(202);
    const { accountRequest } = response.json<TAccountRequestPending>();
    const own = await decide(accountRequest.id, true);
    expect(own.statusCode).toBe(403);
    expect(hasChinese(own.json<ErrorBody>().message)).toBe(true);
    expect((await decide(accountRequest.id, true, await t.login('deputy'))).statusCode).toBe(403);
    expect((await decide(accountRequest.id, true, admin)).statusCode).toBe(403);
    expect((await attempt('chief', demoPassword)).statusCode).toBe(200);
    expect((await decide(999999, true)).statusCode).toBe(404);
  });

  it('the admin cannot ask to make themself a leader', async () => {
    const adminId = (await userRow('admin'))!.id;
    const response = await as(admin, 'PATCH', `/api/users/${adminId}`, { role: 'chief' });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().message).toBe('不能修改自己的角色');
    expect(
      (await as(chief, 'GET', '/api/account-requests'))
        .json<{ items: { username: string }[] }>()
        .items.map((i) => i.username),
    ).not.toContain('admin');
  });

  it('refuses a second request for the same account while one is pending', async () => {
    const body = await createBody('departmentHead');
    expect((await as(admin, 'POST', '/api/users', body)).statusCode).toBe(202);
    const second = await as(admin, 'POST', '/api/users', body);
    expect(second.statusCode).toBe(409);
    expect(hasChinese(second.json<ErrorBody>().message)).toBe(true);
  });
});
