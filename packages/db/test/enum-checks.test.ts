import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/connection.ts';
import { migrate, migrationsFolder } from '../src/migrate.ts';
import * as schema from '../src/schema/index.ts';
import {
  createPostgresDatabase,
  createTestDatabase,
  type TestDatabase,
  testEngines,
} from '../src/testing/test-database.ts';

/** Every column typed `text(…, { enum })` in the Drizzle schema, with its list. */
function enumColumns(): { table: string; column: string; values: readonly string[] }[] {
  const found = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const { name, columns } = getTableConfig(value);
    for (const column of columns) {
      if (column.enumValues?.length)
        found.push({ table: name, column: column.name, values: column.enumValues });
    }
  }
  return found;
}

/** The values of a CHECK as PostgreSQL prints it: `CHECK ((x = ANY (ARRAY['a'::text, 'b'::text])))`. */
function listedValues(definition: string): string[] {
  return [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replaceAll("''", "'"));
}

async function refusal(
  run: Promise<unknown>,
): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await run;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error && !('code' in current) && current.cause) current = current.cause;
    return current as { code?: string; constraint?: string; message: string };
  }
  throw new Error('the database accepted the row');
}

/** A copy of the migrations folder holding only those before the first enum_checks migration. */
async function migrationsBeforeChecks(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'procura-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const first = journal.entries.findIndex((e) => e.tag.includes('enum_checks'));
  expect(first).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, first);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

/** A database of the engine migrated up to, not including, the CHECK constraints. */
async function databaseBeforeChecks(engine: 'pglite' | 'postgres', folder: string) {
  if (engine === 'pglite') {
    const database = await openDatabase({ inMemory: true });
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return { database, drop: async () => undefined };
  }
  const { url, drop } = await createPostgresDatabase();
  const database: Database = await openDatabase({ databaseUrl: url });
  if (database.driver.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const client = await database.driver.pool.connect();
  try {
    await migratePg(drizzlePg(client), { migrationsFolder: folder });
  } finally {
    client.release();
  }
  return { database, drop };
}

describe.each(testEngines())('status and kind columns (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has enum columns to check', () => {
    expect(enumColumns().map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining(['users.role', 'clues.status', 'cases.type']),
    );
  });

  it("keeps every enum column's CHECK equal to the domain's list", async () => {
    const rows = await database.query<{ name: string; definition: string }>(
      `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where contype = 'c'`,
    );
    const checks = new Map(rows.map((r) => [r.name, r.definition]));
    const drift = [];
    for (const { table, column, values } of enumColumns()) {
      const definition = checks.get(`${table}_${column}_check`);
      const inDatabase = definition ? listedValues(definition) : null;
      if (!inDatabase || [...inDatabase].sort().join() !== [...values].sort().join()) {
        drift.push({ column: `${table}.${column}`, domain: values, database: inDatabase });
      }
    }
    // A value added to packages/domain/src/states.ts needs `npm run db:generate` for its migration.
    expect(drift).toEqual([]);
  });

  it('refuses an unknown role, naming the constraint', async () => {
    const error = await refusal(
      database.query(
        `insert into users (username, display_name, password_hash, role) values ($1, $2, $3, $4)`,
        ['ghost', '幽灵', 'x', 'superuser'],
      ),
    );
    expect(error.code).toBe('23514');
    expect(error.constraint).toBe('users_role_check');
    expect(error.message).toContain('users_role_check');
  });

  it('refuses an unknown clue status and keeps the known ones', async () => {
    const [department] = await database.query<{ id: number }>(
      `insert into departments (name, line) values ('公益诉讼检察部', 'publicInterest') returning id`,
    );
    const [user] = await database.query<{ id: number }>(
      `insert into users (username, display_name, password_hash, role, department_id)
       values ('wang', '王检察官', 'x', 'prosecutor', $1) returning id`,
      [department!.id],
    );
    const insertClue = (status: string) =>
      database.query(
        `insert into clues (source, title, description, department_id, status, created_by)
         values ('publicReport', '河道排污', '群众举报', $1, $2, $3)`,
        [department!.id, status, user!.id],
      );
    await insertClue('assessing');
    const error = await refusal(insertClue('archived'));
    expect(error.code).toBe('23514');
    expect(error.constraint).toBe('clues_status_check');
    const [{ count }] = (await database.query<{ count: number }>(
      `select count(*)::int as count from clues`,
    )) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('refuses to migrate a database holding an unknown value, and changes nothing', async () => {
    const folder = await migrationsBeforeChecks();
    const { database: old, drop } = await databaseBeforeChecks(engine, folder);
    try {
      await old.query(
        `insert into users (username, display_name, password_hash, role) values ($1, $2, $3, $4)`,
        ['legacy', '旧账号', 'x', 'superuser'],
      );
      const error = await refusal(migrate(old));
      expect(error.code).toBe('23514');
      expect(error.message).toContain('users_role_check');
      // One transaction: no constraint was added and the row is as it was, for the operator to fix.
      const names = enumColumns().map((c) => `${c.table}_${c.column}_check`);
      const checks = await old.query(`select conname from pg_constraint where conname = any($1)`, [names]);
      expect(checks).toEqual([]);
      expect(await old.query(`select role from users where username = 'legacy'`)).toEqual([
        { role: 'superuser' },
      ]);
    } finally {
      await old.close();
      await drop();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
