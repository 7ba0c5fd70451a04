import { testEngines } from '@procura/db/testing';
import type { TRole } from '@procura/domain/roles';
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TUser, TUserList } from './schema.ts';

interface ErrorBody {
  code: string;
  message: string;
}

interface AuditItem {
  id: number;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

const initialPassword = 'Initial2026pw';

/**
 * Waits until this many sessions of the database wait on a lock, retrying like a web-first
 * assertion; fails (rather than going on without the overlap) if they never do.
 */
async function waitForLockWaiters(client: PoolClient, count: number): Promise<void> {
  await vi.waitFor(
    async () => {
      // Inside a transaction the activity view is a snapshot: refresh it on every look.
      await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      expect(rows[0]!.n, 'requests waiting on the held lock').toBeGreaterThanOrEqual(count);
    },
    { timeout: 30_000, interval: 50 },
  );
}

describe.each(testEngines())('user administration (%s)', (kind) => {
  let t: TestApp;
  let adminCookie: string;
  let adminId: number;
  let departmentIds: Map<string, number>;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    adminCookie = await t.login('admin');
    adminId = (await asAdmin('GET', '/api/auth/me')).json<{ id: number }>().id;
    const departments = (await asAdmin('GET', '/api/departments')).json<{ id: number; name: string }[]>();
    departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  });
  afterAll(() => t.close());

