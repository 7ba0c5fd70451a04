import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { manualClock, testDay } from '../testing/test-clock.ts';
import { proposeFromOverdueDeadlines } from './proposals.ts';
import type { TEntry, TPeriod } from './schema.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(testEngines())('考核方案、考核条目与复核 (%s)', (kind) => {
  let t: TestApp;
  const clock = manualClock();
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const departmentIds: Record<string, number> = {};

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  async function account(name: string, role: string, department: string) {
    const created = await as('admin', 'POST', '/api/users', {
      username: name,
      displayName: `${name}姓名`,
      role,
      departmentId: departmentIds[department],
      password: 'Assess-Test-2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    ids[name] = created.json<{ id: number }>().id;
    cookies[name] = await t.login(name, 'Assess-Test-2026');
    // The initial password must be changed before anything else.
    const changed = await as(name, 'POST', '/api/auth/password', {
      currentPassword: 'Assess-Test-2026',
      newPassword: 'Assess-Test-2026-b',
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    cookies[name] = await t.login(name, 'Assess-Test-2026-b');
  }

  async function period(name: string, copyFromId: number | null, endsOn = testDay(200)): Promise<TPeriod> {
    const created = await as('personnel', 'POST', '/api/assessment/periods', {
      name,
      kind: 'other',
      startsOn: testDay(-200),
      endsOn,
      copyFromId,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<TPeriod>();
  }

  const schemeOf = (p: TPeriod) => ({
    appealDays: p.scheme.appealDays,
    pointRules: p.scheme.pointRules.map(({ id: _i, ...r }) => r),
    indicators: p.scheme.indicators.map(({ id: _i, ...i }) => i),
    gradeBands: p.scheme.gradeBands,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: clock.clock });
    for (const user of ['admin', 'chief', 'personnel1']) cookies[user] = await t.login(user);
    cookies.personnel = cookies.personnel1!;
    const departments = (await as('admin', 'GET', '/api/departments')).json<{ id: number; line: string }[]>();
    departmentIds.pil = departments.find((d) => d.line === 'publicInterest')!.id;
    departmentIds.civil = departments.find((d) => d.line === 'civilAdministrative')!.id;
    await account('headp', 'prosecutor', 'pil');
    // A head is a leadership account (approved by the chief): raised through the database here.
    await t.database.db
      .update(schema.users)
      .set({ role: 'departmentHead' })
      .where(eq(schema.users.id, ids.headp!));
    cookies.headp = await t.login('headp', 'Assess-Test-2026-b');
    await account('prosp', 'prosecutor', 'pil');
    await account('prosc', 'prosecutor', 'civil');
  });
  afterAll(() => t?.close());

  it('starts from the 示例 scheme, refuses weights not summing to 100 by name, copies, and freezes a closed period', async () => {
    const first = await period('2026年度（方案测试）', null);
    expect(first.isExample).toBe(true);
    expect(first.scheme.indicators.every((i) => i.name.includes('示例'))).toBe(true);

    const scheme = schemeOf(first);
    scheme.indicators[0]!.weight = 10;
    const refused = await as('personnel', 'PUT', `/api/assessment/periods/${first.id}/scheme`, scheme);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain(
      '业绩指标权重合计应为 100，现为 90（（示例）检察建议采纳率 10、',
    );

    const unknownKey = structuredClone(scheme);
    unknownKey.indicators[0]!.weight = 20;
    unknownKey.indicators[0]!.computedKey = 'noSuchIndicator';
    const refusedKey = await as('personnel', 'PUT', `/api/assessment/periods/${first.id}/scheme`, unknownKey);
    expect(refusedKey.statusCode).toBe(400);
    expect(refusedKey.json<{ message: string }>().message).toBe(
      '考核方案未保存：指标「（示例）检察建议采纳率」的计算口径「noSuchIndicator」不在平台计算指标目录中',
    );

    scheme.indicators[2]!.weight += 10;
    const saved = await as('personnel', 'PUT', `/api/assessment/periods/${first.id}/scheme`, scheme);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<TPeriod>().revision).toBe(2);

    const copy = await period('2027年度（方案测试）', first.id);
    expect(copy.isExample).toBe(false);
    expect(copy.scheme.indicators.map((i) => i.weight)).toEqual(scheme.indicators.map((i) => i.weight));

    const closed = await as('personnel', 'POST', `/api/assessment/periods/${first.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const frozen = await as('personnel', 'PUT', `/api/assessment/periods/${first.id}/scheme`, schemeOf(copy));
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json<{ message: string }>().message).toBe(
      '考核周期「2026年度（方案测试）」已关闭，其方案和条目不能再修改（已关闭周期的分数保持不变）',
    );
    // Only personnel edit schemes.
    expect(
      (await as('headp', 'PUT', `/api/assessment/periods/${copy.id}/scheme`, schemeOf(copy))).statusCode,
    ).toBe(403);
  });

  it('a head proposes a bonus; personnel approve only with evidence; others out of reach see 404', async () => {
    const p = await period('2026年度（加分测试）', null);
    const rule = p.scheme.pointRules.find((r) => r.category === 'business')!;
    const proposed = await as('headp', 'POST', '/api/assessment/entries', {
      periodId: p.id,
      userId: ids.prosp,
      kind: 'bonus',
      ruleId: rule.id,
      title: '某案获评优秀案例',
      occurredOn: testDay(-3),
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const entry = proposed.json<TEntry>();
    expect(entry).toMatchObject({ status: 'reviewed', points: rule.points, userName: 'prosp姓名' });

    const bare = await as('personnel', 'POST', `/api/assessment/entries/${entry.id}/decision`, {
      approve: true,
    });
    expect(bare.statusCode).toBe(409);
    expect(bare.json<{ message: string }>().message).toContain('须附证明材料');

    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/assessment-entries/${entry.id}/attachments?name=${encodeURIComponent('优秀案例通报.pdf')}`,
      headers: { cookie: cookies.headp!, 'content-type': 'application/octet-stream' },
      payload: pdf,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const approved = await as('personnel', 'POST', `/api/assessment/entries/${entry.id}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<TEntry>()).toMatchObject({ status: 'approved', effectiveOn: testDay(0) });
    expect(approved.json<TEntry>().evidence.map((e) => e.fileName)).toEqual(['优秀案例通报.pdf']);

    // The person sees their own; a prosecutor of another department gets 404, as for a missing id.
    const own = (await as('prosp', 'GET', '/api/assessment/entries?mine=true')).json<TEntry[]>();
    expect(own.map((e) => e.id)).toContain(entry.id);
    const other = await as('prosc', 'GET', `/api/assessment/entries/${entry.id}`);
    const missing = await as('prosc', 'GET', '/api/assessment/entries/999999');
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect(
      (await as('prosc', 'GET', '/api/assessment/entries')).json<TEntry[]>().map((e) => e.id),
    ).not.toContain(entry.id);
    const evidence = await as(
      'prosc',
      'GET',
      `/api/assessment-entries/${entry.id}/attachments/${upload.json<{ id: number }>().id}`,
    );
    expect(evidence.statusCode).toBe(404);

    // The chief reads another person's entry: audited.
    expect((await as('chief', 'GET', `/api/assessment/entries/${entry.id}`)).statusCode).toBe(200);
    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'assessment.entry.view'),
          eq(schema.auditLog.targetId, String(entry.id)),
        ),
      );
    expect(audit.length).toBeGreaterThan(0);

    // A prosecutor may not propose under a head-level rule, nor for someone else.
    const selfUnderHeadRule = await as('prosp', 'POST', '/api/assessment/entries', {
      periodId: p.id,
      userId: ids.prosp,
      kind: 'bonus',
      ruleId: rule.id,
      title: '自报',
      occurredOn: testDay(-1),
    });
    expect(selfUnderHeadRule.statusCode).toBe(403);
    const forColleague = await as('prosp', 'POST', '/api/assessment/entries', {
      periodId: p.id,
      userId: ids.prosc,
      kind: 'bonus',
      points: 1,
      title: '替人申报',
      occurredOn: testDay(-1),
    });
    expect(forColleague.statusCode).toBe(404);
  });

  it('an overdue deadline proposes a negative entry; the head confirms; one appeal within the window, decided', async () => {
    const clue = await as('headp', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '某小区违规排污线索',
      description: '群众反映某小区化粪池直排河道',
      pilField: 'ecology',
      handlerId: ids.prosp,
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const { id: clueId, assessmentDueOn } = clue.json<{ clue: { id: number; assessmentDueOn: string } }>()
      .clue;
    const dayAfter = (day: string, n: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const p = await period('2026年度（负面清单测试）', null, dayAfter(assessmentDueOn, 30));

    expect(await proposeFromOverdueDeadlines(t.database, assessmentDueOn)).toBe(0);
    expect(await proposeFromOverdueDeadlines(t.database, dayAfter(assessmentDueOn, 1))).toBeGreaterThan(0);
    // Once per deadline: a second sweep proposes nothing new for it.
    await proposeFromOverdueDeadlines(t.database, dayAfter(assessmentDueOn, 2));
    const proposed = (await as('headp', 'GET', `/api/assessment/entries?periodId=${p.id}&status=proposed`))
      .json<TEntry[]>()
      .filter((e) => e.record?.type === 'clue' && e.record.id === clueId);
    expect(proposed).toHaveLength(1);
    const entry = proposed[0]!;
    expect(entry).toMatchObject({ kind: 'negative', origin: 'record', userId: ids.prosp });
    expect(entry.points).toBeLessThan(0);
    expect(entry.record?.link).toBe(`/clues/${clueId}`);

    // Only the head of the department confirms; a head is never asked of another department.
    const confirmed = await as('headp', 'POST', `/api/assessment/entries/${entry.id}/review`, {
      approve: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<TEntry>()).toMatchObject({ status: 'approved', appealClosesOn: testDay(7) });

    expect(
      (await as('prosc', 'POST', `/api/assessment/entries/${entry.id}/appeal`, { reason: '不是我' }))
        .statusCode,
    ).toBe(404);
    const appealed = await as('prosp', 'POST', `/api/assessment/entries/${entry.id}/appeal`, {
      reason: '线索已按期评估，系统未及时登记',
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    const again = await as('prosp', 'POST', `/api/assessment/entries/${entry.id}/appeal`, {
      reason: '再次申请',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe('每个条目只能申请一次复核，该条目已申请过');

    const decided = await as('personnel', 'POST', `/api/assessment/entries/${entry.id}/appeal/decision`, {
      revoke: true,
      decision: '经核实，评估已按期完成，撤销该条目',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const seen = (await as('prosp', 'GET', `/api/assessment/entries/${entry.id}`)).json<TEntry>();
    expect(seen.status).toBe('revoked');
    expect(seen.appeal).toMatchObject({ status: 'revoked', decision: '经核实，评估已按期完成，撤销该条目' });
    // Filed and decided by the platform's clock, not the database's.
    expect(seen.appeal!.filedAt).toBe(clock.clock().toISOString());
  });

  it('refuses an appeal after its window with the day it closed', async () => {
    const p = await period('2026年度（复核期限测试）', null);
    const rule = p.scheme.pointRules.find((r) => r.proposer === 'departmentHead' && r.trigger === null)!;
    const proposed = (
      await as('headp', 'POST', '/api/assessment/entries', {
        periodId: p.id,
        userId: ids.prosp,
        kind: 'bonus',
        ruleId: rule.id,
        title: '获评优秀案例',
        occurredOn: testDay(-1),
      })
    ).json<TEntry>();
    await t.app.inject({
      method: 'POST',
      url: `/api/assessment-entries/${proposed.id}/attachments?name=a.pdf`,
      headers: { cookie: cookies.headp!, 'content-type': 'application/octet-stream' },
      payload: pdf,
    });
    const approved = await as('personnel', 'POST', `/api/assessment/entries/${proposed.id}/decision`, {
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    clock.advance(8 * 86_400_000);
    try {
      const late = await as('prosp', 'POST', `/api/assessment/entries/${proposed.id}/appeal`, {
        reason: '有异议',
      });
      expect(late.statusCode).toBe(409);
      const [y, m, d] = testDay(7).split('-').map(Number);
      expect(late.json<{ message: string }>().message).toBe(
        `复核申请期限已于 ${y}年${m}月${d}日 届满，不能再申请复核`,
      );
    } finally {
      clock.advance(-8 * 86_400_000);
    }
  });

  it('a suggestion returned in approval proposes a negative entry for its drafter, citing the case', async () => {
    const p = await period('2026年度（退回测试）', null);
    cookies.head5 = await t.login('head5');
    const f = suggestionFixtures(() => t, cookies);
    const caseId = await f.openCase('某林地毁坏行政公益诉讼案（考核测试）');
    const drafted = await f.draft(caseId);
    await f.step(drafted.id, 'submit');
    await f.step(drafted.id, 'return', 'chief', { reason: '事实部分证据不足' });
    const head5 = (await as('head5', 'GET', '/api/auth/me')).json<{ id: number }>().id;
    const proposed = (
      await as('personnel', 'GET', `/api/assessment/entries?periodId=${p.id}&status=proposed`)
    )
      .json<TEntry[]>()
      .filter((e) => e.userId === head5);
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({
      kind: 'negative',
      origin: 'record',
      record: { type: 'case', id: caseId },
    });
    expect(proposed[0]!.title).toContain('事实部分证据不足');
    // The cited case is named by its number, and links to its page.
    const theCase = (await as('chief', 'GET', `/api/cases/${caseId}`)).json<{ caseNumber: string }>();
    expect(proposed[0]!.record).toMatchObject({
      label: `案件 ${theCase.caseNumber}`,
      link: `/cases/${caseId}`,
    });
  });

  it('study attendance earns the rule points at once', async () => {
    const p = await period('2026年度（学习测试）', null);
    const rule = p.scheme.pointRules.find((r) => r.trigger === 'firstTopic')!;
    const created = await as('personnel', 'POST', '/api/assessment/study-sessions', {
      periodId: p.id,
      kind: 'firstTopic',
      title: '第一议题：学习贯彻会议精神',
      heldOn: testDay(-2),
      attendeeIds: [ids.prosp, ids.prosc],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      points: rule.points,
      attendees: [{ id: ids.prosp }, { id: ids.prosc }],
    });
    const mine = (await as('prosc', 'GET', `/api/assessment/entries?periodId=${p.id}`)).json<TEntry[]>();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'partyPoints',
      status: 'approved',
      origin: 'study',
      points: rule.points,
    });
    // A head records only their own department's people.
    const outside = await as('headp', 'POST', '/api/assessment/study-sessions', {
      periodId: p.id,
      kind: 'branchSeminar',
      title: '支部研讨',
      heldOn: testDay(-2),
      attendeeIds: [ids.prosc],
    });
    expect(outside.statusCode).toBe(404);
  });

  it('keeps each department membership with its dates when a person moves', async () => {
    await account('mover', 'prosecutor', 'pil');
    clock.advance(10 * 86_400_000);
    try {
      const moved = await as('admin', 'PATCH', `/api/users/${ids.mover}`, {
        departmentId: departmentIds.civil,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    } finally {
      clock.advance(-10 * 86_400_000);
    }
    const rows = await t.database.db
      .select()
      .from(schema.departmentMemberships)
      .where(eq(schema.departmentMemberships.userId, ids.mover!))
      .orderBy(asc(schema.departmentMemberships.fromDate));
    expect(rows.map((r) => [r.departmentId, r.fromDate, r.toDate])).toEqual([
      [departmentIds.pil, testDay(0), testDay(10)],
      [departmentIds.civil, testDay(10), null],
    ]);
  });
});
