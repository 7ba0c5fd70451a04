import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { backupDatabase, type DatabaseKind, restoreDatabase } from '@procura/db';
import { createTestDatabase, testEngines } from '@procura/db/testing';
import { createUser, initialise, verifyAudit } from '@procura/server';
import { demoUsers } from '@procura/server/bootstrap/demo';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'procura-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const engines = testEngines();
const pairs: [DatabaseKind, DatabaseKind][] = engines.flatMap((from) =>
  engines.map((to) => [from, to] as [DatabaseKind, DatabaseKind]),
);
const actor = { id: null, name: '测试' };

const snapshot = async (database: Awaited<ReturnType<typeof createTestDatabase>>) => ({
  users: await database.query(
    'select id, username, display_name, role, department_id, password_hash, created_at::text from users order by id',
  ),
  audit: await database.query('select id, at::text, action, detail::text, hash from audit_log order by id'),
  departments: await database.query('select * from departments order by id'),
});

describe.each(pairs)('backup on %s, restore on %s', (from, to) => {
  it('restores every row exactly, keeps the audit chain valid and lets ids continue', async () => {
    const source = await createTestDatabase(from);
    const target = await createTestDatabase(to);
    try {
      // With the generated demo work: the dump carries two years of cases, events and hits too.
      await initialise(source, { demo: true });
      await createUser(source, {
        input: {
          username: 'backup1',
          displayName: '备份测试',
          role: 'prosecutor',
          departmentId: 2,
          password: 'Initial2026pw',
        },
        actor,
        ip: '127.0.0.1',
      });
      const file = join(dir, `${from}-${to}.procura.gz`);
      const summary = await backupDatabase(source, file);
      // The demo accounts and backup1.
      expect(summary.tables.users).toBe(demoUsers.length + 1);

      await restoreDatabase(target, file);
      expect(await snapshot(target)).toEqual(await snapshot(source));
      expect((await verifyAudit(target.db)).ok).toBe(true);

      // Identity sequences were moved past the restored ids.
      const created = await createUser(target, {
        input: {
          username: 'after1',
          displayName: '恢复后',
          role: 'clerk',
          departmentId: null,
          password: 'Initial2026pw',
        },
        actor,
        ip: null,
      });
      expect(created.id).toBe(demoUsers.length + 2);
      expect((await verifyAudit(target.db)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe.each(engines)('restore refusals (%s)', (kind) => {
  it('refuses a non-empty database and a damaged file, changing nothing', async () => {
    const source = await createTestDatabase(kind);
    try {
      await initialise(source, { demo: true, demoWork: false });
      const file = join(dir, `refuse-${kind}.procura.gz`);
      await backupDatabase(source, file);
      const before = await snapshot(source);
      await expect(restoreDatabase(source, file)).rejects.toThrow('只能恢复到空数据库');
      expect(await snapshot(source)).toEqual(before);
    } finally {
      await source.close();
    }

    const empty = await createTestDatabase(kind);
    try {
      const damaged = join(dir, `damaged-${kind}.procura.gz`);
      const header = { format: 'procura-backup', version: 1, migrations: [], tables: [] };
      const good = {
        table: 'departments',
        rows: [
          {
            id: 1,
            name: '第一检察部',
            line: 'criminal',
            sort_order: 1,
            created_at: '2026-01-01T00:00:00+08:00',
          },
        ],
      };
      writeFileSync(
        damaged,
        gzipSync(`${JSON.stringify(header)}\n${JSON.stringify(good)}\n{"table":"users","rows":[{"id":`),
      );
      await expect(restoreDatabase(empty, damaged)).rejects.toThrow('第 3 行不是有效的 JSON');
      const rows = await empty.query<{ n: number }>('select count(*)::int as n from departments');
      expect(rows[0]?.n).toBe(0);

      const notBackup = join(dir, 'not-a-backup.gz');
      writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
      await expect(restoreDatabase(empty, notBackup)).rejects.toThrow('不是 Procura 备份文件');

      // A dump cut short (a backup killed mid-way): said in Chinese, nothing restored.
      const cut = join(dir, `cut-${kind}.procura.gz`);
      writeFileSync(cut, gzipSync(`${JSON.stringify(header)}\n${JSON.stringify(good)}\n`).subarray(0, 30));
      await expect(restoreDatabase(empty, cut)).rejects.toThrow('不完整或已损坏');
      const after = await empty.query<{ n: number }>('select count(*)::int as n from departments');
      expect(after[0]?.n).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
