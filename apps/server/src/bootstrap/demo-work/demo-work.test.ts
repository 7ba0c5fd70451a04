import { type Database, schema } from '@procura/db';
import { createTestDatabase, testEngines } from '@procura/db/testing';
import { chinaDate } from '@procura/domain/china-time';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../audit/verify-audit.ts';
import type { TCaseList } from '../../cases/schema.ts';
import { withClock } from '../../clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { testClock, testDay, testNow } from '../../testing/test-clock.ts';
import { initialise } from '../initialise.ts';

/** Every table the generator writes, as rows in id order (what "identical" compares). */
async function dump(database: Database): Promise<Record<string, unknown[]>> {
  const tables = {
    cases: schema.cases,
    clues: schema.clues,
    clue_parties: schema.clueParties,
    clue_transfers: schema.clueTransfers,
    case_events: schema.caseEvents,
    case_outcomes: schema.caseOutcomes,
    suggestions: schema.suggestions,
    deadlines: schema.deadlines,
    juvenile_minors: schema.juvenileMinors,
    juvenile_guardianship_orders: schema.juvenileGuardianshipOrders,
    juvenile_follow_ups: schema.juvenileFollowUps,
    juvenile_follow_up_visits: schema.juvenileFollowUpVisits,
    juvenile_sealings: schema.juvenileSealings,
    judicial_aids: schema.judicialAids,
    supported_prosecutions: schema.supportedProsecutions,
    supported_prosecution_applicants: schema.supportedProsecutionApplicants,
    supported_prosecution_steps: schema.supportedProsecutionSteps,
    admin_disputes: schema.adminDisputes,
    collide_datasets: schema.collideDatasets,
    collide_runs: schema.collideRuns,
    collide_hits: schema.collideHits,
    mailbox_letters: schema.mailboxLetters,
    outreach_events: schema.outreachEvents,
    case_number_counters: schema.caseNumberCounters,
    doc_number_counters: schema.docNumberCounters,
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    out[name] = await database.db.select().from(table).orderBy(sql`1`);
  }
  return out;
}

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const result = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows[0]!;
}

/** Yuan of one outcome kind (of one case type). */
const money = async (database: Database, kind: string, type?: string) => {
  const row = await one<{ fen: string | null }>(
    database,
    sql`select sum(o.amount_fen)::text as fen from case_outcomes o join cases c on c.id = o.case_id
        where o.kind = ${kind} ${type ? sql`and c.type = ${type}` : sql``}`,
  );
  return Number(row.fen ?? 0) / 100;
};

