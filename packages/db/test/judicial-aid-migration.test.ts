import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/connection.ts';
import { migrate, migrationsFolder } from '../src/migrate.ts';
import { createPostgresDatabase, testEngines } from '../src/testing/test-database.ts';

/** A copy of the migrations folder without judicial_aids and those after it. */
async function migrationsBeforeJudicialAids(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'procura-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.includes('judicial_aids'));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

async function databaseAt(engine: 'pglite' | 'postgres', folder: string) {
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

describe.each(testEngines())('judicial aid migration (%s)', (engine) => {
  it("moves the juvenile department's 司法救助 records into judicial_aids, each once", async () => {
    const folder = await migrationsBeforeJudicialAids();
    const { database, drop } = await databaseAt(engine, folder);
    try {
      const [department] = await database.query<{ id: number }>(
        `insert into departments (name, line) values ('第六检察部', 'juvenile') returning id`,
      );
      const [user] = await database.query<{ id: number }>(
        `insert into users (username, display_name, password_hash, role, department_id)
         values ('zhao', '赵检察官', 'x', 'prosecutor', $1) returning id`,
        [department!.id],
      );
      const [theCase] = await database.query<{ id: number }>(
        `insert into cases (case_number, number_year, number_seq, type, stage, department_id, title, opened_at, created_by)
         values ('成华检未检立〔2026〕1号', 2026, 1, 'juvenileVictim', 'filed', $1, '张某被伤害案', now(), $2) returning id`,
        [department!.id, user!.id],
      );
      const [minor] = await database.query<{ id: number }>(
        `insert into juvenile_minors (case_id, role, name, gender, created_by)
         values ($1, 'victim', '张小明', 'male', $2) returning id`,
        [theCase!.id, user!.id],
      );
      const record = (kind: string, data: Record<string, unknown>, minorId: number | null = null) =>
        database.query(
          `insert into juvenile_case_records (case_id, minor_id, kind, data, recorded_by) values ($1, $2, $3, $4, $5)`,
          [theCase!.id, minorId, kind, JSON.stringify(data), user!.id],
        );
      await record(
        'judicialAssistance',
        {
          appliedOn: '2026-11-02',
          applicant: '张大山',
          decision: 'granted',
          decidedOn: '2026-11-10',
          amountFen: 500_000,
          paidOn: '2026-11-20',
        },
        minor!.id,
      );
      await record('judicialAssistance', { appliedOn: '2026-11-03', applicant: '李某', decision: 'pending' });
      await record('judicialAssistance', {
        appliedOn: '2026-11-04',
        applicant: '王某',
        decision: 'granted',
        decidedOn: '2026-11-12',
        amountFen: 300_000,
      });
      await record('occupationalBan', { suggestedOn: '2026-11-20', profession: '教师', years: 3 });

      await migrate(database);

      const moved = await database.query(
        `select minor_id as "minorId", applicant_name as "name", applied_on::text as "appliedOn", category, decision,
                decided_on::text as "decidedOn", approved_fen::int as "approvedFen", paid_on::text as "paidOn",
                paid_fen::int as "paidFen"
         from judicial_aids order by id`,
      );
      expect(moved).toEqual([
        {
          minorId: minor!.id,
          name: '张大山',
          appliedOn: '2026-11-02',
          category: 'juvenile',
          decision: 'granted',
          decidedOn: '2026-11-10',
          approvedFen: 500_000,
          paidOn: '2026-11-20',
          paidFen: 500_000,
        },
        {
          minorId: null,
          name: '李某',
          appliedOn: '2026-11-03',
          category: 'juvenile',
          decision: 'pending',
          decidedOn: null,
          approvedFen: null,
          paidOn: null,
          paidFen: null,
        },
        {
          minorId: null,
          name: '王某',
          appliedOn: '2026-11-04',
          category: 'juvenile',
          decision: 'granted',
          decidedOn: '2026-11-12',
          approvedFen: 300_000,
          paidOn: null,
          paidFen: null,
        },
      ]);
      // Gone from the juvenile records (so nothing counts them a second time); the others stay.
      expect(await database.query(`select kind from juvenile_case_records`)).toEqual([
        { kind: 'occupationalBan' },
      ]);
    } finally {
      await database.close();
      await drop();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
