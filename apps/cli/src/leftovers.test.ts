import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv } from '@procura/collide/testing/files';
import { migratedDataDir } from '@procura/db/testing';
import { paymentRows, prisonerRows } from '@procura/server/models/test-files';
import { afterEach, describe, expect, it } from 'vitest';
import { loginCookie, runCli, startServerProcess, stopStartedProcesses } from './testing/spawn-server.ts';

const password = 'Chenghua2026';
/** A restore into a new folder creates and migrates the database first: slow on a busy machine. */
const cli = { timeoutMs: 150_000 };
const dirs: string[] = [];
/** A new folder: empty, or (`migrated`) holding the migrated template, as a server's first start leaves it. */
const freshDir = ({ migrated = false }: { migrated?: boolean } = {}) => {
  const dir = migrated
    ? migratedDataDir('procura-leftovers-')
    : mkdtempSync(join(tmpdir(), 'procura-leftovers-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await stopStartedProcesses();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

describe('files a crash leaves behind', () => {
  it('start-up removes raw uploads, half-written snapshots and scratch files, keeping the snapshots', {
    timeout: 180_000,
  }, async () => {
    const dataDir = freshDir({ migrated: true });
    const upload = join(dataDir, 'datasets', 'incoming', 'c0ffee');
    mkdirSync(upload, { recursive: true });
    writeFileSync(join(upload, '补助金发放.csv'), '身份证号码,姓名\n510108197001010011,张伟\n');
    writeFileSync(join(dataDir, 'datasets', 'abc-payments.parquet'), 'a snapshot');
    writeFileSync(join(dataDir, 'datasets', 'def-payments.parquet.4242.partial'), 'half a snapshot');
    mkdirSync(join(dataDir, 'tmp', 'employment-x'), { recursive: true });
    writeFileSync(join(dataDir, 'tmp', 'employment-x', 'staff.csv'), '身份证号,姓名\n');

    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir });
    expect(files(join(dataDir, 'datasets', 'incoming'))).toEqual([]);
    expect(files(join(dataDir, 'tmp'))).toEqual([]);
    expect(files(join(dataDir, 'datasets')).filter((f) => !f.startsWith('incoming'))).toEqual([
      'abc-payments.parquet',
    ]);
    server.child.kill('SIGTERM');
    await server.exited;
  });
});

describe('backup and restore with the data sets of models', () => {
  it('a backup made --with-datasets restores runnable data sets; one without says in Chinese what is missing', async () => {
    const source = freshDir({ migrated: true });
    const inputs = freshDir();
    const server = await startServerProcess({ PROCURA_DATA_DIR: source });
    const cookie = await loginCookie(server.url, 'analyst', password);
    const upload = async (kind: string, name: string, rows: unknown[][]) => {
      const response = await fetch(
        `${server.url}/api/datasets?kind=${kind}&fileName=${encodeURIComponent(name)}`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/octet-stream' },
          body: readFileSync(writeCsv(join(inputs, `${kind}.csv`), rows)),
        },
      );
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { dataset: { id: number } }).dataset.id;
    };
    const datasets = {
      payments: await upload('payments', '补助金发放2022.csv', paymentRows()),
      prisoners: await upload('prisoners', '服刑人员名单.csv', prisonerRows()),
    };
    server.child.kill('SIGTERM');
    await server.exited;

    const plain = join(inputs, 'plain.procura.gz');
    const full = join(inputs, 'full.procura.gz');
    expect((await runCli(['backup', plain], { PROCURA_DATA_DIR: source }, cli)).code).toBe(0);
    const made = await runCli(['backup', '--with-datasets', full], { PROCURA_DATA_DIR: source }, cli);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('含数据集快照文件 2 个');

    const startRun = async (url: string) =>
      fetch(`${url}/api/model-runs`, {
        method: 'POST',
        headers: { cookie: await loginCookie(url, 'analyst', password), 'content-type': 'application/json' },
        body: JSON.stringify({ modelId: 'prisoner-subsidy', datasets }),
      });

    // Without the snapshots: the restore says so, and a run is refused naming the file, in Chinese.
    // Restored into a new, empty folder.
    const bare = freshDir();
    const restoredBare = await runCli(['restore', plain], { PROCURA_DATA_DIR: bare }, cli);
    expect(restoredBare.code, restoredBare.stderr).toBe(0);
    expect(restoredBare.stdout).toContain('不含其快照文件');
    const bareServer = await startServerProcess({ PROCURA_DATA_DIR: bare });
    const refused = await startRun(bareServer.url);
    const body = (await refused.json()) as { message: string };
    expect(refused.status).toBe(409);
    expect(body.message).toContain('数据集「补助金发放2022.csv」的快照文件缺失');
    expect(body.message).not.toContain(bare);
    expect(body.message).not.toMatch(/IO Error|No files found|\.parquet/);
    bareServer.child.kill('SIGTERM');
    await bareServer.exited;

    // With them: one file brings everything back and the model runs to the same hits. Restored into
    // a folder whose database is migrated and empty.
    const whole = freshDir({ migrated: true });
    const restored = await runCli(['restore', full], { PROCURA_DATA_DIR: whole }, cli);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('已恢复数据集快照文件 2 个');
    const snapshots = (dir: string) => files(join(dir, 'datasets')).filter((f) => f.endsWith('.parquet'));
    expect(snapshots(whole)).toHaveLength(2);
    expect(snapshots(whole)).toEqual(snapshots(source));
    const wholeServer = await startServerProcess({ PROCURA_DATA_DIR: whole });
    const started = await startRun(wholeServer.url);
    expect(started.status, await started.clone().text()).toBe(202);
    const { id } = (await started.json()) as { id: number };
    const analyst = await loginCookie(wholeServer.url, 'analyst', password);
    let run: { status: string; hitCount: number | null; error?: string | null } = {
      status: 'queued',
      hitCount: null,
    };
    for (let i = 0; i < 150 && (run.status === 'queued' || run.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      run = (await (
        await fetch(`${wholeServer.url}/api/model-runs/${id}`, { headers: { cookie: analyst } })
      ).json()) as typeof run;
    }
    expect(run).toMatchObject({ status: 'succeeded', hitCount: 2 });
    wholeServer.child.kill('SIGTERM');
    await wholeServer.exited;
  }, 600_000);
});
