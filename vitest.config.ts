import { defineConfig } from 'vitest/config';

// Deadlines and audit timestamps depend on the calendar day: tests run in China's time zone.
process.env.TZ = 'Asia/Shanghai';

// Workers load drizzle-orm natively: take the short way there too (packages/db/src/resolve-hook.ts).
const execArgv = ['--import', new URL('./packages/db/src/resolve-hook.ts', import.meta.url).pathname];

export default defineConfig({
  test: {
    // Vitest's default on a 2-core CI machine is one worker, but most of the time a test waits on
    // PostgreSQL, a spawned server or Chromium: three files at once keep both cores busy. Every
    // project shares these three (no project runs one file at a time, which would put it in a
    // group of its own after all the others).
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          execArgv,
          // One worker runs file after file without re-importing the modules (see docs/testing.md):
          // each file builds its own data, and none changes module state another reads.
          isolate: false,
          // Vitest's 5 s default is a speed target, and those live in bench/: on two loaded cores a
          // DuckDB test of one second took over five.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'packages/db/test/**/*.test.ts'],
          exclude: ['packages/db/test/data-dir-lock.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          execArgv,
          // Importing the app and compiling PGlite's WebAssembly again for every file cost about
          // 1.7 s of CPU a file; a worker now keeps them from one file to the next.
          isolate: false,
          // Migrate once per engine; every test database is a copy of that template.
          globalSetup: ['packages/db/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Tests that start `procura` (or a second Node) as a process: each start loads Node,
          // migrates or opens a data folder and waits for a port. On two cores with two CPU burners
          // beside the suite such a start took over 60 s, so these get three minutes.
          name: 'cli',
          include: ['apps/cli/src/**/*.test.ts', 'packages/db/test/data-dir-lock.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          execArgv,
          globalSetup: ['packages/db/src/testing/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          execArgv,
          // The migrated PGlite folder each test's server starts from (migratedDataDir).
          globalSetup: ['packages/db/src/testing/global-setup-pglite.ts'],
          // Files run beside each other and beside the other projects' files: each has its own
          // server (own port, own data folder) and Chromium. One at a time, after everything else,
          // they kept about one core and a half busy for three and a half minutes. The longest test
          // (seed-path, about 35 s on a quiet machine) took 105 s at a load average of 15.
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // A page settles in well under a second, but CI machines can be loaded (a full clean-clone run
          // beside other work saw a stage change outlast 15 s): poll patiently.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
