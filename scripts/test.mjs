#!/usr/bin/env node
// `npm test`: lint, type check, build the web app, then every test (unit, database tests on PGlite
// and on a real PostgreSQL 15, browser tests in Chromium). Starts its own PostgreSQL when
// PROCURA_TEST_PG_URL is not set. Ends with the plain line `N passed, N failed`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TZ: 'Asia/Shanghai' };

function step(title, command, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`✗ ${title} failed\n0 passed, 1 failed\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs steps side by side (`tsc` keeps one core busy, the web build mostly another), then prints
 * each one's output under its title, in order; stops after them if any failed.
 */
async function sideBySide(steps) {
  const results = await Promise.all(
    steps.map(
      ([title, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d) => {
            output += d;
          });
          child.stderr.on('data', (d) => {
            output += d;
          });
          child.on('error', (error) => resolve({ title, status: 1, output: `${output}${error.message}\n` }));
          child.on('close', (status) => resolve({ title, status, output }));
        }),
    ),
  );
  for (const { title, output } of results) process.stdout.write(`\n▶ ${title}\n${output}`);
  const failed = results.find((result) => result.status !== 0);
  if (failed) {
    process.stdout.write(`✗ ${failed.title} failed\n0 passed, 1 failed\n`);
    process.exit(failed.status ?? 1);
  }
}

step('lint (biome)', 'npx', ['biome', 'check', '.']);
await sideBySide([
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['build web', 'npm', ['run', '--silent', 'build:web']],
]);

let pgDir;
if (
  !env.PROCURA_TEST_PG_URL &&
  !(env.PROCURA_TEST_ENGINES ?? '').split(',').every((e) => e.trim() === 'pglite')
) {
  const port = String(55000 + Math.floor(Math.random() * 1000));
  const out = execFileSync('bash', ['scripts/postgres.sh', 'start', port], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n');
  pgDir = out.find((line) => line.startsWith('PROCURA_PG_DIR='))?.slice('PROCURA_PG_DIR='.length);
  env.PROCURA_TEST_PG_URL = out.at(-1);
  process.stdout.write(`\n▶ started PostgreSQL 15 for the tests: ${env.PROCURA_TEST_PG_URL}\n`);
}

const report = `${root}.vitest-report.json`;
rmSync(report, { force: true });
process.stdout.write('\n▶ tests (vitest: unit, server on PGlite + PostgreSQL, e2e in Chromium)\n');
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
if (pgDir) execFileSync('bash', ['scripts/postgres.sh', 'stop', pgDir], { cwd: root });

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  process.stdout.write(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(vitest.status ?? 1);
