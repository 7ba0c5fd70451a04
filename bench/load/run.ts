/**
 * Load benchmark of a real `procura serve` process, loopback only, bounded in time.
 *   node bench/load/run.ts [--duration 30] [--connections 50] [--writers 20] [--cases 2000]
 *                             [--engines pglite,postgres] [--only health,cases,juvenile,detail,login,write]
 * For each engine it starts the server on a fresh database with the demo procuratorate (PGlite in
 * a scratch folder; PostgreSQL as a scratch database on PROCURA_TEST_PG_URL, or on DATABASE_URL
 * when that is given instead, which must then be an empty database) and runs, one after the
 * other, each for --duration seconds with autocannon (--cases cases added to the demo data first):
 *   /api/health (the baseline), the case list and the juvenile case list as the chief, a case's
 *   detail page, login (argon2id, the real cost), and --writers clients registering clues.
 * It prints req/s, p50/p99 latency, non-2xx answers and errors (time-outs: > 10 s) per scenario,
 * then stops the server and checks that every clue whose registration was acknowledged (201) is
 * in the database and that `procura audit verify` passes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseKind, migrate, openDatabase } from '@procura/db';
import { createPostgresDatabase } from '@procura/db/testing';
import autocannon from 'autocannon';
import {
  loginCookie,
  runCli,
  startServerProcess,
  stopStartedProcesses,
} from '../../apps/cli/src/testing/spawn-server.ts';
import { initialise } from '../../apps/server/src/bootstrap/initialise.ts';
import { seedCases } from '../lists/seed.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    writers: { type: 'string', default: '20' },
    engines: { type: 'string' },
    only: { type: 'string' },
    cases: { type: 'string', default: '2000' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const writers = Number(values.writers);
const pgUrl = process.env.PROCURA_TEST_PG_URL || process.env.DATABASE_URL;
const engines = (values.engines ?? (pgUrl ? 'pglite,postgres' : 'pglite'))
  .split(',')
  .map((e) => e.trim()) as DatabaseKind[];
const only = values.only?.split(',');
if (!(duration > 0 && duration <= 120)) throw new Error('--duration: 1–120 seconds');
const password = 'Chenghua2026';

interface Row {
  engine: string;
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(
  scenario: string,
  options: Omit<autocannon.Options, 'duration'> & { connections: number },
  engine: string,
): Promise<Row> {
  const result = await autocannon({ ...options, duration, timeout: 10 });
  const row = {
    engine,
    scenario,
    connections: options.connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(
    `${engine}\t${scenario}\t${row.connections} conn\t${row.rps} req/s\tp50 ${row.p50} ms\tp99 ${row.p99} ms\tnon-2xx ${row.non2xx}\terrors ${row.errors} (time-outs ${row.timeouts})\n`,
  );
  return row;
}

async function benchEngine(kind: DatabaseKind): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'procura-load-'));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (kind === 'postgres') {
    if (process.env.PROCURA_TEST_PG_URL) ({ url: databaseUrl, drop } = await createPostgresDatabase());
    else databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('PostgreSQL 需要 PROCURA_TEST_PG_URL 或 DATABASE_URL');
  }
  const env: Record<string, string> = {
    PROCURA_DATA_DIR: dataDir,
    // The login scenario measures argon2id, not the per-address limit.
    PROCURA_LOGIN_RATE_LIMIT: '100000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const rows: Row[] = [];
  try {
    // The demo procuratorate plus --cases cases (bench/lists/seed.ts), before the server opens it.
    const seeding = await openDatabase({ databaseUrl, dataDir });
    try {
      await migrate(seeding);
      await initialise(seeding, { demo: true });
      if (Number(values.cases) > 0) await seedCases(seeding, Number(values.cases));
    } finally {
      await seeding.close();
    }
    const server = await startServerProcess(env);
    const url = server.url;
    const chief = await loginCookie(url, 'chief', password);
    const prosecutor = await loginCookie(url, 'prosecutor1', password);
    const cases = (await (
      await fetch(`${url}/api/cases?pageSize=1`, { headers: { cookie: chief } })
    ).json()) as {
      items: { id: number }[];
    };
    const caseId = cases.items[0]?.id;
    if (!caseId) throw new Error('demo data has no case');
    const want = (name: string) => !only || only.includes(name);
    const get = (path: string, cookie?: string) => ({
      url: `${url}${path}`,
      connections,
      headers: cookie ? { cookie } : {},
    });

    if (want('health')) rows.push(await load('GET /api/health (baseline)', get('/api/health'), kind));
    if (want('cases')) rows.push(await load('GET /api/cases (chief)', get('/api/cases', chief), kind));
    if (want('juvenile'))
      rows.push(await load('GET /api/juvenile/cases (chief)', get('/api/juvenile/cases', chief), kind));
    if (want('detail'))
      rows.push(await load(`GET /api/cases/:id (chief)`, get(`/api/cases/${caseId}`, chief), kind));
    if (want('login'))
      rows.push(
        await load(
          'POST /api/auth/login',
          {
            url: `${url}/api/auth/login`,
            connections,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'prosecutor6', password }),
          },
          kind,
        ),
      );
    const acknowledged: number[] = [];
    if (want('write')) {
      let n = 0;
      rows.push(
        await load(
          'POST /api/clues (prosecutor)',
          {
            url: `${url}/api/clues`,
            connections: writers,
            requests: [
              {
                method: 'POST',
                headers: { 'content-type': 'application/json', cookie: prosecutor },
                setupRequest: (request) => ({
                  ...request,
                  body: JSON.stringify({
                    source: 'selfDiscovered',
                    title: `压测线索 ${++n}`,
                    description: `负载测试写入的第 ${n} 条线索，核对写入是否全部保存`,
                    parties: [{ kind: 'organisation', name: `成华区压测单位${n % 97}` }],
                  }),
                }),
                onResponse: (status, body) => {
                  if (status === 201)
                    acknowledged.push((JSON.parse(body) as { clue: { id: number } }).clue.id);
                },
              },
            ],
          },
          kind,
        ),
      );
    }
    server.child.kill('SIGTERM');
    await server.exited;

    // Every acknowledged write is there, and the audit chain holds.
    const database = await openDatabase({ databaseUrl, dataDir });
    try {
      const found = acknowledged.length
        ? await database.query<{ n: number }>(
            'select count(*)::int as n from clues where id = any($1::int[])',
            [acknowledged],
          )
        : [{ n: 0 }];
      const n = Number(found[0]?.n);
      process.stdout.write(
        `${kind}\tacknowledged clue writes: ${acknowledged.length}, found after stop: ${n}${n === acknowledged.length ? '' : '  ← MISSING'}\n`,
      );
      if (n !== acknowledged.length) process.exitCode = 1;
    } finally {
      await database.close();
    }
    const verify = await runCli(['audit', 'verify'], env, { timeoutMs: 300_000 });
    process.stdout.write(
      `${kind}\tprocura audit verify: exit ${verify.code} ${verify.stdout.trim()}${verify.stderr.trim()}\n`,
    );
    if (verify.code !== 0) process.exitCode = 1;
  } finally {
    await stopStartedProcesses();
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  }
  return rows;
}

const started = new Date();
process.stdout.write(
  `node bench/load/run.ts ${process.argv.slice(2).join(' ')}\n${started.toISOString()}, Node ${process.version}, load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
for (const engine of engines) await benchEngine(engine);