describe.each(testEngines())('demo work (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock, demoWork: true });
  }, 120_000);
  afterAll(() => t?.close());

  it('writes two years of work up to today, each record marked 演示数据', async () => {
    const db = t.database.db;
    const [cases] = await db.select({ n: count() }).from(schema.cases);
    const [clues] = await db.select({ n: count() }).from(schema.clues);
    expect(cases!.n).toBeGreaterThanOrEqual(200);
    expect(cases!.n).toBeLessThanOrEqual(400);
    expect(clues!.n).toBeGreaterThanOrEqual(250);
    const unmarked = await one<{ cases: number; clues: number; letters: number; events: number }>(
      t.database,
      sql`select (select count(*)::int from cases where title not like '%演示数据%') as cases,
                 (select count(*)::int from clues where title not like '%演示数据%') as clues,
                 (select count(*)::int from mailbox_letters where body not like '%演示数据%') as letters,
                 (select count(*)::int from case_events where note not like '%演示数据%') as events`,
    );
    expect(unmarked).toEqual({ cases: 0, clues: 0, letters: 0, events: 0 });
    // Every line has work, across two years ending today (the clock's, not the wall's).
    const span = await one<{ first: string; last: string; months: number; lines: number }>(
      t.database,
      sql`select to_char(min(opened_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as first,
                 to_char(max(opened_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as last,
                 count(distinct to_char(opened_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int as months,
                 count(distinct d.line)::int as lines
          from cases c join departments d on d.id = c.department_id`,
    );
    expect(span.first >= testDay(-740)).toBe(true);
    expect(span.first <= testDay(-600)).toBe(true);
    expect(span.last <= testDay(0)).toBe(true);
    expect(span.last >= testDay(-30)).toBe(true);
    expect(span.months).toBeGreaterThanOrEqual(22);
    expect(span.lines).toBe(3);
  });

  it('opens a 示例 考核周期 for the current year, so the assessment pages are not empty', async () => {
    const year = testDay(0).slice(0, 4);
    const periods = await t.database.db.select().from(schema.assessmentPeriods);
    expect(periods.map((p) => [p.name, p.startsOn, p.endsOn, p.isExample, p.status])).toEqual([
      [`${year}年度（示例）`, `${year}-01-01`, `${year}-12-31`, true, 'open'],
    ]);
    const indicators = await t.database.db
      .select()
      .from(schema.assessmentIndicators)
      .where(eq(schema.assessmentIndicators.periodId, periods[0]!.id));
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((i) => i.name.includes('示例'))).toBe(true);

    // The demo staff served the whole year: scored under the stored scheme, nothing pro rata.
    const cookie = await t.login('prosecutor5a');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{
      id: number;
    }>();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/assessment/profiles/${me.id}?year=${year}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json<{
      schemeName: string;
      segments: { days: number; indicators: { rule: string }[] }[];
    }>();
    expect(profile.schemeName).toContain(`${year}年度（示例）`);
    expect(profile.segments.map((s) => s.days)).toEqual([
      (Date.parse(`${Number(year) + 1}-01-01`) - Date.parse(`${year}-01-01`)) / 86_400_000,
    ]);
    expect(profile.segments[0]?.indicators.some((i) => i.rule.includes('折算'))).toBe(false);
  });

  it('gives the figures the seed speaks of, in its orders of magnitude', async () => {
    const d = t.database;
    // 追回国有财产119万余元 (one case) and more besides.
    expect(await money(d, 'stateAssetsRecovered')).toBeGreaterThan(1_190_000);
    expect(await money(d, 'stateAssetsRecovered')).toBeLessThan(3_000_000);
    // 民事支持起诉 77件60余万元 in three years: about two thirds of that in two.
    const support = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from cases where type = 'supportedSuit'`,
    );
    expect(support.n).toBeGreaterThanOrEqual(40);
    expect(support.n).toBeLessThanOrEqual(60);
    const supported =
      (await money(d, 'wagesRecovered', 'supportedSuit')) +
      (await money(d, 'compensationPaid', 'supportedSuit'));
    expect(supported).toBeGreaterThan(250_000);
    expect(supported).toBeLessThan(700_000);
    // Its outcomes are the sum of the applicants' recovered money, as sync-outcome.ts keeps them.
    const mismatch = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from supported_prosecutions sp
          left join case_outcomes o on o.id = sp.amount_outcome_id
          where coalesce(o.amount_fen, 0) <> (select coalesce(sum(recovered_fen), 0) from supported_prosecution_applicants a where a.case_id = sp.case_id)`,
    );
    expect(mismatch.n).toBe(0);
    // 化解行政争议15起 in three years.
    const resolved = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from admin_disputes where outcome is not null and outcome <> 'unresolved'`,
    );
    expect(resolved.n).toBeGreaterThanOrEqual(5);
    expect(resolved.n).toBeLessThanOrEqual(15);
    // 模型查出问题案件5件，追回资金4万余元: the prisoner-subsidy run's hits became clues and cases.
    const model = await one<{ hits: number; clues: number; cases: number; fen: string }>(
      d,
      sql`select count(distinct h.id)::int as hits, count(distinct h.clue_id)::int as clues,
                 count(distinct cl.case_id)::int as cases, coalesce(sum(o.amount_fen), 0)::text as fen
          from collide_runs r join collide_hits h on h.run_id = r.id
          left join clues cl on cl.id = h.clue_id
          left join case_outcomes o on o.case_id = cl.case_id and o.kind = 'subsidiesRecovered'
          where r.model_id = 'prisoner-subsidy'`,
    );
    expect(model.clues).toBe(5);
    expect(model.cases).toBe(5);
    expect(model.hits).toBeGreaterThan(5);
    expect(Number(model.fen) / 100).toBeGreaterThan(40_000);
    expect(Number(model.fen) / 100).toBeLessThan(50_000);
    // 504件盗窃案追回电动车74辆.
    const vehicles = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from collide_hits h join collide_runs r on r.id = h.run_id
          where r.model_id = 'stolen-vehicle' and h.status = 'confirmed'`,
    );
    expect(vehicles.n).toBe(74);
  });

  it('leaves some work due: overdue deadlines, suggestions awaiting approval or reply, open clues', async () => {
    const today = chinaDate(testNow);
    const d = t.database;
    const due = await one<{
      overdue: number;
      open: number;
      approvals: number;
      awaitingReply: number;
      pendingClues: number;
      unanswered: number;
      visitsDue: number;
      hitsPending: number;
    }>(
      d,
      sql`select
        (select count(*)::int from deadlines where completed_on is null and due_on < ${today}) as overdue,
        (select count(*)::int from deadlines where completed_on is null and due_on >= ${today}) as open,
        (select count(*)::int from suggestions where state = 'pendingApproval') as approvals,
        (select count(*)::int from suggestions where state = 'delivered') as "awaitingReply",
        (select count(*)::int from clues where status in ('pending', 'assessing')) as "pendingClues",
        (select count(*)::int from mailbox_letters where status <> 'answered') as unanswered,
        (select count(*)::int from juvenile_follow_up_visits where done_on is null and due_on <= ${today}) as "visitsDue",
        (select count(*)::int from collide_hits where status = 'pending') as "hitsPending"`,
    );
    expect(due.overdue).toBeGreaterThanOrEqual(3);
    // "Some" overdue, not most: a procuratorate that misses most limits is not plausible.
    expect(due.overdue).toBeLessThan(60);
    expect(due.open).toBeGreaterThan(0);
    expect(due.approvals + due.awaitingReply).toBeGreaterThan(0);
    expect(due.pendingClues).toBeGreaterThan(0);
    expect(due.unanswered).toBeGreaterThan(0);
    expect(due.hitsPending).toBeGreaterThan(0);
    expect(due.visitsDue).toBeGreaterThanOrEqual(0);
    // Adopted or rectified suggestions dominate, as in practice.
    const rect = await one<{ full: number; total: number }>(
      d,
      sql`select count(*) filter (where rectification = 'fullyRectified')::int as full,
                 count(*) filter (where rectification is not null)::int as total from suggestions`,
    );
    expect(rect.full / rect.total).toBeGreaterThan(0.6);
  });

  it('seals juvenile records as the law says and keeps them out of lists outside 未检', async () => {
    const d = t.database;
    const wrong = await one<{ n: number; sealed: number }>(
      d,
      sql`select count(*) filter (where c.type <> 'juvenileSuspect' or (s.basis = 'sentence' and s.sentence_months > 60))::int as n,
                 count(*)::int as sealed
          from juvenile_sealings s join cases c on c.id = s.case_id`,
    );
    expect(wrong.sealed).toBeGreaterThan(0);
    expect(wrong.n).toBe(0);
    const chief = await t.login('chief');
    const head6 = await t.login('head6');
    const list = async (cookie: string, departmentId?: number) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases?pageSize=1${departmentId ? `&departmentId=${departmentId}` : ''}`,
          headers: { cookie },
        })
      ).json<TCaseList>();
    const [juvenile] = await d.db
      .select({ id: schema.departments.id })
      .from(schema.departments)
      .where(eq(schema.departments.name, '第六检察部'));
    const all = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from cases where department_id = ${juvenile!.id}`,
    );
    expect((await list(head6, juvenile!.id)).total).toBe(all.n);
    expect((await list(chief, juvenile!.id)).total).toBe(all.n - wrong.sealed);
  });

  it("shows a department head only their department's generated records", async () => {
    const d = t.database;
    for (const [username, name] of [
      ['head5', '第五检察部'],
      ['head4', '第四检察部'],
    ] as const) {
      const [department] = await d.db
        .select({ id: schema.departments.id })
        .from(schema.departments)
        .where(eq(schema.departments.name, name));
      const cookie = await t.login(username);
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/cases?pageSize=200',
        headers: { cookie },
      });
      const body = response.json<TCaseList>();
      const mine = await one<{ n: number }>(
        d,
        sql`select count(*)::int as n from cases where department_id = ${department!.id}`,
      );
      expect(mine.n).toBeGreaterThan(20);
      expect(body.total).toBe(mine.n);
      expect(new Set(body.items.map((c) => c.department.id))).toEqual(new Set([department!.id]));
    }
  });

  it('keeps the audit chain whole and the numbering going for work entered afterwards', async () => {
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: true, broken: null });
    const cookie = await t.login('prosecutor5a');
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie },
      payload: { type: 'adminPublicInterest', title: '生成之后手工立的案件', pilField: 'ecology' },
    });
    expect(opened.statusCode).toBe(201);
    const { caseNumber } = opened.json<{ caseNumber: string }>();
    const [last] = await t.database.db
      .select({ last: schema.caseNumberCounters.last })
      .from(schema.caseNumberCounters)
      .where(eq(schema.caseNumberCounters.code, '公益立'))
      .orderBy(sql`year desc`)
      .limit(1);
    expect(caseNumber).toBe(`成华检公益立〔${testNow.getFullYear()}〕${last!.last}号`);
    expect(last!.last).toBeGreaterThan(1);
  });
});

