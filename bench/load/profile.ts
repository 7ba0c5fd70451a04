/**
 * Where a list request's time goes, in process (no HTTP): counts the SQL statements each request
 * sends and times sequential requests through `app.inject` on in-memory PGlite with the demo data.
 *   node bench/load/profile.ts [--requests 200] [--path /api/cases …] [--user chief] [--cases N] [--statements]
 * `--cases N` adds N cases (bench/lists/seed.ts) to the demo data; `--statements` prints each
 * statement's mean time (time in PGlite's queue included).
 * `--cpu-prof FILE` writes a V8 CPU profile of the timed requests only (open it in Chrome's
 * DevTools) to see the functions that take the time.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { seedCases } from '../lists/seed.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    path: { type: 'string', multiple: true },
    user: { type: 'string', default: 'chief' },
    'cpu-prof': { type: 'string' },
    statements: { type: 'boolean', default: false },
    cases: { type: 'string', default: '0' },
  },
});
const paths = values.path ?? ['/api/health', '/api/cases', '/api/juvenile/cases', '/api/clues'];
const t = await createTestApp('pglite');
if (Number(values.cases) > 0) await seedCases(t.database, Number(values.cases));
const cookie = await t.login(values.user);
const { client } = t.database.driver as {
  client: { query: (...a: unknown[]) => unknown; exec: (...a: unknown[]) => unknown };
};
let statements = 0;
/** Time per statement text, with `--statements`. */
const byText = new Map<string, { n: number; ms: number }>();
for (const method of ['query', 'exec'] as const) {
  const original = client[method].bind(client);
  client[method] = async (...args: unknown[]) => {
    statements++;
    const start = performance.now();
    try {
      return await original(...args);
    } finally {
      const text = String(args[0]).replace(/\s+/g, ' ').slice(0, 220);
      const entry = byText.get(text) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += performance.now() - start;
      byText.set(text, entry);
    }
  };
}
for (const path of paths) {
  const once = () => t.app.inject({ method: 'GET', url: path, headers: { cookie } });
  const first = await once();
  if (first.statusCode !== 200) throw new Error(`${path}: ${first.statusCode} ${first.body}`);
  const n = Number(values.requests);
  statements = 0;
  byText.clear();
  const session = values['cpu-prof'] ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) await once();
  const ms = (performance.now() - start) / n;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / n;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(
      `${values['cpu-prof']}${paths.length > 1 ? `.${path.replaceAll('/', '_')}` : ''}`,
      JSON.stringify(profile),
    );
    session.disconnect();
  }
  process.stdout.write(
    `${path}\t${(statements / n).toFixed(1)} SQL statements/request\t${ms.toFixed(2)} ms/request\tCPU ${cpuMs.toFixed(2)} ms/request\n`,
  );
  if (values.statements) {
    for (const [text, { n: count, ms: total }] of [...byText].sort((a, b) => b[1].ms - a[1].ms)) {
      process.stdout.write(`  ${(total / count).toFixed(2)} ms × ${count}\t${text}\n`);
    }
  }
}
await t.close();
