import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { copyScheme, exampleScheme } from '@procura/domain/assessment/schemes';
import { chinaDate } from '@procura/domain/china-time';
import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { writeScheme } from '../../assessment/periods.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { now } from '../../clock.ts';
import { suggestionDocCode } from '../../departments/list-departments.ts';
import { type DemoPeople, generateDemoWork } from './generate.ts';
import { DemoPlan, type DemoRows, type DemoStart, type DemoUser } from './plan.ts';
import { SeededRandom } from './random.ts';

/** The seed of the generator: the same work on every first start with the same clock. */
export const demoWorkSeed = 20_231_128;

/** Tables in insert order (references first), with the table each list of rows goes into. */
const tables: {
  key: Exclude<keyof DemoRows, 'caseNumberCounters' | 'docNumberCounters'>;
  table: PgTable;
  identity: boolean;
}[] = [
  { key: 'collideDatasets', table: schema.collideDatasets, identity: true },
  { key: 'collideRuns', table: schema.collideRuns, identity: true },
  { key: 'cases', table: schema.cases, identity: true },
  { key: 'clues', table: schema.clues, identity: true },
  { key: 'clueParties', table: schema.clueParties, identity: true },
  { key: 'clueTransfers', table: schema.clueTransfers, identity: true },
  { key: 'collideHits', table: schema.collideHits, identity: true },
  { key: 'caseEvents', table: schema.caseEvents, identity: true },
  { key: 'suggestions', table: schema.suggestions, identity: true },
  { key: 'caseOutcomes', table: schema.caseOutcomes, identity: true },
  { key: 'deadlines', table: schema.deadlines, identity: true },
  { key: 'supportedProsecutions', table: schema.supportedProsecutions, identity: false },
  { key: 'supportedProsecutionApplicants', table: schema.supportedProsecutionApplicants, identity: true },
  { key: 'supportedProsecutionSteps', table: schema.supportedProsecutionSteps, identity: true },
  { key: 'adminDisputes', table: schema.adminDisputes, identity: false },
  { key: 'juvenileMinors', table: schema.juvenileMinors, identity: true },
  { key: 'juvenileGuardianshipOrders', table: schema.juvenileGuardianshipOrders, identity: true },
  { key: 'juvenileFollowUps', table: schema.juvenileFollowUps, identity: true },
  { key: 'juvenileFollowUpVisits', table: schema.juvenileFollowUpVisits, identity: true },
  { key: 'juvenileSealings', table: schema.juvenileSealings, identity: true },
  { key: 'judicialAids', table: schema.judicialAids, identity: true },
  { key: 'mailboxLetters', table: schema.mailboxLetters, identity: true },
  { key: 'outreachEvents', table: schema.outreachEvents, identity: true },
];

/** What was generated: rows per table and the id range, as the audit entry records it. */
export type DemoWorkSummary = Record<string, { rows: number; firstId?: number; lastId?: number }>;

/**
 * 演示数据: two years of work (clues, cases, suggestions, deadlines, outcomes, model runs, juvenile
 * cases, letters, outreach) for the demo procuratorate just seeded, up to today by the app's clock.
 * Bulk inserts of rows the generator built with their ids, one audit entry naming what was written
 * (the SM3 chain gets one link, as for the demo seed itself). Runs in the seeding transaction.
 */
