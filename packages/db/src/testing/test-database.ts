import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';

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

/** A fresh, migrated, empty database: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ inMemory: true });
    await migrate(database);
    return { ...database, url: undefined };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url });
  await migrate(database);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** A new empty database on the test server, and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.PROCURA_TEST_PG_URL;
  if (!adminUrl) throw new Error('PROCURA_TEST_PG_URL 未设置');
  const name = `procura_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