describe.each(testEngines())('demo work generation (%s)', (kind) => {
  it('gives identical records on two first starts at the same instant', { timeout: 240_000 }, async () => {
    const dumps = [];
    for (let i = 0; i < 2; i++) {
      const database = await createTestDatabase(kind);
      try {
        await withClock(testClock, () => initialise(database, { demo: true }));
        dumps.push(await dump(database));
      } finally {
        await database.close();
      }
    }
    expect(dumps[0]!.cases!.length).toBeGreaterThan(0);
    expect(dumps[1]).toEqual(dumps[0]);
  });

  it('generates nothing with PROCURA_DEMO=0', async () => {
    const database = await createTestDatabase(kind);
    try {
      await withClock(testClock, () =>
        initialise(database, { demo: false, adminPassword: 'Zz9!procura-test-pw' }),
      );
      const counts = await one<{
        cases: number;
        clues: number;
        letters: number;
        runs: number;
        periods: number;
      }>(
        database,
        sql`select (select count(*)::int from cases) as cases, (select count(*)::int from clues) as clues,
                   (select count(*)::int from mailbox_letters) as letters, (select count(*)::int from collide_runs) as runs,
                   (select count(*)::int from assessment_periods) as periods`,
      );
      expect(counts).toEqual({ cases: 0, clues: 0, letters: 0, runs: 0, periods: 0 });
    } finally {
      await database.close();
    }
  });
});
