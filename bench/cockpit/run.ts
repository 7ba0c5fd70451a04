/**
 * Benchmark of the 检察长驾驶舱's one API call (`buildCockpit`, what GET /api/cockpit answers) at
 * 100,000 cases and 100,000 clues, with suggestions, timeline events, outcomes and deadlines on
 * a share of them.
 *   node bench/cockpit/run.ts [--cases 100000] [--repeat 7] [--engines pglite,postgres] [--no-write]
 * Seeds a fresh database of each engine with bulk INSERTs (in-memory PGlite; a scratch database
 * on the server at PROCURA_TEST_PG_URL or a throw-away one, dropped at the end), times the service
 * function, prints the figures and writes them to the "## 驾驶舱 (cockpit)" section of
 * docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Database, type DatabaseKind, migrate, openDatabase } from '@procura/db';
import { createPostgresDatabase } from '@procura/db/testing';
import { loadUser, type SessionUser } from '../../apps/server/src/auth/load-user.ts';
import { initialise } from '../../apps/server/src/bootstrap/initialise.ts';
import { buildCockpit } from '../../apps/server/src/cockpit/build-cockpit.ts';
import { seedCases, seedClues } from '../lists/seed.ts';
import { seedWork } from './seed-work.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '7' },
    engines: { type: 'string', default: 'pglite,postgres' },
    'no-write': { type: 'boolean', default: false },
  },
});
const caseCount = Number(values.cases);
const repeat = Number(values.repeat);
const engines = values.engines.split(',').map((e) => e.trim()) as DatabaseKind[];
const command = `node bench/cockpit/run.ts ${process.argv.slice(2).join(' ')}`.trim();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function openEngine(kind: DatabaseKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openDatabase({ inMemory: true }), drop: async () => {} };
  const { url, drop } = await createPostgresDatabase();
  return { database: await openDatabase({ databaseUrl: url }), drop };
}

async function benchEngine(kind: DatabaseKind) {
  const { database, drop } = await openEngine(kind);
  try {
    await migrate(database);
    await initialise(database, { demo: true });
    const t0 = performance.now();
    await seedCases(database, caseCount);
    await seedClues(database, caseCount);
    await seedWork(database);
    await database.query('analyze');
    const seedMs = performance.now() - t0;
    console.log(
      `[${kind}] seeded ${caseCount} cases, ${caseCount} clues and their work in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const user = async (username: string) =>
      (await loadUser(
        database.db,
        (
          await database.query<{ id: number }>('select id from users where username = $1', [username])
        )[0]!.id,
      )) as SessionUser;
    const chief = await user('chief');
    const head5 = await user('head5');
    const year = { from: '2026-01-01', to: '2027-01-01' };
    const month = { from: '2026-03-01', to: '2026-04-01' };
    const figures: { what: string; ms: number }[] = [];
    for (const [what, who, period] of [
      ['chief, 本年 (2026)', chief, year],
      ['chief, 本月 (2026-03)', chief, month],
      ['department head (第五检察部), 本年', head5, year],
    ] as const) {
      const ms = await timed(() => buildCockpit(database.db, who, period));
      figures.push({ what, ms });
      console.log(`[${kind}] ${what}: ${ms.toFixed(1)} ms`);
    }
    const counts = await database.query<{ cases: number; suggestions: number; deadlines: number }>(
      `select (select count(*) from cases)::int as cases, (select count(*) from suggestions)::int as suggestions, (select count(*) from deadlines)::int as deadlines`,
    );
    return { kind, seedMs, figures, counts: counts[0]! };
  } finally {
    await database.close();
    await drop();
  }
}

const results: Awaited<ReturnType<typeof benchEngine>>[] = [];
for (const kind of engines) results.push(await benchEngine(kind));

const engineName = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15');
const c = results[0]!.counts;
const lines = [
  '## 驾驶舱 (cockpit)',
  '',
  `\`${command}\`, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${c.cases.toLocaleString('en-US')} cases, as many clues, ${c.suggestions.toLocaleString('en-US')} suggestions, ${c.deadlines.toLocaleString('en-US')} deadlines, outcomes and suit events on a share of the cases (bench/cockpit/run.ts). Time of \`buildCockpit\` (all that GET /api/cockpit computes: some 30 figures with 同比 and the breakdowns, one statement each), median of ${repeat} runs after one warm-up. Targets (issue 16): first paint < 500 ms on PostgreSQL, < 1 s on PGlite.`,
  '',
  `| call | ${results.map((r) => `${engineName(r.kind)} ms`).join(' | ')} |`,
  `|---|${results.map(() => '---:|').join('')}`,
  ...results[0]!.figures.map(
    (f, i) => `| ${f.what} | ${results.map((r) => r.figures[i]!.ms.toFixed(1)).join(' | ')} |`,
  ),
  '',
  `Seeding (bulk INSERTs): ${results.map((r) => `${engineName(r.kind)} ${(r.seedMs / 1000).toFixed(1)} s`).join('; ')}. The machine (2 cores) was shared with other work: figures vary by up to ±50 %.`,
  '',
];
console.log(lines.join('\n'));
if (!values['no-write']) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf('## 驾驶舱 (cockpit)');
  const section = lines.join('\n');
  if (start < 0) {
    const before = doc.indexOf('## History');
    writeFileSync(
      path,
      before < 0 ? `${doc}\n${section}` : `${doc.slice(0, before)}${section}\n${doc.slice(before)}`,
    );
  } else {
    const next = doc.indexOf('\n## ', start + 3);
    writeFileSync(path, `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next + 1)}`);
  }
}