export async function seedDemoWork(tx: Executor): Promise<DemoWorkSummary> {
  const today = chinaDate(now());
  const departments = await tx.select().from(schema.departments);
  const users = await tx
    .select({ id: schema.users.id, username: schema.users.username, displayName: schema.users.displayName })
    .from(schema.users);
  const schools = await tx
    .select({ id: schema.partnerSchools.id, name: schema.partnerSchools.name })
    .from(schema.partnerSchools)
    .orderBy(schema.partnerSchools.id);
  const [procuratorate] = await tx.select().from(schema.procuratorate);
  const byName = (name: string) => {
    const d = departments.find((x) => x.name === name);
    if (!d) throw new Error(`演示部门不存在：${name}`);
    return { id: d.id, name: d.name, docCode: suggestionDocCode(d) };
  };
  const user = (username: string): DemoUser => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`演示账号不存在：${username}`);
    return u;
  };
  const people: DemoPeople = {
    departments: {
      criminal: byName('第一检察部'),
      civil: byName('第四检察部'),
      pil: byName('第五检察部'),
      juvenile: byName('第六检察部'),
    },
    heads: { criminal: user('head1'), civil: user('head4'), pil: user('head5'), juvenile: user('head6') },
    handlers: {
      criminal: [user('prosecutor1')],
      civil: [user('prosecutor4'), user('head4')],
      pil: [user('prosecutor5a'), user('head5')],
      juvenile: [user('prosecutor6'), user('head6')],
    },
    analyst: user('analyst'),
    schools,
  };
  const thisYear = Number(today.slice(0, 4));
  const calendar = await loadCalendar(tx, [thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1]);
  const ids = {} as DemoStart['ids'];
  for (const { key, table, identity } of tables) {
    if (!identity) continue;
    const [row] = await tx.select({ max: sql<number | null>`max(id)::int` }).from(table);
    (ids as Record<string, number>)[key] = row?.max ?? 0;
  }
  const plan = new DemoPlan(new SeededRandom(demoWorkSeed), today, calendar, procuratorate?.shortName ?? '', {
    ids,
  });
  for (const u of users) plan.usersById.set(u.id, u);
  generateDemoWork(plan, people);
  // A step on today's date may have been given an hour still ahead: nothing happened in the future.
  const instant = now();
  for (const rows of Object.values(plan.rows) as Record<string, unknown>[][]) {
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) {
        if (value instanceof Date && value > instant) row[key] = instant;
      }
    }
  }

  const summary: DemoWorkSummary = {};
  for (const { key, table, identity } of tables) {
    const rows = plan.rows[key] as Record<string, unknown>[];
    await bulkInsert(tx, table, rows);
    const entry: DemoWorkSummary[string] = { rows: rows.length };
    if (identity && rows.length) {
      entry.firstId = rows[0]!.id as number;
      entry.lastId = rows[rows.length - 1]!.id as number;
      const name = getTableName(table);
      // The rows carry their ids: move the identity on past them for the next insert by hand.
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${name}, 'id'), (select max(id) from ${table}))`,
      );
    }
    summary[getTableName(table)] = entry;
  }
  for (const [table, rows] of [
    [schema.caseNumberCounters, plan.rows.caseNumberCounters],
    [schema.docNumberCounters, plan.rows.docNumberCounters],
  ] as const) {
    if (!rows.length) continue;
    await tx
      .insert(table)
      .values(rows)
      .onConflictDoUpdate({
        target: [table.year, table.code],
        set: { last: sql`greatest(${table.last}, excluded.last)` },
      });
  }
  summary.assessment_periods = { rows: await seedDemoAssessmentPeriod(tx, today) };
  await recordAudit(tx, {
    actor: { id: null, name: '系统' },
    action: 'system.demoWork',
    detail: { today, seed: demoWorkSeed, tables: summary },
  });
  return summary;
}

/**
 * 考核周期 of the current year with the shipped 示例 scheme (flagged is_example, every title
 * （示例）), opened by the demo 政治部 account, so the assessment pages show this year's work
 * scored under a scheme. Demo only: an empty start has no period until 政治部 creates one.
 */
async function seedDemoAssessmentPeriod(tx: Executor, today: string): Promise<number> {
  const year = today.slice(0, 4);
  const [personnel] = await tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.username, 'personnel1'));
  const scheme = copyScheme(exampleScheme);
  const [period] = await tx
    .insert(schema.assessmentPeriods)
    .values({
      name: `${year}年度（示例）`,
      kind: 'year',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      isExample: true,
      appealDays: scheme.appealDays,
      createdBy: personnel?.id ?? null,
    })
    .returning({ id: schema.assessmentPeriods.id });
  if (!period) return 0;
  await writeScheme(tx, period.id, scheme);
  return 1;
}

/**
 * All rows of a table in one statement with one parameter: the rows as a JSON array, spread into
 * the table's row type by jsonb_populate_recordset. On PGlite this is several times faster than a
 * multi-row VALUES with a parameter per cell (thousands of case events in a few hundred ms).
 * Values come from the generator, never from a request; column names from the Drizzle schema.
 */
async function bulkInsert(tx: Executor, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((row) => key in row));
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = key in row ? row[key] : column.default;
      out[column.name] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return out;
  });
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(json)}::jsonb)`,
  );
}
