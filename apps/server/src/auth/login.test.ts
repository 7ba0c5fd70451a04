import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../bootstrap/demo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

interface ErrorBody {
  code: string;
  message: string;
}

const initialPassword = 'Initial2026pw';
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe.each(testEngines())('login, sessions and passwords (%s)', (kind) => {
  let t: TestApp;
  let adminCookie: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    adminCookie = await t.login('admin');
  });
  afterAll(() => t.close());

  /** A fresh account created through the admin API; returns its username and id. */
  async function newUser(prefix: string): Promise<{ username: string; id: number }> {
    serial += 1;
    const username = `${prefix}${serial}`;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: adminCookie },
      payload: {
        username,
        displayName: '登录测试',
        role: 'clerk',
        departmentId: null,
        password: initialPassword,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return { username, id: response.json<{ id: number }>().id };
  }

  const attempt = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  const sessionCount = async (userId: number) => {
    const [row] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from sessions where user_id = $1',
      [userId],
    );
    return row!.n;
  };

  it('sets an httpOnly, SameSite=Strict session cookie and returns the user', async () => {
    const response = await attempt('analyst', demoPassword);
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^procura_session=[^;]+;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(response.json<{ user: { username: string } }>().user.username).toBe('analyst');
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const response = await attempt('  ANALYST ', demoPassword);
    expect(response.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same Chinese 401', async () => {
    const { username } = await newUser('wrongpw');
    const wrong = await attempt(username, 'NotThePassword1');
    expect(wrong.statusCode).toBe(401);
    const body = wrong.json<ErrorBody>();
    expect(body.code).toBe('INVALID_CREDENTIALS');
    expect(hasChinese(body.message)).toBe(true);

    const unknown = await attempt('nobody-here', 'NotThePassword1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<ErrorBody>()).toEqual(body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('locks the account after 5 wrong passwords, even against the right one, until the lock passes', async () => {
    const { username, id } = await newUser('locked');
    for (let i = 1; i <= 4; i++) expect((await attempt(username, `Wrong${i}password`)).statusCode).toBe(401);
    const fifth = await attempt(username, 'Wrong5password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json<ErrorBody>().code).toBe('ACCOUNT_LOCKED');
    expect(hasChinese(fifth.json<ErrorBody>().message)).toBe(true);

    const right = await attempt(username, initialPassword);
    expect(right.statusCode).toBe(423);
    expect(right.json<ErrorBody>().code).toBe('ACCOUNT_LOCKED');

    await t.database.query(
      `update login_failures set locked_until = now() - interval '1 minute' where user_id = $1`,
      [id],
    );
    expect((await attempt(username, initialPassword)).statusCode).toBe(200);
  });

  describe('lock-out cannot be turned against the account holder', () => {
    const attacker = '203.0.113.50';
    const office = '192.0.2.20';
    const attemptFrom = (remoteAddress: string, username: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { username, password },
      });
    async function loginFrom(remoteAddress: string, username: string): Promise<string> {
      const response = await attemptFrom(remoteAddress, username, initialPassword);
      expect(response.statusCode, response.body).toBe(200);
      return `procura_session=${response.cookies.find((c) => c.name === 'procura_session')!.value}`;
    }

    it('a flood from one address locks the account there only; the holder logs in elsewhere and stays signed in', async () => {
      const { username, id } = await newUser('flooded');
      const cookie = await loginFrom(office, username);
      const statuses: number[] = [];
      for (let i = 1; i <= 12; i++)
        statuses.push((await attemptFrom(attacker, username, `Flood${i}guess`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, ...Array(8).fill(423)]);
      // Even the right password is refused from the flooding address.
      expect((await attemptFrom(attacker, username, initialPassword)).statusCode).toBe(423);
      // The session opened before the flood still works, and was not deleted.
      expect((await me(cookie)).statusCode).toBe(200);
      expect(await sessionCount(id)).toBe(1);
      // The holder, from the office, signs in as usual.
      await loginFrom(office, username);
      expect(await sessionCount(id)).toBe(2);
    });

    it('wrong passwords from five addresses lock the account everywhere, but open sessions survive', async () => {
      const { username } = await newUser('spread');
      const cookie = await loginFrom(office, username);
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++)
        statuses.push((await attemptFrom(`198.51.100.${i}`, username, 'Spread1guess')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const locked = await attemptFrom('192.0.2.99', username, initialPassword);
      expect(locked.statusCode).toBe(423);
      expect(locked.json<ErrorBody>().message).toContain('已锁定');
      expect((await me(cookie)).statusCode).toBe(200);
    });

    it('four addresses with four wrong passwords each do not lock the holder out', async () => {
      const { username } = await newUser('fourfold');
      for (let a = 1; a <= 4; a++) {
        for (let i = 1; i <= 4; i++) {
          expect((await attemptFrom(`198.51.101.${a}`, username, `Four${i}guess`)).statusCode).toBe(401);
        }
      }
      await loginFrom(office, username);
    });

    it('wrong current passwords lock password changes from that address without ending the session', async () => {
      const { username } = await newUser('borrowed');
      const cookie = await loginFrom(attacker, username);
      const change = (currentPassword: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/password',
          remoteAddress: attacker,
          headers: { cookie },
          payload: { currentPassword, newPassword: 'Takeover2026zz' },
        });
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++) statuses.push((await change(`Guess${i}current`)).statusCode);
      expect(statuses).toEqual([400, 400, 400, 400, 423, 423]);
      // Locked at this address: even the right current password does not get through.
      expect((await change(initialPassword)).statusCode).toBe(423);
      expect((await me(cookie)).statusCode).toBe(200);
      await loginFrom(office, username);
    });
  });

  it('answers a wrong password exactly like an unknown user, so usernames cannot be probed', async () => {
    const { username } = await newUser('probed');
    const wrong = await attempt(username, 'Wrong3password');
    const unknown = await attempt('nobody-here', 'Wrong3password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<ErrorBody>()).toEqual(unknown.json<ErrorBody>());
  });

  // Parallel guesses must not all read the same failure count and slip past the lock.
  it('locks the account when wrong passwords arrive in parallel', async () => {
    const { username } = await newUser('parallel');
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(username, `Parallel${i}guess`)),
    );
    expect(guesses.every((g) => g.statusCode === 401 || g.statusCode === 423)).toBe(true);
    const right = await attempt(username, initialPassword);
    expect(right.statusCode, right.body).toBe(423);
  });

  it('refuses a disabled user with 403 ACCOUNT_DISABLED', async () => {
    const { username, id } = await newUser('disabled');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { cookie: adminCookie },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    const response = await attempt(username, initialPassword);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().code).toBe('ACCOUNT_DISABLED');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('logout answers 204, clears the cookie, and the old cookie no longer works', async () => {
    const { username, id } = await newUser('logout');
    const cookie = await t.login(username, initialPassword);
    expect((await me(cookie)).statusCode).toBe(200);

    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/^procura_session=;.*Max-Age=0/);

    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
    expect(await sessionCount(id)).toBe(0);
  });

  it('keeps a session used within 30 minutes and refreshes it', async () => {
    const { username, id } = await newUser('active');
    const cookie = await t.login(username, initialPassword);
    await t.database.query(
      `update sessions set last_seen_at = now() - interval '29 minutes' where user_id = $1`,
      [id],
    );
    expect((await me(cookie)).statusCode).toBe(200);
    const [row] = await t.database.query<{ idle: number }>(
      'select extract(epoch from now() - last_seen_at)::float8 as idle from sessions where user_id = $1',
      [id],
    );
    expect(row!.idle).toBeLessThan(60);
  });

  it('expires a session idle for more than 30 minutes and deletes it', async () => {
    const { username, id } = await newUser('idle');
    const cookie = await t.login(username, initialPassword);
    await t.database.query(
      `update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1`,
      [id],
    );
    const response = await me(cookie);
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().code).toBe('SESSION_EXPIRED');
    expect(hasChinese(response.json<ErrorBody>().message)).toBe(true);
    expect(await sessionCount(id)).toBe(0);
    // Expired once, the cookie is just unknown from now on.
    expect((await me(cookie)).json<ErrorBody>().code).toBe('UNAUTHENTICATED');
  });

  describe('changing one’s own password', () => {
    let username: string;
    let cookie: string;
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword },
      });

    beforeAll(async () => {
      ({ username } = await newUser('changer'));
      cookie = await t.login(username, initialPassword);
    });

    it('refuses a wrong current password', async () => {
      const response = await change('NotMyPassword1', 'Brandnew2026pw');
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('WRONG_CURRENT_PASSWORD');
      expect((await attempt(username, 'Brandnew2026pw')).statusCode).toBe(401);
    });

    it.each([
      ['too short', 'Short1', '至少 10 位'],
      ['without a digit', 'onlyletterspassword', '字母和数字'],
      ['without a letter', '12345678901234', '字母和数字'],
      ['containing the username', 'changer-pw-2026', '用户名'],
      ['from the common-password list', 'password12', '常见'],
      ['that is a common word with digits', 'Qwerty1234', '常见'],
      ['of one letter repeated', 'Aaaaaaaaa1', '重复'],
      ['naming the procuratorate', 'Ch3nghua2027', '本院名称'],
    ])('refuses a new password %s with 400 WEAK_PASSWORD naming the rule', async (_case, weak, rule) => {
      const newPassword = weak.replace('changer', username);
      const response = await change(initialPassword, newPassword);
      expect(response.statusCode).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.code).toBe('WEAK_PASSWORD');
      expect(body.message).toContain(rule);
    });

    it('refuses the current password as the new one', async () => {
      const response = await change(initialPassword, initialPassword);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('WEAK_PASSWORD');
    });

    it('replaces the password: the old one fails, the new one works, first-login flag cleared', async () => {
      const response = await change(initialPassword, 'Brandnew2026pw');
      expect(response.statusCode).toBe(204);
      expect((await attempt(username, initialPassword)).statusCode).toBe(401);
      const fresh = await attempt(username, 'Brandnew2026pw');
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(false);
    });
  });

  it('stores passwords only as argon2id hashes', async () => {
    const rows = await t.database.query<{ username: string; password_hash: string }>(
      'select username, password_hash from users',
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      expect(row.password_hash.startsWith('$argon2id$'), row.username).toBe(true);
      expect(row.password_hash).not.toContain(demoPassword);
      expect(row.password_hash).not.toContain(initialPassword);
    }
  });

  it('records logins, failures and locks in the audit log with the caller’s address', async () => {
    const { username, id } = await newUser('audited');
    await attempt(username, 'Wrong1password');
    await t.login(username, initialPassword);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit?targetType=user&targetId=${id}`,
      headers: { cookie: adminCookie },
    });
    const { items } = response.json<{ items: { action: string; ip: string | null }[] }>();
    expect(items.map((item) => item.action)).toEqual(['auth.login', 'auth.loginFailed', 'user.create']);
    expect(items.every((item) => item.ip === '127.0.0.1')).toBe(true);
  });
});
