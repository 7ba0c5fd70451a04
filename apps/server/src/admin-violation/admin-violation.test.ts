import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail } from '../clues/schema.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TAdminViolation, TCriminalOriginResult, TFunnel } from './schema.ts';

type Method = 'GET' | 'POST' | 'PUT';
type Line = 'criminal' | 'civilAdministrative' | 'publicInterest';

describe.each(testEngines())('administrative-violation supervision (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = {} as Record<Line, { id: number; name: string }>;

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function ok<T>(
    user: string,
    method: Method,
    url: string,
    payload?: unknown,
    status = 200,
  ): Promise<T> {
    const response = await as(user, method, url, payload);
    expect(response.statusCode, response.body).toBe(status);
    return response.json<T>();
  }

  /** A clue the given head registers in her own department. */
  async function register(user: string, title: string): Promise<number> {
    const body = {
      source: 'selfDiscovered',
      title,
      description: `${title}：办理刑事案件中发现行政机关违法情形`,
      // otherHead heads the public-interest department, whose clues name their field.
      ...(user === 'otherHead' ? { pilField: 'other' } : {}),
    };
    return (await ok<{ clue: TClueDetail }>(user, 'POST', '/api/clues', body, 201)).clue.id;
  }

  /** Transfers a clue to a department; returns the clue the department received. */
  async function transfer(user: string, clueId: number, to: Line): Promise<number> {
    const body = {
      decision: 'transfer',
      transfer: {
        toDepartmentId: departments[to].id,
        reason: '移送行政检察部门审查',
        ...(to === 'publicInterest' ? { pilField: 'other' } : {}),
      },
    };
    const sent = await ok<TClueDetail>(user, 'POST', `/api/clues/${clueId}/decision`, body);
    return sent.transfers[0]!.receivedClueId!;
  }

  const openViolationCase = async (clueId: number) =>
    (
      await ok<TClueDetail>('civilHead', 'POST', `/api/clues/${clueId}/decision`, {
        decision: 'open',
        caseType: 'adminViolation',
      })
    ).case!.id;

  const notFoundBody = async (user: string, method: Method, url: string, payload?: unknown) => {
    const response = await as(user, method, url, payload);
    return { status: response.statusCode, body: response.json<{ code: string; message: string }>() };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const line of ['criminal', 'civilAdministrative', 'publicInterest'] as const) {
      const [row] = await t.database.db
        .select({ id: schema.departments.id, name: schema.departments.name })
        .from(schema.departments)
        .where(eq(schema.departments.line, line))
        .limit(1);
      departments[line] = row!;
    }
    cookies.criminalHead = await loginAs(t, 'departmentHead', departments.criminal.name);
    cookies.civilHead = await loginAs(t, 'departmentHead', departments.civilAdministrative.name);
    cookies.civilProsecutor = await loginAs(t, 'prosecutor', departments.civilAdministrative.name);
    cookies.otherHead = await loginAs(t, 'departmentHead', departments.publicInterest.name);
    cookies.chief = await loginAs(t, 'chief');
  });
  afterAll(() => t?.close());

  const received: number[] = [];

  it('marks clues from criminal cases and counts the funnel 刑检移送 4 → 立案 2, by reach and period', async () => {
    // 刑检 finds four administrative violations in its criminal cases; three name the case.
    for (const n of [1, 2, 3, 4]) {
      const clueId = await register('criminalHead', `刑事案件中发现的行政违法线索${n}`);
      if (n <= 3) {
        const marked = await ok<TCriminalOriginResult>(
          'criminalHead',
          'PUT',
          `/api/clues/${clueId}/criminal-origin`,
          {
            kind: 'foundInCriminalCase',
            criminalCaseNumber: `成华检刑诉〔2026〕${80 + n}号`,
          },
        );
        expect(marked.origin).toMatchObject({ kindLabel: '刑事案件中发现', criminalCaseId: null });
      }
      received.push(await transfer('criminalHead', clueId, 'civilAdministrative'));
    }
    // Not part of the 行政检察 funnel: a clue the public-interest department sends, and a 刑检
    // clue sent to the public-interest department.
    await transfer('otherHead', await register('otherHead', '公益部门移送的线索'), 'civilAdministrative');
    await transfer('criminalHead', await register('criminalHead', '移送公益部门的线索'), 'publicInterest');

    // The receiving department sees where each clue came from.
    const origin = await ok<TCriminalOriginResult>(
      'civilHead',
      'GET',
      `/api/clues/${received[0]}/criminal-origin`,
    );
    expect(origin).toMatchObject({
      applicable: true,
      origin: { kind: 'foundInCriminalCase', criminalCaseNumber: '成华检刑诉〔2026〕81号' },
    });

    await openViolationCase(received[0]!);
    await openViolationCase(received[1]!);
    await ok('civilHead', 'POST', `/api/clues/${received[2]}/decision`, {
      decision: 'decline',
      reason: '行政机关已自行纠正',
    });

    const expected = {
      transferred: 4,
      withCriminalCase: 3,
      opened: 2,
      adminViolationCases: 2,
      declined: 1,
      pending: 1,
    };
    const url = '/api/admin-violation/criminal-clue-funnel';
    const head = await ok<TFunnel>('civilHead', 'GET', url);
    expect(head).toMatchObject({ from: `${testDay(0).slice(0, 4)}-01-01`, to: testDay(0), ...expected });
    expect(head.departments).toEqual([{ department: departments.civilAdministrative, ...expected }]);
    // A prosecutor of the department sees the department's funnel too.
    expect(await ok<TFunnel>('civilProsecutor', 'GET', url)).toMatchObject(expected);

    // The chief: every 民事行政 department by default, any department when asked.
    const chief = await ok<TFunnel>('chief', 'GET', url);
    expect(chief).toMatchObject(expected);
    expect(chief.departments.map((d) => d.department.id)).toContain(departments.civilAdministrative.id);
    const publicInterest = await ok<TFunnel>(
      'chief',
      'GET',
      `${url}?departmentId=${departments.publicInterest.id}`,
    );
    expect(publicInterest).toMatchObject({ transferred: 1, opened: 0, pending: 1 });

    // Another department's head sees her own department only; asking for another answers 404
    // exactly like a department that does not exist.
    expect(await ok<TFunnel>('otherHead', 'GET', url)).toMatchObject({ transferred: 1, opened: 0 });
    const outOfReach = await notFoundBody(
      'otherHead',
      'GET',
      `${url}?departmentId=${departments.civilAdministrative.id}`,
    );
    const missing = await notFoundBody('otherHead', 'GET', `${url}?departmentId=99999999`);
    expect(outOfReach).toEqual(missing);
    expect(missing.status).toBe(404);

    // The period is the day of the transfer: nothing was transferred yesterday.
    const yesterday = testDay(-1);
    expect(
      await ok<TFunnel>('civilHead', 'GET', `${url}?from=${testDay(-30)}&to=${yesterday}`),
    ).toMatchObject({
      transferred: 0,
      opened: 0,
    });
    const reversed = await as('civilHead', 'GET', `${url}?from=${testDay(0)}&to=${yesterday}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('起始日期不能晚于结束日期');
  });

  it('refuses an origin on a clue that did not come from 刑检, and ids out of reach answer 404', async () => {
    const ownClue = await register('civilHead', '群众举报的行政违法线索');
    const refused = await as('civilHead', 'PUT', `/api/clues/${ownClue}/criminal-origin`, {
      kind: 'foundInCriminalCase',
      criminalCaseNumber: '成华检刑诉〔2026〕90号',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toBe(
      '只有刑事检察部门的线索或刑检移送的线索可以注明来源刑事案件',
    );
    expect(
      (await ok<TCriminalOriginResult>('civilHead', 'GET', `/api/clues/${ownClue}/criminal-origin`))
        .applicable,
    ).toBe(false);

    // Both the case and its number, or neither: refused.
    const both = await as('civilHead', 'PUT', `/api/clues/${received[3]}/criminal-origin`, {
      kind: 'foundInCriminalCase',
      criminalCaseId: 1,
      criminalCaseNumber: '成华检刑诉〔2026〕90号',
    });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('二者选一');

    // A case in reach that is not a criminal case is refused naming it.
    const violationCase = (
      await ok<{ case: { id: number; caseNumber: string } }>('civilHead', 'GET', `/api/clues/${received[0]}`)
    ).case;
    const notCriminal = await as('civilHead', 'PUT', `/api/clues/${received[3]}/criminal-origin`, {
      kind: 'foundInCriminalCase',
      criminalCaseId: violationCase.id,
    });
    expect(notCriminal.statusCode).toBe(400);
    expect(notCriminal.json<{ message: string }>().message).toContain(
      `案件 ${violationCase.caseNumber} 是行政违法行为监督案件`,
    );

    // A case out of reach answers like a missing one.
    const body = (id: number) => ({ kind: 'foundInCriminalCase', criminalCaseId: id });
    const otherCase = await ok<{ id: number }>(
      'otherHead',
      'POST',
      '/api/cases',
      { type: 'adminPublicInterest', pilField: 'ecology', title: '公益案件' },
      201,
    );
    expect(
      await notFoundBody('civilHead', 'PUT', `/api/clues/${received[3]}/criminal-origin`, body(otherCase.id)),
    ).toEqual(
      await notFoundBody('civilHead', 'PUT', `/api/clues/${received[3]}/criminal-origin`, body(99_999_999)),
    );

    // A clue out of reach answers like a missing one, for reading and for writing.
    for (const method of ['GET', 'PUT'] as const) {
      const payload =
        method === 'PUT' ? { kind: 'other', criminalCaseNumber: '成华检刑诉〔2026〕1号' } : undefined;
      const out = await notFoundBody(
        'otherHead',
        method,
        `/api/clues/${received[0]}/criminal-origin`,
        payload,
      );
      expect(out).toEqual(
        await notFoundBody('otherHead', method, '/api/clues/99999999/criminal-origin', payload),
      );
      expect(out.status).toBe(404);
    }
  });

  it('records the organ, the act, the violation, the suggestion and the follow-up of a 行违 case', async () => {
    const caseId = (await ok<TClueDetail>('civilHead', 'GET', `/api/clues/${received[0]}`)).case!.id;
    const url = `/api/cases/${caseId}/admin-violation`;
    const empty = await ok<TAdminViolation>('civilHead', 'GET', url);
    expect(empty).toMatchObject({
      record: null,
      suggestions: [],
      origin: { criminalCaseNumber: '成华检刑诉〔2026〕81号' },
    });

    const record = {
      organ: '成都市成华区某行政执法局',
      actKind: 'nonLitigationEnforcement',
      actDescription: '成华执罚〔2026〕15号行政处罚决定，申请法院强制执行',
      violation: '作出较大数额罚款前未依法告知当事人有要求听证的权利，未依法保障当事人听证权利',
    };
    const unnamed = await as('civilHead', 'PUT', url, { ...record, actKind: 'other' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.body).toContain('须写明名称');
    const badCode = await as('civilHead', 'PUT', url, { ...record, organCode: '12345' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.body).toContain('统一社会信用代码应为 18 位');

    const saved = await ok<TAdminViolation>('civilHead', 'PUT', url, record);
    expect(saved.record).toMatchObject({ actKindLabel: '行政非诉执行', suggestion: null, followUp: null });

    // The follow-up waits for a suggestion delivered to the organ.
    const followUp = {
      correction: 'corrected',
      correctionMeasures: '撤回强制执行申请，重新告知听证权利',
      correctedOn: testDay(0),
    };
    const early = await as('civilHead', 'PUT', `${url}/follow-up`, followUp);
    expect(early.statusCode).toBe(400);
    expect(early.json<{ message: string }>().message).toBe(
      '请先关联已送达行政机关的检察建议，再记录纠正结果',
    );

    // The 检察建议 module drafts, approves, issues and delivers the suggestion (and keeps its deadline).
    await ok('civilHead', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    const drafted = await ok<TSuggestion>(
      'civilHead',
      'POST',
      '/api/suggestions',
      {
        caseId,
        kind: 'general',
        addressee: record.organ,
        facts: '本院在履行职责中发现，你局在作出较大数额罚款前未告知当事人听证权利。',
        legalBasis: '《中华人民共和国人民检察院组织法》第二十一条',
        requests: '依法纠正，保障当事人听证权利。',
      },
      201,
    );
    // A suggestion of another case answers like a missing one.
    const otherCase = await ok<{ id: number }>(
      'civilHead',
      'POST',
      '/api/cases',
      { type: 'adminViolation', title: '另一行违案件' },
      201,
    );
    const elsewhere = await ok<TSuggestion>(
      'civilHead',
      'POST',
      '/api/suggestions',
      {
        caseId: otherCase.id,
        kind: 'general',
        addressee: '某局',
        facts: '事实',
        legalBasis: '依据',
        requests: '建议',
      },
      201,
    );
    expect(await notFoundBody('civilHead', 'PUT', url, { ...record, suggestionId: elsewhere.id })).toEqual(
      await notFoundBody('civilHead', 'PUT', url, { ...record, suggestionId: 99_999_999 }),
    );

    await ok('civilHead', 'POST', `/api/suggestions/${drafted.id}/submit`);
    await ok('chief', 'POST', `/api/suggestions/${drafted.id}/approve`, { note: '同意' });
    await ok('civilHead', 'POST', `/api/suggestions/${drafted.id}/issue`);
    const linked = await ok<TAdminViolation>('civilHead', 'PUT', url, {
      ...record,
      suggestionId: drafted.id,
    });
    expect(linked.record!.suggestion).toMatchObject({ id: drafted.id, deliveredOn: null, replyDue: null });
    expect((await as('civilHead', 'PUT', `${url}/follow-up`, followUp)).statusCode).toBe(400);

    await ok('civilHead', 'POST', `/api/suggestions/${drafted.id}/delivery`, { deliveredOn: testDay(0) });
    const delivered = await ok<TAdminViolation>('civilHead', 'GET', url);
    expect(delivered.record!.suggestion).toMatchObject({ deliveredOn: testDay(0), stateLabel: '已送达' });
    expect(delivered.record!.suggestion!.replyDue).not.toBeNull();

    const future = await as('civilHead', 'PUT', `${url}/follow-up`, { ...followUp, correctedOn: testDay(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ message: string }>().message).toContain('晚于今天');
    const beforeDelivery = await as('civilHead', 'PUT', `${url}/follow-up`, {
      ...followUp,
      correctedOn: testDay(-1),
    });
    expect(beforeDelivery.statusCode).toBe(400);
    expect(beforeDelivery.json<{ message: string }>().message).toBe(
      `纠正日期 ${testDay(-1)} 早于检察建议送达日期 ${testDay(0)}`,
    );

    const done = await ok<TAdminViolation>('civilHead', 'PUT', `${url}/follow-up`, followUp);
    expect(done.record!.followUp).toEqual({ ...followUp, correctionLabel: '已纠正' });
    // Once the correction is recorded, the suggestion it answers stays linked.
    const unlink = await as('civilHead', 'PUT', url, { ...record, suggestionId: null });
    expect(unlink.statusCode).toBe(409);

    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, String(caseId)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['adminViolation.update', 'adminViolation.recordFollowUp']),
    );

    // Out of reach answers exactly like missing; a case of another type is refused by name.
    for (const path of ['', '/follow-up']) {
      const method = path ? 'PUT' : 'GET';
      const payload = path ? followUp : undefined;
      const out = await notFoundBody('otherHead', method, `${url}${path}`, payload);
      expect(out).toEqual(
        await notFoundBody('otherHead', method, `/api/cases/99999999/admin-violation${path}`, payload),
      );
      expect(out.status).toBe(404);
    }
    const support = await ok<{ id: number }>(
      'civilHead',
      'POST',
      '/api/cases',
      { type: 'supportedSuit', title: '支持起诉案' },
      201,
    );
    const wrongType = await as('civilHead', 'GET', `/api/cases/${support.id}/admin-violation`);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('不是行政违法行为监督案件');
  });
});
