import { rmSync } from 'node:fs';
import { openDatabase } from '@procura/db';
import { migratedDataDir } from '@procura/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, stopStartedProcesses } from './testing/spawn-server.ts';

// Each test runs its commands on a data folder of its own (a copy of the migrated template),
// removed afterwards together with any command still running (a timed-out test must not hold the
// folder for the next one).
const folders: string[] = [];
function freshDataDir(): { dataDir: string; env: { PROCURA_DATA_DIR: string } } {
  const dataDir = migratedDataDir('procura-verify-');
  folders.push(dataDir);
  return { dataDir, env: { PROCURA_DATA_DIR: dataDir } };
}
afterEach(async () => {
  await stopStartedProcesses();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('procura user and audit commands', () => {
  // Six command runs, each a process that opens the database: minutes on a loaded machine.
  it('adds users, verifies the chain, then names the first tampered row and exits non-zero', {
    timeout: 240_000,
  }, async () => {
    const { dataDir, env } = freshDataDir();
    for (const username of ['cli1', 'cli2', 'cli3']) {
      const add = await runCli(
        ['user', 'add', username, '--name', `命令行${username}`, '--role', 'analyst'],
        env,
      );
      expect(add.code).toBe(0);
      expect(add.stdout).toContain(`已创建用户 ${username}（命令行${username}，数据分析员）`);
      expect(add.stdout).toMatch(/初始密码（仅显示这一次）：\S{10,}/);
    }

    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('审计链完整：已校验 3 条记录');

    // A database administrator goes around the trigger and edits entry 2.
    const database = await openDatabase({ dataDir });
    try {
      await database.query('alter table audit_log disable trigger audit_log_append_only');
      await database.query(`update audit_log set actor_name = '他人' where id = 2`);
    } finally {
      await database.close();
    }
    const tampered = await runCli(['audit', 'verify'], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('第 2 号记录');
    expect(tampered.stderr).toContain('被修改');
  });

  it('explains bad arguments in Chinese without changing anything', { timeout: 240_000 }, async () => {
    const { dataDir, env } = freshDataDir();
    const badRole = await runCli(['user', 'add', 'x1', '--name', '某', '--role', 'boss'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('未知角色 boss');
    const badDepartment = await runCli(
      ['user', 'add', 'x2', '--name', '某', '--role', 'clerk', '--department', '第九检察部'],
      env,
    );
    expect(badDepartment.code).toBe(1);
    expect(badDepartment.stderr).toContain('部门「第九检察部」不存在');
    const weak = await runCli(
      ['user', 'add', 'x3', '--name', '某', '--role', 'clerk', '--password', 'short'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码至少 10 位');
    const reset = await runCli(['user', 'reset-password', 'nobody'], env);
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain('用户 nobody 不存在');

    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.query<{ n: number }>(
        `select count(*)::int as n from users where username like 'x%'`,
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