  function asAdmin(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: { cookie: adminCookie }, ...(payload ? { payload } : {}) });
  }

  function createBody(overrides: Partial<Record<string, unknown>> = {}) {
    serial += 1;
    return {
      username: `user${serial}`,
      displayName: `用户${serial}`,
      role: 'prosecutor' as TRole,
      departmentId: departmentIds.get('第一检察部')!,
      password: initialPassword,
      ...overrides,
    };
  }

  async function create(overrides: Partial<Record<string, unknown>> = {}): Promise<TUser> {
    const response = await asAdmin('POST', '/api/users', createBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TUser>();
  }

  const patch = (id: number, body: object) => asAdmin('PATCH', `/api/users/${id}`, body);

  const userCount = async () =>
    (await t.database.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;

  /** The audit entries about one user, newest first. */
  async function auditOf(id: number): Promise<AuditItem[]> {
    const response = await asAdmin('GET', `/api/audit?targetType=user&targetId=${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: AuditItem[] }>().items;
  }

  function expectAdminEntry(entry: AuditItem | undefined, action: string, id: number) {
    expect(entry).toMatchObject({
      action,
      actorId: adminId,
      actorName: '系统管理员（演示）',
      targetType: 'user',
      targetId: String(id),
      ip: '127.0.0.1',
    });
  }

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('creates a user who must change the password at first login', async () => {
    const body = createBody({ role: 'assistant', departmentId: departmentIds.get('第五检察部') });
    const response = await asAdmin('POST', '/api/users', body);
    expect(response.statusCode).toBe(201);
    const user = response.json<TUser>();
    expect(user).toMatchObject({
      username: body.username,
      displayName: body.displayName,
      role: 'assistant',
      roleLabel: '检察官助理',
      department: { id: departmentIds.get('第五检察部'), name: '第五检察部' },
      disabled: false,
      locked: false,
      mustChangePassword: true,
    });
    const fetched = await asAdmin('GET', `/api/users/${user.id}`);
    expect(fetched.json<TUser>()).toEqual(user);

    const cookie = await t.login(body.username, initialPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);

    const [entry] = await auditOf(user.id).then((items) => items.filter((i) => i.action === 'user.create'));
    expectAdminEntry(entry, 'user.create', user.id);
    expect(entry!.detail).toMatchObject({ username: body.username, role: 'assistant' });
  });

  it('refuses a username already taken, whatever its case, with 409 USERNAME_TAKEN', async () => {
    await create({ username: 'Dup.User' });
    const before = await userCount();
    const response = await asAdmin('POST', '/api/users', createBody({ username: 'dup.USER' }));
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().code).toBe('USERNAME_TAKEN');
    expect(response.json<ErrorBody>().message).toContain('dup.USER');
    expect(await userCount()).toBe(before);
  });

  // create-user.ts checks for the name, then inserts: two requests at once both pass the check
  // and, on PostgreSQL, the unique index turns the loser into a 500 (see the report). To make the
  // overlap certain rather than likely, another connection holds the audit-chain lock, so the
  // first creation waits with its row inserted while the others reach their insert.
  it('refuses the same new username sent several times at once with 409, never 500', async () => {
    const body = createBody({ username: 'race.user' });
    const { driver } = t.database;
    const holder = driver.kind === 'postgres' ? await driver.pool.connect() : undefined;
    try {
      await holder?.query('begin');
      await holder?.query('select pg_advisory_xact_lock(7302)');
      const pending = Promise.all(Array.from({ length: 4 }, () => asAdmin('POST', '/api/users', body)));
      if (holder) await waitForLockWaiters(holder, 4);
      await holder?.query('commit');
      const responses = await pending;
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses, responses.map((r) => r.body).join('\n')).toEqual([201, 409, 409, 409]);
    } finally {
      holder?.release();
    }
  });

  it.each([
    ['too short', 'Short1pw', '至少 10 位'],
    ['without a digit', 'NoDigitsPassword', '字母和数字'],
    ['containing the username', 'weakling-2026', '用户名'],
    ['containing the username reversed', 'Gnilkaew2026', '用户名'],
    ['from the common-password list', 'password12', '常见'],
    ['that is a common word with digits', 'Qwerty1234', '常见'],
    ['with a letter swapped for a digit', 'P@ssw0rd2026!', '常见'],
    ['of one letter repeated', 'Aaaaaaaaa1', '重复'],
    ['naming the procuratorate in pinyin', 'Chenghua2026', '本院名称'],
    ['naming the procuratorate in Chinese', '成华检察院2026ab', '本院名称'],
    ['with its abbreviation', 'Jcy20261203', '本院名称'],
  ])('refuses a password %s with 400 WEAK_PASSWORD naming the rule', async (_case, password, rule) => {
    const before = await userCount();
    const response = await asAdmin('POST', '/api/users', createBody({ username: 'weakling', password }));
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('WEAK_PASSWORD');
    expect(response.json<ErrorBody>().message).toContain(rule);
    expect(await userCount()).toBe(before);
  });

  it('refuses an unknown department with 400', async () => {
    const before = await userCount();
    const response = await asAdmin('POST', '/api/users', createBody({ departmentId: 99999 }));
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('99999');
    expect(await userCount()).toBe(before);

    const user = await create();
    const move = await patch(user.id, { departmentId: 99999 });
    expect(move.statusCode).toBe(400);
    expect((await asAdmin('GET', `/api/users/${user.id}`)).json<TUser>().department?.id).toBe(
      user.department?.id,
    );
  });

  it('moves a user between departments and records user.move', async () => {
    const user = await create();
    const to = departmentIds.get('第四检察部')!;
    const response = await patch(user.id, { departmentId: to });
    expect(response.statusCode).toBe(200);
    expect(response.json<TUser>().department).toEqual({ id: to, name: '第四检察部' });
    const [entry] = await auditOf(user.id);
    expectAdminEntry(entry, 'user.move', user.id);
    expect(entry!.detail).toEqual({ from: user.department!.id, to });

    const out = await patch(user.id, { departmentId: null });
    expect(out.json<TUser>().department).toBeNull();
  });

  it('renames a user and changes the role, recorded as user.update with before and after', async () => {
    const user = await create();
    const response = await patch(user.id, { displayName: ' 新名字 ', role: 'assistant' });
    expect(response.statusCode).toBe(200);
    expect(response.json<TUser>()).toMatchObject({ displayName: '新名字', role: 'assistant' });
    const [entry] = await auditOf(user.id);
    expectAdminEntry(entry, 'user.update', user.id);
    expect(entry!.detail).toEqual({
      from: { displayName: user.displayName, role: 'prosecutor' },
      to: { displayName: '新名字', role: 'assistant' },
    });
  });

  it('an update that changes nothing writes no audit entry', async () => {
    const user = await create();
    const response = await patch(user.id, { displayName: user.displayName, role: user.role });
    expect(response.statusCode).toBe(200);
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(['user.create']);
  });

  it('disabling ends the user’s sessions at once; enabling lets them log in again', async () => {
    const user = await create();
    const cookie = await t.login(user.username, initialPassword);
    const me = () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);

    const disable = await patch(user.id, { disabled: true });
    expect(disable.statusCode).toBe(200);
    expect(disable.json<TUser>().disabled).toBe(true);
    expect((await me()).statusCode).toBe(401);
    expect((await login(user.username, initialPassword)).json<ErrorBody>().code).toBe('ACCOUNT_DISABLED');
    expectAdminEntry((await auditOf(user.id))[0], 'user.disable', user.id);

    const enable = await patch(user.id, { disabled: false });
    expect(enable.json<TUser>().disabled).toBe(false);
    expectAdminEntry((await auditOf(user.id))[0], 'user.enable', user.id);
    expect((await login(user.username, initialPassword)).statusCode).toBe(200);
  });

  it('an admin cannot disable their own account', async () => {
    const response = await patch(adminId, { disabled: true });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().code).toBe('CONFLICT');
    const admin = await asAdmin('GET', `/api/users/${adminId}`);
    expect(admin.statusCode).toBe(200);
    expect(admin.json<TUser>().disabled).toBe(false);
  });

  it('resetting a password ends the user’s sessions, unlocks, and forces a change at next login', async () => {
    const user = await create();
    // The user changes the initial password, so the reset visibly sets the flag again.
    const cookie = await t.login(user.username, initialPassword);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'Ownchoice2026' },
    });
    const other = await t.login(user.username, 'Ownchoice2026');
    for (let i = 0; i < 5; i++) await login(user.username, `Wrong${i}password`);
    expect((await asAdmin('GET', `/api/users/${user.id}`)).json<TUser>().locked).toBe(true);

    const reset = await asAdmin('POST', `/api/users/${user.id}/reset-password`, {
      password: 'Resetby2026admin',
    });
    expect(reset.statusCode).toBe(204);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } });
    expect(me.statusCode).toBe(401);
    const after = (await asAdmin('GET', `/api/users/${user.id}`)).json<TUser>();
    expect(after).toMatchObject({ locked: false, mustChangePassword: true });
    expect((await login(user.username, 'Ownchoice2026')).statusCode).toBe(401);
    const fresh = await login(user.username, 'Resetby2026admin');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const entry = (await auditOf(user.id)).find((e) => e.action === 'user.resetPassword');
    expectAdminEntry(entry, 'user.resetPassword', user.id);
  });

  it('refuses a weak reset password and an unknown user', async () => {
    const user = await create();
    const weak = await asAdmin('POST', `/api/users/${user.id}/reset-password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().code).toBe('WEAK_PASSWORD');
    const missing = await asAdmin('POST', '/api/users/99999/reset-password', {
      password: 'Resetby2026admin',
    });
    expect(missing.statusCode).toBe(404);
    expect((await asAdmin('GET', '/api/users/99999')).statusCode).toBe(404);
    expect((await patch(99999, { displayName: '无人' })).statusCode).toBe(404);
  });

  describe('list', () => {
    const prefix = 'lister';
    beforeAll(async () => {
      const fifth = departmentIds.get('第五检察部')!;
      await create({ username: `${prefix}.a`, displayName: '甲某', role: 'clerk', departmentId: fifth });
      await create({ username: `${prefix}.b`, displayName: '乙某', role: 'clerk', departmentId: null });
      await create({
        username: `${prefix}.c`,
        displayName: '百分%之百',
        role: 'analyst',
        departmentId: fifth,
      });
    });

    const list = async (query: string) => {
      const response = await asAdmin('GET', `/api/users?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<TUserList>();
    };

    it('filters by text in the username or the display name, case-insensitively', async () => {
      const byName = await list(`q=${prefix.toUpperCase()}`);
      expect(byName.items.map((u) => u.username)).toEqual([`${prefix}.a`, `${prefix}.b`, `${prefix}.c`]);
      expect(byName.total).toBe(3);
      const byDisplay = await list(`q=${encodeURIComponent('乙某')}`);
      expect(byDisplay.items.map((u) => u.username)).toEqual([`${prefix}.b`]);
    });

    it('treats % and _ typed in the search as plain characters', async () => {
      const percent = await list(`q=${encodeURIComponent('%')}`);
      expect(percent.items.map((u) => u.username)).toEqual([`${prefix}.c`]);
      const underscore = await list('q=_');
      expect(underscore.total).toBe(0);
    });

    it('filters by role and by department', async () => {
      const analysts = await list('role=analyst&pageSize=200');
      expect(analysts.items.length).toBeGreaterThanOrEqual(2);
      expect(analysts.items.every((u) => u.role === 'analyst')).toBe(true);
      expect(analysts.items.map((u) => u.username)).toContain(`${prefix}.c`);

      const fifth = departmentIds.get('第五检察部')!;
      const inFifth = await list(`departmentId=${fifth}&pageSize=200`);
      expect(inFifth.items.every((u) => u.department?.id === fifth)).toBe(true);
      expect(inFifth.items.map((u) => u.username)).toEqual(
        expect.arrayContaining(['head5', 'assistant5', `${prefix}.a`, `${prefix}.c`]),
      );

      const combined = await list(`q=${prefix}&role=clerk&departmentId=${fifth}`);
      expect(combined.items.map((u) => u.username)).toEqual([`${prefix}.a`]);
    });

    it('pages through the results with a stable total', async () => {
      const first = await list(`q=${prefix}&pageSize=2&page=1`);
      const second = await list(`q=${prefix}&pageSize=2&page=2`);
      const third = await list(`q=${prefix}&pageSize=2&page=3`);
      expect([first.total, second.total, third.total]).toEqual([3, 3, 3]);
      expect(first.items.map((u) => u.username)).toEqual([`${prefix}.a`, `${prefix}.b`]);
      expect(second.items.map((u) => u.username)).toEqual([`${prefix}.c`]);
      expect(third.items).toEqual([]);

      const all = await list('pageSize=200');
      expect(all.total).toBe(await userCount());
      expect(all.items).toHaveLength(all.total);
    });

    it('refuses a page size over 200', async () => {
      const response = await asAdmin('GET', '/api/users?pageSize=201');
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().message).toContain('pageSize');
    });
  });
});
