import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@procura/db';
import { createPostgresDatabase, migratedDataDir, testEngines } from '@procura/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { loginCookie, runCli, startServerProcess, stopStartedProcesses } from './testing/spawn-server.ts';

const password = 'Chenghua2026';
const dirs: string[] = [];
/** A new folder: empty (a first start creates the database), or holding the migrated template. */
const freshDir = ({ empty = false }: { empty?: boolean } = {}) => {
  const dir = empty ? mkdtempSync(join(tmpdir(), 'procura-serve-')) : migratedDataDir('procura-serve-');
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await stopStartedProcesses();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function createUser(url: string, cookie: string, username: string): Promise<Response> {
  return fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      username,
      displayName: `用户${username}`,
      role: 'prosecutor',
      departmentId: 2,
      password: 'Initial2026pw',
    }),
  });
}

describe('procura serve on the embedded database', () => {
  it('survives SIGKILL in the middle of writes: every acknowledged write is there and the audit chain holds', async () => {
    const dataDir = freshDir();
    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    const cookie = await loginCookie(server.url, 'admin', password);

    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const username = `crash${w}_${i}`;
        try {
          const response = await createUser(server.url, cookie, username);
          if (response.status === 201) acknowledged.push(username);
        } catch {
          return; // the server is gone
        }
      }
    });
    while (acknowledged.length < 6) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await server.exited;

    const again = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    try {
      const admin = await loginCookie(again.url, 'admin', password);
      const users = (await (
        await fetch(`${again.url}/api/users?pageSize=200`, { headers: { cookie: admin } })
      ).json()) as {
        items: { username: string }[];
      };
      const names = new Set(users.items.map((u) => u.username));
      for (const username of acknowledged) expect(names.has(username)).toBe(true);
      const verify = (await (
        await fetch(`${again.url}/api/audit/verify`, { headers: { cookie: admin } })
      ).json()) as {
        ok: boolean;
      };
      expect(verify.ok).toBe(true);
      // One creation audit entry per user that exists: no change without its audit, nor the reverse.
      const audit = (await (
        await fetch(`${again.url}/api/audit?action=user.create&pageSize=200`, { headers: { cookie: admin } })
      ).json()) as { total: number };
      expect(audit.total).toBe([...names].filter((n) => n.startsWith('crash')).length);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('on SIGTERM finishes the request in flight, closes the database and exits 0', async () => {
    const dataDir = freshDir();
    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    const cookie = await loginCookie(server.url, 'admin', password);
    const inFlight = createUser(server.url, cookie, 'graceful1');
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(201);
    expect(await server.exited).toBe(0);

    // Closed cleanly: the lock is gone and the data is there.
    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.query<{ n: number }>(
        `select count(*)::int as n from users where username = 'graceful1'`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('refuses a second server on the same PGlite folder with a clear message, leaving the first one working', async () => {
    const dataDir = freshDir();
    const first = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    try {
      const second = await runCli(['serve'], { PROCURA_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain('正被另一个 Procura 进程');
      expect(second.stderr).toContain(dataDir);
      expect((await fetch(`${first.url}/api/health`)).ok).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });

  it('starts empty with PROCURA_DEMO=0: prints a generated admin password once, shows no demo accounts', async () => {
    // A new install: the folder is empty, the process creates and migrates the database.
    const dataDir = freshDir({ empty: true });
    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir, PROCURA_DEMO: '0' });
    try {
      const match = /初始密码（仅显示这一次，首次登录后须修改）：(\S+)/.exec(server.output());
      expect(match).not.toBeNull();
      const info = (await (await fetch(`${server.url}/api/public/info`)).json()) as {
        demo: boolean;
        demoAccounts: unknown[];
      };
      expect(info).toMatchObject({ demo: false, demoAccounts: [] });
      const cookie = await loginCookie(server.url, 'admin', match![1]!);
      const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as {
        mustChangePassword: boolean;
      };
      expect(me.mustChangePassword).toBe(true);
      const demoLogin = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chief', password }),
      });
      expect(demoLogin.status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it.runIf(testEngines().includes('postgres'))(
    'runs the same platform on PostgreSQL with DATABASE_URL',
    async () => {
      const { url, drop } = await createPostgresDatabase();
      const server = await startServerProcess({
        DATABASE_URL: url,
        PROCURA_DATA_DIR: freshDir({ empty: true }),
      });
      try {
        const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: string };
        expect(health.database).toBe('postgres');
        const cookie = await loginCookie(server.url, 'chief', password);
        const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as {
          roleLabel: string;
        };
        expect(me.roleLabel).toBe('检察长');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
        await drop();
      }
    },
  );
});
