import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { drawOfficers } from '@procura/domain/hearing-draw';
import { and, desc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TDispute, TDrawResult, THearing, TOfficer, TPublishedHearing, TStatistics } from './schema.ts';

describe.each(testEngines())('public hearings and administrative disputes (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function departmentOf(line: 'civilAdministrative' | 'publicInterest'): Promise<string> {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!.name;
  }

  /** An officer of the pool, with a unique name so each test knows its own. */
  let serial = 0;
  async function officer(
    extra: Partial<{ organisation: string; relations: { relation: string; name: string }[] }> = {},
  ) {
    serial += 1;
    const response = await as('head', 'POST', '/api/hearing-officers', {
      name: `听证员${serial}号`,
      occupation: '人民监督员',
      phone: '13800001234',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TOfficer>();
  }

  /** A 行化立 case invited at 行政复议, with its dispute filled in. */
  async function disputeCase(title: string): Promise<number> {
    const opened = await as('own', 'POST', '/api/cases', {
      type: 'adminDisputeResolution',
      phase: 'preLitigation',
      title,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<{ id: number }>().id;
    const dispute = await as('own', 'PUT', `/api/cases/${id}/admin-dispute`, {
      referredBy: '成都市成华区司法局',
      referredOn: daysFromToday(-30),
      parties: [
        { name: '张某某', role: 'party' },
        { name: '成都市成华区某街道办事处', role: 'organ' },
      ],
      administrativeOrgan: '成都市成华区某街道办事处',
      administrativeAct: '限期拆除违法建筑决定',
      disputeFocus: '拆除决定认定的建筑是否属于违法建筑',
      means: ['explanation'],
    });
    expect(dispute.statusCode, dispute.body).toBe(200);
    return id;
  }

  async function hearingOn(caseId: number, heldOn = daysFromToday(-5)): Promise<THearing> {
    const response = await as('own', 'POST', `/api/cases/${caseId}/hearings`, {
      question: '限期拆除决定是否合法、争议如何化解',
      heldOn,
      startsAt: '09:30',
      place: '本院听证室',
      participants: [
        { name: '张某某', role: 'party' },
        { name: '成都市成华区某街道办事处', role: 'organ' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<THearing>();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const civil = await departmentOf('civilAdministrative');
    const other = await departmentOf('publicInterest');
    cookies.own = await loginAs(t, 'prosecutor', civil);
    cookies.head = await loginAs(t, 'departmentHead', civil);
    cookies.other = await loginAs(t, 'prosecutor', other);
    cookies.chief = await loginAs(t, 'chief');
    cookies.admin = await loginAs(t, 'admin');
  });
  afterAll(() => t?.close());

  it('refuses an officer related to a party, naming the relation; a draw leaves such officers out', async () => {
    const caseId = await disputeCase('张某某诉某街道办限期拆除决定争议化解案');
    const hearing = await hearingOn(caseId);
    const employee = await officer({ organisation: '成都市成华区某街道办事处' });
    const relative = await officer({ relations: [{ relation: '配偶', name: '张某某' }] });

    const byEmployer = await as('own', 'POST', `/api/hearings/${hearing.id}/officers/${employee.id}`, {
      reason: '熟悉基层治理',
    });
    expect(byEmployer.statusCode).toBe(409);
    expect(byEmployer.json<{ message: string }>().message).toBe(
      `听证员${employee.name}的工作单位“成都市成华区某街道办事处”是本案当事人，存在利害关系，不能担任本案听证员`,
    );
    const byRelative = await as('own', 'POST', `/api/hearings/${hearing.id}/officers/${relative.id}`, {
      reason: '熟悉基层治理',
    });
    expect(byRelative.statusCode).toBe(409);
    expect(byRelative.json<{ message: string }>().message).toBe(
      `听证员${relative.name}申报的关系人“张某某”（配偶）是本案当事人，存在利害关系，不能担任本案听证员`,
    );

    // Three more officers without relations: the draw of three never takes the two related ones.
    const clean = [
      await officer({ organisation: '某律师事务所甲' }),
      await officer({ organisation: '某律师事务所乙' }),
      await officer({ organisation: '某律师事务所丙' }),
    ];
    const drawn = await as('own', 'POST', `/api/hearings/${hearing.id}/draw`, {
      count: 3,
      seed: 'test-seed-1',
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const result = drawn.json<TDrawResult>();
    const drawnIds = result.drawn.map((d) => d.officerId);
    expect(drawnIds).not.toContain(employee.id);
    expect(drawnIds).not.toContain(relative.id);
    expect(result.excluded.map((e) => e.officerId)).toEqual(
      expect.arrayContaining([employee.id, relative.id]),
    );
    expect(result.seed).toBe('test-seed-1');
    // The record says how: each seat carries the seed and the candidates, and the draw repeats.
    const seats = result.hearing.panel;
    expect(seats).toHaveLength(3);
    for (const seat of seats)
      expect(seat).toMatchObject({ method: 'random', methodLabel: '随机抽取', seed: 'test-seed-1' });
    expect(drawOfficers('test-seed-1', seats[0]!.candidateIds!, 3)).toEqual(drawnIds);
    expect(seats[0]!.candidateIds).toEqual(expect.arrayContaining(clean.map((c) => c.id)));

    // Naming a seated officer as a party later is refused too.
    const party = await as('own', 'PATCH', `/api/hearings/${hearing.id}`, {
      participants: [{ name: seats[0]!.name, role: 'party' }],
    });
    expect(party.statusCode).toBe(409);
    expect(party.json<{ message: string }>().message).toBe(
      `听证员${seats[0]!.name}本人是本案当事人，不能担任听证员`,
    );
    // So is naming, in the dispute, a seated officer's employer as the administrative organ.
    const organ = await as('own', 'PUT', `/api/cases/${caseId}/admin-dispute`, {
      referredBy: '成都市成华区司法局',
      parties: [{ name: '张某某', role: 'party' }],
      administrativeOrgan: seats[1]!.organisation!,
      administrativeAct: '限期拆除决定',
      disputeFocus: '是否属于违法建筑',
      means: [],
    });
    expect(organ.statusCode).toBe(409);
    expect(organ.json<{ message: string }>().message).toBe(
      `听证员${seats[1]!.name}的工作单位“${seats[1]!.organisation}”是本案当事人，存在利害关系，不能担任本案听证员`,
    );
  });

  it('refuses a notice dated after the hearing and records one sent before it', async () => {
    const caseId = await disputeCase('李某某诉某局行政处罚争议化解案');
    const hearing = await hearingOn(caseId, daysFromToday(-2));
    const late = await as('own', 'POST', `/api/hearings/${hearing.id}/notices`, {
      recipient: '张某某',
      sentOn: daysFromToday(-1),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json<{ message: string }>().message).toBe(
      `通知发出日期 ${daysFromToday(-1)} 晚于听证日期 ${daysFromToday(-2)}，听证通知应在听证前发出`,
    );
    const sent = await as('own', 'POST', `/api/hearings/${hearing.id}/notices`, {
      recipient: '张某某',
      means: '电话',
      sentOn: daysFromToday(-9),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<THearing>().notices).toEqual([
      expect.objectContaining({ recipient: '张某某', means: '电话', sentOn: daysFromToday(-9) }),
    ]);
    // Moving the hearing before the notice is refused the same way.
    const moved = await as('own', 'PATCH', `/api/hearings/${hearing.id}`, { heldOn: daysFromToday(-10) });
    expect(moved.statusCode).toBe(400);
    expect(moved.json<{ message: string }>().message).toBe(
      `已于 ${daysFromToday(-9)} 发出听证通知，听证日期不能早于通知发出日期`,
    );
  });

  it('resolves a dispute through a hearing: opinions, minutes .docx, publication masked, 撤诉 counted', async () => {
    const before = (await as('own', 'GET', '/api/admin-disputes/statistics')).json<TStatistics>();
    const caseId = await disputeCase('王某某诉某局不予登记决定争议化解案');
    const hearing = await hearingOn(caseId);
    await officer();
    await officer();
    await officer();
    const drawn = (
      await as('own', 'POST', `/api/hearings/${hearing.id}/draw`, { count: 3 })
    ).json<TDrawResult>();
    for (const seat of drawn.hearing.panel) {
      const opinion = await as(
        'own',
        'PUT',
        `/api/hearings/${hearing.id}/officers/${seat.officerId}/opinion`,
        {
          opinion: `建议行政机关与张某某协商补偿，${seat.name}`,
        },
      );
      expect(opinion.statusCode, opinion.body).toBe(200);
    }
    const early = await as('own', 'POST', `/api/hearings/${hearing.id}/minutes-document`);
    expect(early.json<{ message: string }>().message).toBe('生成听证笔录前请填写：听证经过');
    await as('own', 'PATCH', `/api/hearings/${hearing.id}`, {
      minutes: '主持人宣布听证开始。\n张某某陈述意见。',
      decisionUse: '采纳听证员意见，促成行政机关与张某某达成补偿协议。',
    });
    const generated = await as('own', 'POST', `/api/hearings/${hearing.id}/minutes-document`);
    expect(generated.statusCode, generated.body).toBe(200);
    const download = await as(
      'own',
      'GET',
      `/api/case-documents/${generated.json<{ documentId: number }>().documentId}`,
    );
    expect(download.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('听证笔录');
    expect(xml).toContain('听证事项：限期拆除决定是否合法、争议如何化解');
    expect(xml).toContain('张某某陈述意见');
    for (const seat of drawn.hearing.panel)
      expect(xml).toContain(`听证员${seat.name}：建议行政机关与张某某协商补偿`);

    // Means: 公开听证 links the hearing; the outcome 撤诉 counts as one more dispute resolved.
    const means = await as('own', 'PUT', `/api/cases/${caseId}/admin-dispute`, {
      referredBy: '成都市成华区司法局',
      parties: [{ name: '王某某', role: 'party' }],
      administrativeOrgan: '成都市成华区某局',
      administrativeAct: '不予登记决定',
      disputeFocus: '是否符合登记条件',
      means: ['publicHearing', 'explanation'],
    });
    expect(means.json<TDispute>().hearings.map((h) => h.id)).toEqual([hearing.id]);
    await as('own', 'POST', `/api/cases/${caseId}/admin-dispute/meetings`, {
      heldOn: daysFromToday(-3),
      bodies: ['成都市成华区司法局', '成都市成华区某局'],
      minutes: '各方同意以补偿方式化解。',
    });
    const outcome = await as('own', 'POST', `/api/cases/${caseId}/admin-dispute/outcome`, {
      outcome: 'withdrawn',
      outcomeOn: daysFromToday(-1),
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    expect(outcome.json<TDispute>()).toMatchObject({
      entryStage: 'preLitigation',
      outcomeLabel: '撤诉',
      resolved: true,
      meetings: [expect.objectContaining({ bodies: ['成都市成华区司法局', '成都市成华区某局'] })],
    });
    const after = (await as('own', 'GET', '/api/admin-disputes/statistics')).json<TStatistics>();
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.byOutcome.find((o) => o.outcome === 'withdrawn')!.count).toBe(
      before.byOutcome.find((o) => o.outcome === 'withdrawn')!.count + 1,
    );

    // Published: the party's name masked everywhere, in another department too.
    expect((await as('own', 'POST', `/api/hearings/${hearing.id}/publish`)).statusCode).toBe(200);
    const published = (await as('other', 'GET', '/api/hearings/published')).json<TPublishedHearing[]>();
    const mine = published.find((p) => p.id === hearing.id)!;
    expect(mine.participants[0]).toEqual({ name: '张某', roleLabel: '当事人' });
    expect(JSON.stringify(mine)).not.toContain('张某某');
    expect(mine.decisionUse).toBe('采纳听证员意见，促成行政机关与张某达成补偿协议。');
  });

  it('the database refuses a means outside the list', async () => {
    const caseId = await disputeCase('孙某某诉某局行政确认争议化解案');
    await expect(
      t.database.db
        .update(schema.adminDisputes)
        .set({ means: ['explanation', '上访'] })
        .where(eq(schema.adminDisputes.caseId, caseId)),
    ).rejects.toThrow();
    const [row] = await t.database.db
      .select({ means: schema.adminDisputes.means })
      .from(schema.adminDisputes)
      .where(eq(schema.adminDisputes.caseId, caseId));
    expect(row!.means).toEqual(['explanation']);
  });

  it('answers another department as a missing id (404), masks names for the chief, audits reads', async () => {
    const caseId = await disputeCase('赵某某诉某局行政许可争议化解案');
    const hearing = await hearingOn(caseId);
    const missing = 2_000_000_000;
    for (const [url, method, payload] of [
      [`/api/cases/${caseId}/hearings`, 'GET', undefined],
      [`/api/cases/${caseId}/admin-dispute`, 'GET', undefined],
      [`/api/hearings/${hearing.id}`, 'GET', undefined],
      [`/api/hearings/${hearing.id}/draw`, 'POST', { count: 1 }],
      [`/api/hearings/${hearing.id}/notices`, 'POST', { recipient: '某', sentOn: daysFromToday(-9) }],
    ] as const) {
      const out = await as('other', method, url, payload);
      const gone = await as(
        'other',
        method,
        url.replace(String(url.includes('/hearings/') ? hearing.id : caseId), String(missing)),
        payload,
      );
      expect(out.statusCode, url).toBe(404);
      expect(out.json()).toEqual(gone.json());
    }
    // The admin keeps the pool but sees no case.
    expect((await as('admin', 'GET', `/api/hearings/${hearing.id}`)).statusCode).toBe(403);
    expect((await as('admin', 'GET', '/api/hearing-officers')).statusCode).toBe(200);
    expect(
      (await as('own', 'POST', '/api/hearing-officers', { name: '某', occupation: '律师' })).statusCode,
    ).toBe(403);

    await as('own', 'PATCH', `/api/hearings/${hearing.id}`, { minutes: '张某某陈述意见。' });
    const chief = (await as('chief', 'GET', `/api/cases/${caseId}/hearings`)).json<THearing[]>();
    expect(chief[0]!.namesMasked).toBe(true);
    expect(chief[0]!.participants[0]!.name).toBe('张某');
    expect(chief[0]!.minutes).toBe('张某陈述意见。');
    const chiefDispute = (await as('chief', 'GET', `/api/cases/${caseId}/admin-dispute`)).json<TDispute>();
    expect(chiefDispute.parties[0]!.name).toBe('张某');
    const [entry] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'hearing.view'), eq(schema.auditLog.targetId, String(caseId))))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(entry!.detail).toMatchObject({ hearingIds: [hearing.id], masked: true });
    const [change] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'hearing.create'), eq(schema.auditLog.targetId, String(caseId))));
    expect(change!.detail).toMatchObject({ hearingId: hearing.id });
    // The case's own department reads the full names.
    const own = (await as('own', 'GET', `/api/cases/${caseId}/hearings`)).json<THearing[]>();
    expect(own[0]!.minutes).toBe('张某某陈述意见。');
  });
});
