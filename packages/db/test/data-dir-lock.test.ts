import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/connection.ts';
import { DataDirBusyError } from '../src/data-dir-lock.ts';
import { migratedDataDir } from '../src/testing/test-database.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const connectionModule = fileURLToPath(new URL('../src/connection.ts', import.meta.url));

/** Opens the folder, or returns what openDatabase threw. */
async function tryOpen(dataDir: string): Promise<Database | unknown> {
  return openDatabase({ dataDir }).then(
    (database) => database,
    (error: unknown) => error,
  );
}

const isDatabase = (value: unknown): value is Database =>
  typeof value === 'object' && value !== null && 'close' in value && 'query' in value;

/** Another process that opens the folder through openDatabase and keeps it open until killed. */
async function startHolder(dataDir: string): Promise<ChildProcess> {
  const script = `const { openDatabase } = await import(${JSON.stringify(connectionModule)});
await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
console.log('open');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** The PID of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('PGlite data folder lock', () => {
  let dataDir: string;
  const lockFile = () => join(dataDir, 'procura.lock');
  const readRows = async (database: Database) =>
    (await database.query<{ note: string }>('select note from notes order by id')).map((row) => row.note);

  beforeAll(() => {
    dataDir = migratedDataDir('procura-lock-');
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds a lock with its own PID while open; after close() the folder reopens with its data', async () => {
    const first = await openDatabase({ dataDir });
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    await first.query('create table notes (id serial primary key, note text not null)');
    await first.query(`insert into notes (note) values ('卷宗一'), ('卷宗二')`);
    await first.close();
    expect(existsSync(lockFile())).toBe(false);

    const again = await openDatabase({ dataDir });
    try {
      expect(await readRows(again)).toEqual(['卷宗一', '卷宗二']);
    } finally {
      await again.close();
    }
  });

  it('refuses a folder held by another live process, naming the folder, and leaves its lock alone', async () => {
    const holder = await startHolder(dataDir);
    try {
      const outcome = await tryOpen(dataDir);
      if (isDatabase(outcome)) await outcome.close();
      expect(outcome).toBeInstanceOf(DataDirBusyError);
      const error = outcome as DataDirBusyError;
      expect(error.code).toBe('DATA_DIR_BUSY');
      expect(error.pid).toBe(holder.pid);
      expect(error.message).toContain(dataDir);
      expect(error.message).toContain(`PID ${holder.pid}`);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(holder.pid));
    } finally {
      await stop(holder);
    }
    // Killed without releasing its lock: the lock is stale and taken over, the data intact.
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(holder.pid));
    const database = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
      expect(await readRows(database)).toEqual(['卷宗一', '卷宗二']);
    } finally {
      await database.close();
    }
  });

  it('takes over a stale lock left by a process that has ended', async () => {
    writeFileSync(lockFile(), String(await deadPid()));
    const database = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
      expect(await readRows(database)).toEqual(['卷宗一', '卷宗二']);
    } finally {
      await database.close();
    }
    expect(existsSync(lockFile())).toBe(false);
  });

  // acquireDataDirLock treats a lock holding our own PID as stale, so a second open in the same
  // process takes over the folder while the first is still open (see the report).
  it('refuses a second open of the same folder in the same process while the first is open', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const outcome = await tryOpen(dataDir);
      if (isDatabase(outcome)) await outcome.close();
      expect(outcome).toBeInstanceOf(DataDirBusyError);
      expect((outcome as Error).message).toContain(dataDir);
      expect(existsSync(lockFile())).toBe(true);
    } finally {
      await first.close();
    }
  });
});
