import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { exampleScheme } from '@procura/domain/assessment/scoring';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPeriod } from '../assessment/schema.ts';
import { withClock } from '../clock.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { manualClock } from '../testing/test-clock.ts';
import { assessPeriod, type PeriodAssessment } from './assess.ts';
import type { ProfileView } from './profile.ts';

/**
 * A small department's year computed by hand. The fixture is built through the API on a clock
 * that walks through 2026: three prosecutors of a new public-interest department —
 * 甲 opens two 行政公益 cases and one 民事公益 case, issues one 诉前检察建议 in time (fully
 * rectified), leaves the other 行政公益 case without one past its three months, and records
 * 120,000 元 recovered; 乙 opens one 行政公益 case and issues its suggestion after the three months
 * (partly rectified) and holds one outreach event; 丙 has no records at all.
 */
describe.each(testEngines())('assessment computed from the records (%s)', (engine) => {
  let t: TestApp;
  const walk = manualClock(new Date('2026-01-05T10:00:00+08:00'));
  /** Moves the clock on to 10:00 China time of `day`. */
  const on = (day: string) =>
    walk.advance(new Date(`${day}T10:00:00+08:00`).getTime() - walk.clock().getTime());
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let departmentId = 0;

  const as = async <T>(
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
  ) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who] as string },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json<T>();
  };

  const openCase = async (who: string, type: string, title: string) =>
    (await as<{ id: number }>(who, 'POST', '/api/cases', { type, title, pilField: 'ecology' })).id;

  /** Draft → submit → approve (deputy) → 调查终结报告 → issue; returns the suggestion's id. */
  async function issueSuggestion(who: string, caseId: number, issueOn: string): Promise<number> {
    const { id } = await as<{ id: number }>(who, 'POST', '/api/suggestions', {
      caseId,
      kind: 'preLitigation',
      addressee: '某区林业局',
      facts: '某公司非法占用林地，你局未依法查处。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法查处非法占用林地行为。',
    });
    await as(who, 'POST', `/api/suggestions/${id}/submit`);
    await as('deputy', 'POST', `/api/suggestions/${id}/approve`, {});
    await as(who, 'POST', `/api/cases/${caseId}/events`, { kind: 'investigationReport', note: '调查终结' });
    on(issueOn);
    await as('deputy', 'POST', `/api/suggestions/${id}/issue`);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: walk.clock });
    await withClock(walk.clock, async () => {
      const [department] = await t.database.db
        .insert(schema.departments)
        .values({ name: '考评测试部', line: 'publicInterest' })
        .returning({ id: schema.departments.id });
      departmentId = department?.id ?? 0;
    });
    cookies.admin = await loginAs(t, 'admin');
    cookies.deputy = await loginAs(t, 'deputyChief');
    cookies.chief = await loginAs(t, 'chief');
    cookies.otherHead = await loginAs(t, 'departmentHead');
    for (const [key, name] of [
      ['a', '考评甲'],
      ['b', '考评乙'],
      ['c', '考评丙'],
    ] as const) {
      const username = `assess_${key}_${engine}`;
      const created = await as<{ id: number }>('admin', 'POST', '/api/users', {
        username,
        displayName: name,
        role: 'prosecutor',
        departmentId,
        password: 'Initial2026pw',
      });
      ids[key] = created.id;
      const first = await t.login(username, 'Initial2026pw');
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie: first },
        payload: { currentPassword: 'Initial2026pw', newPassword: 'Assess2026pw' },
      });
      cookies[key] = await t.login(username, 'Assess2026pw');
    }

    // They joined the department with the year (the accounts are made on 01-05; the history is
    // what the scoring reads, so a full year is scored without pro-rating).
    await t.database.db
      .update(schema.departmentMemberships)
      .set({ fromDate: '2026-01-01' })
      .where(inArray(schema.departmentMemberships.userId, [ids.a, ids.b, ids.c] as number[]));

    // 2026-01-05: the cases are opened (立案 starts 立案后提出检察建议或终结案件, three months).
    const a1 = await openCase('a', 'adminPublicInterest', '甲林地案');
    await openCase('a', 'adminPublicInterest', '甲河道案');
    await openCase('a', 'civilPublicInterest', '甲生态损害案');
    const b1 = await openCase('b', 'adminPublicInterest', '乙林地案');

    // 甲: issued on 2026-02-01 (within the three months), delivered 02-02, replied 03-01, fully rectified.
    const sa = await issueSuggestion('a', a1, '2026-02-01');
    on('2026-02-02');
    await as('a', 'POST', `/api/suggestions/${sa}/delivery`, { deliveredOn: '2026-02-02' });
    on('2026-03-01');
    await as('a', 'POST', `/api/suggestions/${sa}/reply`, { repliedOn: '2026-03-01', content: '已整改' });
    await as('a', 'POST', `/api/suggestions/${sa}/rectification`, {
      result: 'fullyRectified',
      followUp: 'none',
    });
    await as('a', 'POST', `/api/cases/${a1}/outcomes`, {
      kind: 'stateAssetsRecovered',
      amountFen: 12_000_000,
    });

    // 乙: one outreach event on 03-15; the suggestion issued 05-10, after the three months ran out.
    on('2026-03-15');
    await as('b', 'POST', '/api/outreach-events', {
      kind: 'lawToSchool',
      title: '法治进校园讲座',
      heldOn: '2026-03-15',
      place: '某中学',
      audience: '七年级学生',
      participantCount: 120,
    });
    const sb = await issueSuggestion('b', b1, '2026-05-10');
    on('2026-05-11');
    await as('b', 'POST', `/api/suggestions/${sb}/delivery`, { deliveredOn: '2026-05-11' });
    on('2026-06-20');
    await as('b', 'POST', `/api/suggestions/${sb}/reply`, { repliedOn: '2026-06-20', content: '部分整改' });
    await as('b', 'POST', `/api/suggestions/${sb}/rectification`, {
      result: 'partlyRectified',
      followUp: 'none',
    });

    // The calculation day.
    on('2026-06-30');
  }, 120_000);

  afterAll(() => t?.close());

  it('the platform computes the scores the hand computation gives', async () => {
    const assessment = await withClock(walk.clock, () =>
      assessPeriod(t.database.db, {
        period: { from: '2026-01-01', to: '2027-01-01' },
        asOf: '2026-06-30',
        departmentIds: [departmentId],
      }),
    );
    // No 考核周期 covers 2026 yet: the 示例 scheme stands in, and the result says so.
    expect(assessment.schemeSource).toMatchObject({ periodId: null });
    expect(assessment.schemeSource.note).toContain('按示例方案计算');
    expect(assessment.scheme.indicators).toBe(exampleScheme.indicators);
    const person = (key: string) => {
      const found = assessment.people.find((p) => p.userId === ids[key]);
      if (!found) throw new Error(`no result for ${key}`);
      return found;
    };
    const value = (key: string, indicator: string) =>
      person(key).primary.indicators.find((i) => i.key === indicator)?.value;
    const score = (key: string, indicator: string) =>
      person(key).primary.indicators.find((i) => i.key === indicator)?.score;

    // Values. 办案数: 甲 1.2 + 1.2 (行政公益) + 1.5 (民事公益) = 3.9; 乙 1.2; 丙 0.
    expect(value('a', 'casesHandled')).toBeCloseTo(3.9);
    expect(value('b', 'casesHandled')).toBeCloseTo(1.2);
    expect(value('c', 'casesHandled')).toBe(0);
    // 期限 (the procuratorate's own): 甲 met two — 立案后提出检察建议 (issued 02-01) and 回复期满后决定是否
    // 起诉 (decided with the rectification on 03-01) — and is overdue on one (甲河道案: no suggestion
    // by early April); 乙 met one (the decision after the reply, 06-20, due in the autumn) and is
    // overdue on one (issued 05-10, after its due date); 丙 has none, so 丙's 按期率 has no base
    // (null, never 0/0).
    expect(['a', 'b', 'c'].map((k) => person(k).primary.computed.deadlinesMet.value)).toEqual([2, 1, 0]);
    expect([
      value('a', 'deadlinesOverdue'),
      value('b', 'deadlinesOverdue'),
      value('c', 'deadlinesOverdue'),
    ]).toEqual([1, 1, 0]);
    // 按期率: 甲 2 / (2 + 1) × 100 = 66.67; 乙 1 / (1 + 1) × 100 = 50.
    expect(value('a', 'deadlineOnTimeRate')).toBeCloseTo((2 / 3) * 100);
    expect([value('b', 'deadlineOnTimeRate'), value('c', 'deadlineOnTimeRate')]).toEqual([50, null]);
    // 采纳率: 甲 1/1 (fully), 乙 1/1 (partly counts as adopted), 丙 no base.
    expect([
      value('a', 'suggestionAdoptionRate'),
      value('b', 'suggestionAdoptionRate'),
      value('c', 'suggestionAdoptionRate'),
    ]).toEqual([100, 100, null]);
    expect(value('a', 'moneyRecovered')).toBe(120_000);
    expect(value('b', 'outreachEvents')).toBe(1);
    expect(person('a').primary.computed.repliesOnTime.value).toBe(1);
    expect(person('b').primary.computed.repliesOnTime.value).toBe(1);
    expect(person('a').primary.computed.suggestionsRectified.value).toBe(1);
    expect(person('b').primary.computed.suggestionsRectified.value).toBe(0);

    // Scores (示例方案 weights; benchmark = the department's best):
    // 办案数 20: 甲 20 × 3.9/3.9 = 20; 乙 20 × 1.2/3.9 = 6.1538; 丙 0.
    expect(score('a', 'casesHandled')).toBeCloseTo(20);
    expect(score('b', 'casesHandled')).toBeCloseTo((20 * 1.2) / 3.9);
    // 期限超期数 5 (lower; best 0 = 丙): 甲 and 乙 5 × (1+0)/(1+1) = 2.5; 丙 5.
    expect(score('a', 'deadlinesOverdue')).toBeCloseTo(2.5);
    expect(score('c', 'deadlinesOverdue')).toBeCloseTo(5);
    // 期限按期率 10: best 66.67 (甲) → 甲 10, 乙 10 × 50 / 66.67 = 7.5, 丙 not scored.
    expect(score('a', 'deadlineOnTimeRate')).toBeCloseTo(10);
    expect(score('b', 'deadlineOnTimeRate')).toBeCloseTo(7.5);
    // Not scored for anyone: 线索成案数 (nobody has one), 外部评价 and 理论调研 (nothing entered).
    // Applicable weights: 甲 and 乙 20 + 10 (建议数) + 10 (采纳率) + 10 (按期率) + 5 (超期) + 10 (金额)
    // + 5 (宣传) = 70; 丙 70 − 10 − 10 (the two rates without base) = 50.
    // 甲: 20 + 10 + 10 + 10 + 2.5 + 10 + 0 = 62.5 → 62.5 × 100 / 70 = 89.2857
    const totalA = ((20 + 10 + 10 + 10 + 2.5 + 10 + 0) * 100) / 70;
    // 乙: 6.1538 + 10 + 10 + 7.5 + 2.5 + 0 + 5 = 41.1538 → × 100 / 70 = 58.7912
    const totalB = (((20 * 1.2) / 3.9 + 10 + 10 + 7.5 + 2.5 + 0 + 5) * 100) / 70;
    // 丙: 0 + 0 + 5 + 0 + 0 = 5 → × 100 / 50 = 10
    const totalC = (5 * 100) / 50;
    expect(person('a').total).toBeCloseTo(totalA, 4);
    expect(person('b').total).toBeCloseTo(totalB, 4);
    expect(person('c').total).toBeCloseTo(totalC, 4);
    expect(assessment.people.map((p) => p.userId)).toEqual([ids.a, ids.b, ids.c]);
  });

  it('a person moved mid-period is scored in both departments, weighted by the days in each', async () => {
    // 丙 spends January–March (90 days) in 考评测试部 and the rest of the year (275 days) in a second
    // new department of her own, where she is alone.
    const [second] = await t.database.db
      .insert(schema.departments)
      .values({ name: '考评调入部', line: 'publicInterest' })
      .returning({ id: schema.departments.id });
    const secondId = second?.id ?? 0;
    const full = { from: '2026-01-01', to: '2027-01-01' };
    const memberships = new Map([
      [ids.a as number, [{ departmentId, ...full }]],
      [ids.b as number, [{ departmentId, ...full }]],
      [
        ids.c as number,
        [
          { departmentId, from: '2026-01-01', to: '2026-04-01' },
          { departmentId: secondId, from: '2026-04-01', to: '2027-01-01' },
        ],
      ],
    ]);
    const assessment = await withClock(walk.clock, () =>
      assessPeriod(t.database.db, {
        period: full,
        asOf: '2026-06-30',
        departmentIds: [departmentId, secondId],
        memberships,
      }),
    );
    const c = assessment.people.find((p) => p.userId === ids.c);
    expect(c?.segments.map((s) => [s.departmentName, s.days])).toEqual([
      ['考评测试部', 90],
      ['考评调入部', 275],
    ]);
    const [first, later] = c?.segments ?? [];
    // Her counts in 考评测试部 are compared pro rata (× 365 / 90), and the rule says so.
    expect(first?.indicators.find((i) => i.key === 'deadlinesOverdue')?.rule ?? '').toContain(
      '按在本部门 90 天折算',
    );
    // Total = (total there × 90 + total here × 275) / 365.
    expect(c?.total).toBeCloseTo(((first?.total ?? 0) * 90 + (later?.total ?? 0) * 275) / 365, 6);
  });

  it('the profile shows the rule next to each score and links every number to its records', async () => {
    const profile = await as<ProfileView>('a', 'GET', `/api/assessment/profiles/${ids.a}?year=2026`);
    expect(profile.total).toBeCloseTo(89.29, 2);
    const [segment] = profile.segments;
    expect(segment).toMatchObject({ departmentName: '考评测试部', rank: 1, of: 3 });
    const cases = segment?.indicators.find((i) => i.key === 'casesHandled');
    expect(cases?.records.map((r) => r.label.split(' ')[1]).sort()).toEqual(
      ['甲林地案', '甲河道案', '甲生态损害案'].sort(),
    );
    expect(cases?.records.every((r) => /^\/cases\/\d+$/.test(r.url))).toBe(true);
    expect(cases?.rule).toContain('本部门最优值');
    const overdue = segment?.indicators.find((i) => i.key === 'deadlinesOverdue');
    expect(overdue?.records).toHaveLength(1);
    expect(overdue?.records[0]?.label).toContain('立案后提出检察建议或终结案件');
    const rate = segment?.indicators.find((i) => i.key === 'suggestionAdoptionRate');
    expect(rate).toMatchObject({ numerator: 1, base: 1, value: 100 });
    expect(profile.dimensions.map((d) => d.label)).toEqual(['质量', '效率', '效果']);
    expect(profile.trend.map((q) => q.label)).toEqual([
      '2026年第1季度',
      '2026年第2季度',
      '2026年第3季度',
      '2026年第4季度',
    ]);
    expect(profile.trend[2]?.total).toBeNull();
  });

  it('another prosecutor and another department head get 404; the chief sees it, audited', async () => {
    const peer = await t.app.inject({
      method: 'GET',
      url: `/api/assessment/profiles/${ids.a}?year=2026`,
      headers: { cookie: cookies.b as string },
    });
    expect(peer.statusCode).toBe(404);
    const head = await t.app.inject({
      method: 'GET',
      url: `/api/assessment/profiles/${ids.a}?year=2026`,
      headers: { cookie: cookies.otherHead as string },
    });
    expect(head.statusCode).toBe(404);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/assessment/profiles/999999?year=2026',
      headers: { cookie: cookies.chief as string },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(peer.json());
    await as('chief', 'GET', `/api/assessment/profiles/${ids.a}?year=2026`);
    const entries = await t.database.db
      .select({ targetId: schema.auditLog.targetId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'assessment.profile.read'));
    expect(entries.map((e) => e.targetId)).toEqual([String(ids.a)]);
  });

  it('juvenile records are counted for everyone but listed only to the juvenile department', async () => {
    cookies.juvenile = await loginAs(t, 'prosecutor', '第六检察部');
    const me = await as<{ id: number }>('juvenile', 'GET', '/api/auth/me');
    await as('juvenile', 'POST', '/api/cases', { type: 'juvenileVictim', title: '某未成年人被侵害案' });
    const own = await as<ProfileView>('juvenile', 'GET', `/api/assessment/profiles/${me.id}?year=2026`);
    const ownCases = own.segments[0]?.indicators.find((i) => i.key === 'casesHandled');
    expect(ownCases?.records.map((r) => r.label)).toContainEqual(
      expect.stringContaining('某未成年人被侵害案'),
    );
    expect(ownCases?.hiddenRecords).toBe(0);
    const chief = await as<ProfileView>('chief', 'GET', `/api/assessment/profiles/${me.id}?year=2026`);
    const seen = chief.segments[0]?.indicators.find((i) => i.key === 'casesHandled');
    expect(seen?.value).toBe(ownCases?.value);
    expect(JSON.stringify(chief)).not.toContain('某未成年人被侵害案');
    expect(seen?.hiddenRecords).toBe(ownCases?.records.length);
  });

  it('a department head sets a 跳起摸高 target beyond the best; the rule shows it', async () => {
    cookies.head5 = await loginAs(t, 'departmentHead', '第五检察部');
    const head = await as<{ id: number }>('head5', 'GET', '/api/auth/me');
    await as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '目标值测试案',
      pilField: 'ecology',
    });
    await as('head5', 'PUT', '/api/assessment/targets', {
      year: 2026,
      indicatorKey: 'casesHandled',
      target: 1000,
    });
    const profile = await as<ProfileView>('head5', 'GET', `/api/assessment/profiles/${head.id}?year=2026`);
    const cases = profile.segments[0]?.indicators.find((i) => i.key === 'casesHandled');
    expect(cases).toMatchObject({ benchmarkKind: 'target', benchmark: 1000 });
    expect(cases?.rule).toContain('负责人设定的目标值 1000');
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/assessment/targets',
      headers: { cookie: cookies.head5 as string },
      payload: { year: 2026, indicatorKey: 'noSuchIndicator', target: 3 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toBe('考评方案中没有指标“noSuchIndicator”');
  });

  it('a recalculation after a late record shows what changed and why', async () => {
    await as('chief', 'POST', '/api/assessment/snapshots', { year: 2026 });
    // A late record: 丙's outreach event of June is registered only now.
    await as('c', 'POST', '/api/outreach-events', {
      kind: 'toCommunity',
      title: '补录的社区普法活动',
      heldOn: '2026-06-10',
      place: '某社区',
      audience: '社区居民',
      participantCount: 40,
    });
    const diff = await as<{
      changes: {
        userId: number;
        totalBefore: number;
        totalAfter: number;
        indicators: { key: string; valueBefore: number; valueAfter: number; why: string }[];
      }[];
    }>('chief', 'POST', '/api/assessment/snapshots', { year: 2026, note: '补录宣传活动后重算' });
    const c = diff.changes.find((x) => x.userId === ids.c);
    expect(c?.indicators.find((i) => i.key === 'outreachEvents')).toMatchObject({
      valueBefore: 0,
      valueAfter: 1,
      why: '新增记录 1 件：补录的社区普法活动',
    });
    // 丙 now has the best outreach with 乙: 5 → 10 of 50 → (5 + 5) × 100 / 50 = 20.
    expect(c?.totalBefore).toBeCloseTo(10, 2);
    expect(c?.totalAfter).toBeCloseTo(20, 2);
    expect(diff.changes.some((x) => x.userId === ids.a)).toBe(false);
  });

  it('the chief exports the grade list with the quota checked, and a personal appraisal form', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/assessment/results/export?year=2026&kind=grades',
      headers: { cookie: cookies.chief as string },
    });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核等次名单');
    if (!sheet) throw new Error('等次名单缺少工作表「考核等次名单」');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['排名', '姓名', '部门', '总分', '按分数段', '确定等次', '名额核对']);
    const rows = (sheet?.getRows(2, (sheet?.rowCount ?? 1) - 1) ?? []).map((r) =>
      (r.values as unknown[]).slice(1),
    );
    const a = rows.find((r) => r[1] === '考评甲');
    expect(a?.[3]).toBeCloseTo(89.29, 2);
    // At most ⌊n × 20 %⌋ 优秀 in the whole list.
    expect(rows.filter((r) => r[5] === '优秀').length).toBeLessThanOrEqual(Math.floor(rows.length * 0.2));
    expect(String(rows[0]?.[6])).toMatch(/优秀名额|无名额限制/);

    const form = await t.app.inject({
      method: 'GET',
      url: `/api/assessment/profiles/${ids.a}/appraisal-form?year=2026`,
      headers: { cookie: cookies.a as string },
    });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(form.headers['content-disposition']))).toContain('考评甲');
  });
  // The three below store a 考核周期 for 2026 and move 丙: they run last.
  const year = { from: '2026-01-01', to: '2027-01-01' };
  const assess2026 = (departmentIds: number[]) =>
    withClock(walk.clock, () =>
      assessPeriod(t.database.db, { period: year, asOf: '2026-06-30', departmentIds }),
    );
  let stored: TPeriod | undefined;

  it('the scheme stored for the period is the one scored: a changed weight changes the score', async () => {
    cookies.personnel = await t.login('personnel1');
    stored = await as<TPeriod>('personnel', 'POST', '/api/assessment/periods', {
      name: '2026年度（评分测试）',
      kind: 'year',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      copyFromId: null,
    });
    const before = await assess2026([departmentId]);
    expect(before.schemeSource).toMatchObject({ periodId: stored.id, note: null });
    expect(before.scheme.indicators.map((i) => [i.key, i.weight])).toEqual([
      ['Q1', 20],
      ['Q2', 20],
      ['E1', 30],
      ['F1', 10],
      ['F2', 10],
      ['F3', 10],
    ]);
    const total = (a: PeriodAssessment, key: string) => a.people.find((p) => p.userId === ids[key])?.total;
    // 乙 (stored 示例 weights): 采纳率 20 (100 = best), 按期率 20 × 50 / 66.67 = 15, 办案数
    // 30 × 1.2 / 3.9, 金额 0; 外部评价 and 理论调研 not scored: × 100 / 80.
    expect(total(before, 'b')).toBeCloseTo(((20 + 15 + (30 * 1.2) / 3.9) * 100) / 80, 4);

    const scheme = {
      appealDays: stored.scheme.appealDays,
      pointRules: stored.scheme.pointRules.map(({ id: _i, ...r }) => r),
      indicators: stored.scheme.indicators.map(({ id: _i, ...i }) => ({
        ...i,
        weight: i.code === 'E1' ? 20 : i.code === 'F3' ? 20 : i.weight,
      })),
      gradeBands: stored.scheme.gradeBands,
    };
    await as('personnel', 'PUT', `/api/assessment/periods/${stored.id}/scheme`, scheme);
    const after = await assess2026([departmentId]);
    expect(after.scheme.indicators.find((i) => i.key === 'E1')?.weight).toBe(20);
    // 办案数 20 × 1.2 / 3.9 now; 金额 20 still 0 for 乙, × 100 / 80.
    expect(total(after, 'b')).toBeCloseTo(((20 + 15 + (20 * 1.2) / 3.9) * 100) / 80, 4);
  });

  it("the period's 难度系数 are the scheme's: a changed coefficient changes the score", async () => {
    if (!stored) throw new Error('needs the stored period of the test above');
    const period = await as<TPeriod>('personnel', 'GET', `/api/assessment/periods/${stored.id}`);
    // Stored with the scheme (the 示例 table of a new period).
    expect(period.scheme.difficulty).toContainEqual({ caseType: 'adminPublicInterest', coefficient: 1.2 });
    const scheme = {
      appealDays: period.scheme.appealDays,
      pointRules: period.scheme.pointRules.map(({ id: _i, ...r }) => r),
      indicators: period.scheme.indicators.map(({ id: _i, ...i }) => i),
      gradeBands: period.scheme.gradeBands,
      difficulty: period.scheme.difficulty.map((d) =>
        d.caseType === 'adminPublicInterest' ? { ...d, coefficient: 2 } : d,
      ),
    };
    await as('personnel', 'PUT', `/api/assessment/periods/${stored.id}/scheme`, scheme);
    const after = await assess2026([departmentId]);
    const cases = (key: string) =>
      after.people.find((p) => p.userId === ids[key])?.primary.indicators.find((i) => i.key === 'E1');
    // 甲: two 行政公益 cases × 2.0 + one 民事公益 × 1.5; 乙: one 行政公益 × 2.0 (was 1.2).
    expect(cases('a')?.value).toBeCloseTo(5.5, 6);
    expect(cases('b')?.value).toBeCloseTo(2, 6);
    expect(cases('b')?.score).toBeCloseTo((20 * 2) / 5.5, 4);
    // A copy carries the table; a coefficient out of range is refused.
    const copy = await as<TPeriod>('personnel', 'POST', '/api/assessment/periods', {
      name: '2027年度（难度系数复制）',
      kind: 'year',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      copyFromId: stored.id,
    });
    expect(copy.scheme.difficulty).toContainEqual({ caseType: 'adminPublicInterest', coefficient: 2 });
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/assessment/periods/${copy.id}/scheme`,
      headers: { cookie: cookies.personnel as string },
      payload: { ...scheme, difficulty: [{ caseType: 'adminPublicInterest', coefficient: 0 }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('难度系数应大于 0');
    // The tests below score with the 示例 table again.
    await as('personnel', 'PUT', `/api/assessment/periods/${stored.id}/scheme`, {
      ...scheme,
      difficulty: period.scheme.difficulty,
    });
  });

  it('approved entered values and party points count; entries not approved do not', async () => {
    if (!stored) throw new Error('needs the stored period of the test above');
    const f1 = stored.scheme.indicators.find((i) => i.code === 'F1');
    const entry = (userId: number, status: 'approved' | 'submitted', value: number) => ({
      periodId: stored?.id as number,
      userId,
      departmentId,
      kind: 'indicator' as const,
      status,
      origin: 'manual' as const,
      indicatorId: f1?.id as number,
      title: '外部评价',
      value,
      occurredOn: '2026-03-01',
    });
    await t.database.db.insert(schema.assessmentEntries).values([
      entry(ids.a as number, 'approved', 90),
      entry(ids.b as number, 'approved', 60),
      entry(ids.b as number, 'submitted', 100),
      {
        periodId: stored.id,
        userId: ids.a as number,
        departmentId,
        kind: 'bonus',
        status: 'approved',
        origin: 'manual',
        title: '获评优秀调研成果',
        points: 3,
        occurredOn: '2026-04-01',
      },
    ]);
    const assessment = await assess2026([departmentId]);
    const f1Of = (key: string) =>
      assessment.people.find((p) => p.userId === ids[key])?.primary.indicators.find((i) => i.key === 'F1');
    expect(f1Of('a')).toMatchObject({ value: 90, applicable: true, score: 10 });
    // 外部评价 is in 分: a level, scored against the best (90): 10 × 60 / 90.
    expect(f1Of('b')?.value).toBe(60);
    expect(f1Of('b')?.score).toBeCloseTo((10 * 60) / 90, 6);
    expect(assessment.people.find((p) => p.userId === ids.a)?.points).toBe(3);
    expect(assessment.people.find((p) => p.userId === ids.b)?.points).toBe(0);

    // The profile shows the 党员积分 with the entries behind them; the result sheet has the column.
    const profile = await as<ProfileView>('chief', 'GET', `/api/assessment/profiles/${ids.a}?year=2026`);
    expect(profile.partyPoints.total).toBe(3);
    expect(profile.partyPoints.entries.map((e) => [e.title, e.points, e.occurredOn])).toEqual([
      ['获评优秀调研成果', 3, '2026-04-01'],
    ]);
    const ofB = await as<ProfileView>('chief', 'GET', `/api/assessment/profiles/${ids.b}?year=2026`);
    expect(ofB.partyPoints).toEqual({ total: 0, entries: [] });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/assessment/results/export?year=2026&kind=results',
      headers: { cookie: cookies.chief as string },
    });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考评结果表');
    if (!sheet) throw new Error('结果表缺少工作表「考评结果表」');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = header.indexOf('党员积分');
    expect(column).toBeGreaterThan(0);
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    const pointsOf = (name: string) =>
      (rows.find((r) => (r.values as unknown[])[2] === name)?.values as unknown[])?.[column + 1];
    expect(pointsOf('考评甲')).toBe(3);
    expect(pointsOf('考评乙')).toBe(0);
  });

  it('a move recorded in 用户管理 scores the person in both departments with the days in each', async () => {
    const [second] = await t.database.db
      .insert(schema.departments)
      .values({ name: '考评转入部', line: 'publicInterest' })
      .returning({ id: schema.departments.id });
    const secondId = second?.id ?? 0;
    // On 2026-06-30 (the test's clock) 丙 moves: 180 days before, 185 after.
    await withClock(walk.clock, () =>
      as('admin', 'PATCH', `/api/users/${ids.c}`, { departmentId: secondId }),
    );
    const assessment = await assess2026([departmentId, secondId]);
    const c = assessment.people.find((p) => p.userId === ids.c);
    expect(c?.segments.map((s) => [s.departmentName, s.days])).toEqual([
      ['考评测试部', 180],
      ['考评转入部', 185],
    ]);
    const [first, later] = c?.segments ?? [];
    expect(c?.total).toBeCloseTo(((first?.total ?? 0) * 180 + (later?.total ?? 0) * 185) / 365, 6);
  });
  it('a closed period is frozen: its profile is read from the snapshot, not recomputed', async () => {
    if (!stored) throw new Error('needs the stored period of the tests above');
    const profileOf = (key: string) =>
      as<ProfileView>('chief', 'GET', `/api/assessment/profiles/${ids[key]}?year=2026`);
    const before = await profileOf('b');
    await withClock(walk.clock, () => as('personnel', 'POST', `/api/assessment/periods/${stored?.id}/close`));
    // A late record after closing: 乙 opens a second 行政公益 case, which would raise her 办案数.
    await withClock(walk.clock, () => openCase('b', 'adminPublicInterest', '乙补录案'));
    const live = await withClock(walk.clock, () =>
      assessPeriod(t.database.db, { period: year, asOf: '2026-06-30', departmentIds: 'all', live: true }),
    );
    const liveB = live.people.find((p) => p.userId === ids.b);
    expect(liveB?.primary.indicators.find((i) => i.key === 'E1')?.value).toBeCloseTo(2.4);
    expect(liveB?.total).not.toBeCloseTo(before.total, 2);

    const after = await profileOf('b');
    expect(after.total).toBe(before.total);
    expect(after.segments[0]?.indicators.find((i) => i.key === 'E1')?.value).toBeCloseTo(1.2);
    expect(after.trend).toEqual(before.trend);
  });
});
