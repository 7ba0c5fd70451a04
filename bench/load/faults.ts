/**
 * Fault runs: a real `procura serve` (PGlite in a scratch folder) killed with SIGKILL at bad
 * moments, restarted, and what was found reported. Loopback only; every step bounded in time.
 *   node bench/load/faults.ts [--payments 300000]
 * 1. during clue writes (5 clients): every acknowledged (201) clue is there after restart;
 * 2. during a data-set upload (streamed slowly): no raw upload left in datasets/incoming, no data set recorded;
 * 3. during a model run: the run is marked failed with its reason, a new run succeeds;
 * 4. during `procura backup --with-datasets` (the server stopped, as PGlite requires): the
 *    partial file is refused by `restore`, the data folder opens again;
 * and after all of them `procura audit verify` passes. Exits 1 if any check fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  loginCookie,
  type RunningServer,
  runCli,
  startServerProcess,
  stopStartedProcesses,
} from '../../apps/cli/src/testing/spawn-server.ts';
import { prisonerRows, validId } from '../../apps/server/src/models/test-files.ts';

const { values } = parseArgs({ options: { payments: { type: 'string', default: '300000' } } });
const password = 'Chenghua2026';
const dataDir = mkdtempSync(join(tmpdir(), 'procura-faults-'));
const scratch = mkdtempSync(join(tmpdir(), 'procura-faults-files-'));
const env = { PROCURA_DATA_DIR: dataDir, PROCURA_LOGIN_RATE_LIMIT: '100000' };
const bin = fileURLToPath(new URL('../../apps/cli/bin/procura.js', import.meta.url));
let failed = 0;
const report = (ok: boolean, what: string) => {
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${what}\n`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kill9 = async (server: RunningServer) => {
  server.child.kill('SIGKILL');
  await server.exited;
};
const incoming = () => {
  const dir = join(dataDir, 'datasets', 'incoming');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
};

/** A payments CSV of `n` rows, a few people paid while in prison (prisonerRows). */
function paymentsCsv(n: number): string {
  const path = join(scratch, `payments-${n}.csv`);
  if (existsSync(path)) return path;
  const lines = ['身份证号码,姓名,发放日期,发放金额,补助类型'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `${validId('19700101', i % 1000)},张${i % 500},2022-${String((i % 12) + 1).padStart(2, '0')}-05,680,低保`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

try {
  // 1. Writes.
  let server = await startServerProcess(env);
  let cookie = await loginCookie(server.url, 'prosecutor1', password);
  const acknowledged: number[] = [];
  let stop = false;
  const writers = Array.from({ length: 5 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      try {
        const response = await fetch(`${server.url}/api/clues`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            source: 'selfDiscovered',
            title: `故障测试线索 ${w}-${i}`,
            description: '写入过程中强行终止服务进程，检查已确认的写入是否都在',
            parties: [{ kind: 'organisation', name: `成华区故障测试单位${w}` }],
          }),
        });
        if (response.status === 201)
          acknowledged.push(((await response.json()) as { clue: { id: number } }).clue.id);
      } catch {
        return;
      }
    }
  });
  while (acknowledged.length < 30) await sleep(20);
  await kill9(server);
  stop = true;
  await Promise.all(writers);
  server = await startServerProcess(env);
  cookie = await loginCookie(server.url, 'prosecutor1', password);
  let found = 0;
  for (const id of acknowledged) {
    if ((await fetch(`${server.url}/api/clues/${id}`, { headers: { cookie } })).status === 200) found++;
  }
  report(
    found === acknowledged.length,
    `kill -9 during clue writes: ${found} of ${acknowledged.length} acknowledged clues found after restart`,
  );

  // 2. Upload.
  const analyst = await loginCookie(server.url, 'analyst', password);
  const chunk = Buffer.from(`${'510108197001010011,张三,2022-01-05,680,低保\n'.repeat(1500)}`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('身份证号码,姓名,发放日期,发放金额,补助类型\n'));
    },
    async pull(controller) {
      await sleep(20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const upload = fetch(
    `${server.url}/api/datasets?kind=payments&fileName=${encodeURIComponent('大文件.csv')}`,
    {
      method: 'POST',
      headers: { cookie: analyst, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit,
  ).catch(() => null);
  const deadline = Date.now() + 60_000;
  while ((incoming().length < 2 || sent < 5_000_000) && Date.now() < deadline) await sleep(50);
  const during = incoming().length;
  await kill9(server);
  await upload;
  const leftBefore = incoming().length;
  server = await startServerProcess(env);
  const datasets = (await (
    await fetch(`${server.url}/api/datasets`, {
      headers: { cookie: await loginCookie(server.url, 'analyst', password) },
    })
  ).json()) as { items: unknown[] };
  report(
    incoming().length === 0 && datasets.items.length === 0,
    `kill -9 during a data-set upload (${(sent / 1e6).toFixed(1)} MB sent, ${during} entries in incoming at the kill, ${leftBefore} left by the kill): ${incoming().length} left after restart, ${datasets.items.length} data sets recorded`,
  );

  // 3. Model run.
  let analystCookie = await loginCookie(server.url, 'analyst', password);
  const post = async (kind: string, name: string, path: string) => {
    const { readFile } = await import('node:fs/promises');
    const response = await fetch(
      `${server.url}/api/datasets?kind=${kind}&fileName=${encodeURIComponent(name)}`,
      {
        method: 'POST',
        headers: { cookie: analystCookie, 'content-type': 'application/octet-stream' },
        body: await readFile(path),
      },
    );
    if (response.status !== 201)
      throw new Error(`upload ${name}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { dataset: { id: number } }).dataset.id;
  };
  const prisonersPath = join(scratch, 'prisoners.csv');
  writeFileSync(
    prisonersPath,
    `${prisonerRows()
      .map((r) => r.join(','))
      .join('\n')}\n`,
  );
  const ids = {
    payments: await post('payments', '补助金发放.csv', paymentsCsv(Number(values.payments))),
    prisoners: await post('prisoners', '服刑人员名单.csv', prisonersPath),
  };
  const startRun = async () => {
    const response = await fetch(`${server.url}/api/model-runs`, {
      method: 'POST',
      headers: { cookie: analystCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: 'prisoner-subsidy', datasets: ids }),
    });
    return ((await response.json()) as { id: number }).id;
  };
  const runOf = async (id: number) =>
    (await (
      await fetch(`${server.url}/api/model-runs/${id}`, { headers: { cookie: analystCookie } })
    ).json()) as {
      status: string;
      error: string | null;
      stage: string;
    };
  const runId = await startRun();
  let seen = await runOf(runId);
  for (let i = 0; i < 600 && seen.status === 'queued'; i++) seen = await sleep(10).then(() => runOf(runId));
  const stageAtKill = `${seen.status}/${seen.stage}`;
  await kill9(server);
  server = await startServerProcess(env);
  analystCookie = await loginCookie(server.url, 'analyst', password);
  const after = await runOf(runId);
  const again = await startRun();
  let rerun = await runOf(again);
  for (let i = 0; i < 600 && (rerun.status === 'queued' || rerun.status === 'running'); i++) {
    await sleep(200);
    rerun = await runOf(again);
  }
  report(
    (after.status === 'failed' && Boolean(after.error)) ||
      (stageAtKill.startsWith('succeeded') && after.status === 'succeeded'),
    `kill -9 during a model run (${stageAtKill} at the kill): after restart ${after.status}${after.error ? `「${after.error}」` : ''}; a new run ${rerun.status}`,
  );

  // 4. Backup (PGlite: one process per folder, so the server is stopped first).
  server.child.kill('SIGTERM');
  await server.exited;
  const partial = join(scratch, 'killed.procura.gz');
  const child = spawn(process.execPath, [bin, 'backup', '--with-datasets', partial], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const exit = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const killBy = Date.now() + 120_000;
  while (!(existsSync(partial) && statSync(partial).size > 0) && Date.now() < killBy) await sleep(5);
  child.kill('SIGKILL');
  const ended = await exit;
  const size = existsSync(partial) ? statSync(partial).size : 0;
  const restoreDir = mkdtempSync(join(tmpdir(), 'procura-faults-restore-'));
  const restored = await runCli(
    ['restore', partial],
    { PROCURA_DATA_DIR: restoreDir },
    { timeoutMs: 300_000 },
  );
  const restoredDatasets = existsSync(join(restoreDir, 'datasets'))
    ? readdirSync(join(restoreDir, 'datasets')).filter((f) => f.endsWith('.parquet'))
    : [];
  rmSync(restoreDir, { recursive: true, force: true });
  server = await startServerProcess(env);
  const health = (await fetch(`${server.url}/api/health`)).status;
  server.child.kill('SIGTERM');
  await server.exited;
  report(
    (ended === 0 && restored.code === 0) ||
      (restored.code !== 0 && restoredDatasets.length === 0 && health === 200),
    `kill -9 during procura backup (process ended by ${ended}, ${size} bytes written): restore of the partial file exit ${restored.code} (${(restored.stderr || restored.stdout).trim().slice(0, 120)}), snapshots written ${restoredDatasets.length}; the data folder opens again: health ${health}`,
  );

  const verify = await runCli(['audit', 'verify'], env, { timeoutMs: 300_000 });
  report(
    verify.code === 0,
    `procura audit verify: exit ${verify.code} ${verify.stdout.trim()}${verify.stderr.trim()}`,
  );
} finally {
  await stopStartedProcesses();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = failed > 0 ? 1 : 0;
