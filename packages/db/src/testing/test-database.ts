import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, type DatabaseKind, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { adminQuery, type DatabaseTemplates } from './templates.ts';

/**
 * Database tests run on both engines. PostgreSQL comes from PROCURA_TEST_PG_URL (an admin URL;
 * `npm test` starts a server and sets it). Only PROCURA_TEST_ENGINES=pglite skips it, on purpose.
 */
export function testEngines(): DatabaseKind[] {
  const wanted = (process.env.PROCURA_TEST_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
  if (wanted.includes('postgres') && !process.env.PROCURA_TEST_PG_URL) {
    throw new Error(
      'PostgreSQL 测试需要 PROCURA_TEST_PG_URL（npm test 会自动启动一个 PostgreSQL 15）；只测 PGlite 请设 PROCURA_TEST_ENGINES=pglite',
    );
  }
  return wanted.filter((e): e is DatabaseKind => e === 'pglite' || e === 'postgres');
}

export interface TestDatabase extends Database {
  /** For a second connection to the same PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
}

/** The templates the global setup made; none where a test runs without it (a single file, say). */
function templates(): DatabaseTemplates {
  try {
    return inject('procuraTemplates') ?? {};
  } catch {
    return {};
  }
}

let pgliteDump: Promise<Blob> | undefined;

/** A fresh, migrated, empty database: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const { pgliteDump: dumpFile, postgres: template } = templates();
  if (kind === 'pglite') {
    if (dumpFile) {
      pgliteDump ??= readFile(dumpFile).then((bytes) => new Blob([bytes]));
      const database = await openDatabase({ inMemory: true, loadDataDir: await pgliteDump });
      return { ...database, url: undefined };
    }
    const database = await openDatabase({ inMemory: true });
    await migrate(database);
    return { ...database, url: undefined };
  }
  const { url, drop } = await createPostgresDatabase(template);
  const database = await openDatabase({ databaseUrl: url });
  if (!template) await migrate(database);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** A new database on the test server (empty, or a copy of `template`), and a function that drops it. */
export async function createPostgresDatabase(
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.PROCURA_TEST_PG_URL;
  if (!adminUrl) throw new Error('PROCURA_TEST_PG_URL 未设置');
  const name = `procura_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    adminUrl,
    template ? `create database ${name} template ${template}` : `create database ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * A new data folder (PROCURA_DATA_DIR) holding a copy of the migrated, still empty PGlite
 * database of the global setup, for a `procura` process or an in-process openDatabase: what a
 * first start leaves, less the seed, without paying PGlite's initdb and the migrations again.
 * Empty where no template was provided (a project without the global setup): the process then
 * creates and migrates the database itself. A test about a first start on a new folder uses a
 * plain empty folder instead.
 */
export function migratedDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const template = templates().pgliteDataDir;
  if (template) cpSync(template, dir, { recursive: true });
  return dir;
}
