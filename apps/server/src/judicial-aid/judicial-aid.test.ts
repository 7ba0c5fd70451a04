import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, desc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TJuvenileCaseDetail } from '../juvenile/schema.ts';
import { withCheck } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TCaseJudicialAid, TSummary } from './schema.ts';

type Method = 'GET' | 'POST' | 'PATCH';

/** The text of a .docx's body, tags removed. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

const person = (serial: number) => withCheck(`51010819700101${String(100 + serial)}`);

describe.each(testEngines())('judicial aid (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const userIds: Record<string, number> = {};

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;

  async function departmentOf(line: string): Promise<string> {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line as 'civilAdministrative'))
      .limit(1);
    return row!.name;
  }

  async function login(name: string, role: Parameters<typeof loginAs>[1], department?: string) {
    cookies[name] = await loginAs(t, role, department);
    userIds[name] = (await as(name, 'GET', '/api/auth/me')).json<{ id: number }>().id;
  }

  async function openCase(user: string, body: Record<string, unknown>): Promise<number> {
    const opened = await as(user, 'POST', '/api/cases', body);
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<TCaseDetail>().id;
  }

  async function apply(user: string, caseId: number, body: Record<string, unknown>) {
    const response = await as(user, 'POST', `/api/cases/${caseId}/judicial-aid`, {
      appliedOn: testDay(-30),
      category: 'civilUncompensated',
      reason: '工伤致残，用人单位无力赔偿',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TCaseJudicialAid>().aids.at(-1)!;
  }

  const decide = (user: string, caseId: number, aidId: number, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/cases/${caseId}/judicial-aid/${aidId}/decision`, body);
  const pay = (user: string, caseId: number, aidId: number, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/cases/${caseId}/judicial-aid/${aidId}/payment`, body);

  /** An assistance applied for, granted and paid: the whole path, as figures count it. */
  async function paidAid(caseId: number, applicant: { name: string; id: string }, fen: number, head: string) {
    const user = head === 'civilHead' ? 'civil' : 'juvenile';
    const aid = await apply(user, caseId, {
      applicantName: applicant.name,
      applicantIdNumber: applicant.id,
      category: 'victimInjured',
    });
    const granted = await decide(head, caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(-20),
      approvedFen: fen,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const paid = await pay(user, caseId, aid.id, { paidOn: testDay(-10), paidFen: fen });
    expect(paid.statusCode, paid.body).toBe(200);
    return aid.id;
  }

  let civilDepartment: string;
  let juvenileDepartment: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    civilDepartment = await departmentOf('civilAdministrative');
    juvenileDepartment = await departmentOf('juvenile');
    await login('civil', 'prosecutor', civilDepartment);
    await login('civilHead', 'departmentHead', civilDepartment);
    await login('criminal', 'prosecutor', await departmentOf('criminal'));
    await login('juvenile', 'prosecutor', juvenileDepartment);
    await login('juvenileHead', 'departmentHead', juvenileDepartment);
    await login('juvenileClerk', 'clerk', juvenileDepartment);
    await login('chief', 'chief');
    await login('deputy', 'deputyChief');
  });
  afterAll(() => t?.close());

  it('follows 申请 → 批准 → 发放, refusing steps out of order with Chinese messages', async () => {
    const caseId = await openCase('civil', { type: 'supportedSuit', title: '王某追索劳动报酬支持起诉案' });
    const aid = await apply('civil', caseId, { applicantName: '王建国', applicantIdNumber: person(1) });
    expect(aid).toMatchObject({ decision: 'pending', stage: '已申请', applicantName: '王建国' });

    // No payment before approval.
    const early = await pay('civil', caseId, aid.id, { paidOn: testDay(-5), paidFen: 100 });
    expect(early.statusCode).toBe(409);
    expect(message(early)).toBe('该申请尚未批准救助，不能发放');
    // The decision is the leadership's.
    expect(
      (await decide('civil', caseId, aid.id, { decision: 'refused', decidedOn: testDay(-1) })).statusCode,
    ).toBe(403);
    const beforeApplied = await decide('civilHead', caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(-31),
      approvedFen: 500_000,
    });
    expect(message(beforeApplied)).toBe(
      `字段 decidedOn：决定日期（${testDay(-31)}）不能早于申请日期（${testDay(-30)}）`,
    );
    const future = await decide('civilHead', caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(1),
      approvedFen: 500_000,
    });
    expect(message(future)).toBe(`字段 decidedOn：决定日期（${testDay(1)}）不能晚于今天`);
    const noAmount = await decide('civilHead', caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(-20),
    });
    expect(message(noAmount)).toBe('字段 approvedFen：批准救助须填写救助金额，且大于零');

    const granted = await decide('civilHead', caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(-20),
      approvedFen: 500_000,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json<TCaseJudicialAid>().aids[0]).toMatchObject({ stage: '已批准', approvedFen: 500_000 });
    const again = await decide('civilHead', caseId, aid.id, {
      decision: 'refused',
      decidedOn: testDay(-1),
      note: '……',
    });
    expect(message(again)).toBe(`该申请已于 ${testDay(-20)} 决定批准救助，不能再次决定`);

    const beforeDecision = await pay('civil', caseId, aid.id, { paidOn: testDay(-21), paidFen: 500_000 });
    expect(message(beforeDecision)).toBe(
      `字段 paidOn：发放日期（${testDay(-21)}）不能早于决定日期（${testDay(-20)}）`,
    );
    const over = await pay('civil', caseId, aid.id, { paidOn: testDay(-10), paidFen: 600_000 });
    expect(over.statusCode).toBe(400);
    expect(message(over)).toBe(
      '字段 paidFen：发放金额 6,000.00 元超过批准金额 5,000.00 元；确需超额发放的，请确认并说明原因',
    );
    const confirmed = await pay('civil', caseId, aid.id, {
      paidOn: testDay(-10),
      paidFen: 600_000,
      confirmed: true,
      reason: '经复议追加救助金额',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<TCaseJudicialAid>()).toMatchObject({
      aids: [{ stage: '已发放', paidFen: 600_000, overPaidReason: '经复议追加救助金额' }],
      totals: { applications: 1, granted: 1, approvedFen: 500_000, paidFen: 600_000 },
    });

    // A refusal needs its reason; a refused application is never paid.
    const second = await apply('civil', caseId, { applicantName: '王小红', applicantIdNumber: person(2) });
    const bare = await decide('civilHead', caseId, second.id, {
      decision: 'refused',
      decidedOn: testDay(-5),
    });
    expect(message(bare)).toBe('字段 note：不予救助须写明理由');
    await decide('civilHead', caseId, second.id, {
      decision: 'refused',
      decidedOn: testDay(-5),
      note: '已获用人单位足额赔偿',
    });
    const refusedPay = await pay('civil', caseId, second.id, { paidOn: testDay(-1), paidFen: 100 });
    expect(message(refusedPay)).toBe('该申请已决定不予救助，不能发放');

    const twice = await as('civil', 'POST', `/api/cases/${caseId}/judicial-aid`, {
      applicantName: '李四',
      applicantIdNumber: person(3),
      appliedOn: testDay(-3),
      category: 'other',
    });
    expect(message(twice)).toBe('字段 reason：救助事由为“其他”时须写明申请理由');
    const badId = await as('civil', 'POST', `/api/cases/${caseId}/judicial-aid`, {
      applicantName: '李四',
      applicantIdNumber: '510108197001011234',
      appliedOn: testDay(-3),
      category: 'victimInjured',
    });
    expect(badId.statusCode).toBe(400);
    expect(message(badId)).toMatch(/^字段 applicantIdNumber：/);
  });

  it('corrects an application before its decision, never after', async () => {
    const caseId = await openCase('civil', { type: 'supportedSuit', title: '周某追索劳动报酬支持起诉案' });
    const aid = await apply('civil', caseId, { applicantName: '周建军', applicantIdNumber: person(9) });
    const corrected = await as('civil', 'PATCH', `/api/cases/${caseId}/judicial-aid/${aid.id}`, {
      applicantName: '周建君',
      appliedOn: testDay(-28),
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<TCaseJudicialAid>().aids[0]).toMatchObject({
      applicantName: '周建君',
      appliedOn: testDay(-28),
    });
    await decide('civilHead', caseId, aid.id, {
      decision: 'refused',
      decidedOn: testDay(-2),
      note: '不符合条件',
    });
    const late = await as('civil', 'PATCH', `/api/cases/${caseId}/judicial-aid/${aid.id}`, {
      applicantName: '周某',
    });
    expect(late.statusCode).toBe(409);
    expect(message(late)).toBe('该申请已决定不予救助，不能再修改申请内容');
    const [entry] = await t.database.db
      .select({ detail: schema.auditLog.detail })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'judicialAid.correct'))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(entry!.detail).toMatchObject({
      aidId: aid.id,
      before: { applicantName: '周建军', appliedOn: testDay(-30) },
    });
  });

  it('prints the 司法救助决定书 of a decided application for the department only', async () => {
    const caseId = await openCase('civil', { type: 'supportedSuit', title: '吴某追索劳动报酬支持起诉案' });
    const aid = await apply('civil', caseId, { applicantName: '吴国平', applicantIdNumber: person(10) });
    const url = `/api/cases/${caseId}/judicial-aid/${aid.id}/decision.docx`;
    const pending = await as('civil', 'GET', url);
    expect(pending.statusCode).toBe(400);
    expect(message(pending)).toBe('该申请尚未决定，不能生成司法救助决定书');
    await decide('civilHead', caseId, aid.id, {
      decision: 'granted',
      decidedOn: testDay(-3),
      approvedFen: 1_234_500,
    });
    const response = await as('civil', 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('officedocument.wordprocessingml');
    const text = await docxText(response.rawPayload);
    expect(text).toContain('国家司法救助决定书');
    expect(text).toContain(`申请人：吴国平（公民身份号码：${person(10)}）`);
    expect(text).toContain('决定给予申请人国家司法救助金人民币 12,345.00 元');
    // The chief reaches the case but sees the applicant masked: no document with the full name.
    const chief = await as('chief', 'GET', url);
    expect(chief.statusCode).toBe(403);
    expect(message(chief)).toBe('司法救助决定书载有申请人完整信息，仅由本案承办部门生成');
    expect((await as('criminal', 'GET', url)).statusCode).toBe(404);
  });

  it('answers 404 out of reach as for a missing case, masks the applicant outside the department, and audits reads and changes', async () => {
    const caseId = await openCase('civil', { type: 'supportedSuit', title: '赵某追索劳动报酬支持起诉案' });
    const aid = await apply('civil', caseId, { applicantName: '赵大明', applicantIdNumber: person(4) });
    const missing = await as('criminal', 'GET', '/api/cases/999999/judicial-aid');
    for (const [method, url, payload] of [
      ['GET', `/api/cases/${caseId}/judicial-aid`, undefined],
      [
        'POST',
        `/api/cases/${caseId}/judicial-aid`,
        {
          applicantName: '某',
          applicantIdNumber: person(5),
          appliedOn: testDay(-1),
          category: 'victimInjured',
        },
      ],
      ['POST', `/api/cases/${caseId}/judicial-aid/${aid.id}/payment`, { paidOn: testDay(-1), paidFen: 1 }],
    ] as const) {
      const response = await as('criminal', method, url, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toBe(missing.body);
    }

    const own = (await as('civil', 'GET', `/api/cases/${caseId}/judicial-aid`)).json<TCaseJudicialAid>();
    expect(own.aids[0]).toMatchObject({ applicantName: '赵大明', applicantIdNumber: person(4) });
    const chief = (await as('chief', 'GET', `/api/cases/${caseId}/judicial-aid`)).json<TCaseJudicialAid>();
    expect(chief.masked).toBe(true);
    expect(chief.aids[0]!.applicantName).toBe('赵**');
    expect(chief.aids[0]!.applicantIdNumber).toBe(`${person(4).slice(0, 6)}********${person(4).slice(14)}`);

    const entries = await t.database.db
      .select({
        action: schema.auditLog.action,
        actor: schema.auditLog.actorId,
        detail: schema.auditLog.detail,
      })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, 'case'), eq(schema.auditLog.targetId, String(caseId))))
      .orderBy(desc(schema.auditLog.id));
    expect(entries.slice(0, 3)).toEqual([
      { action: 'judicialAid.view', actor: userIds.chief, detail: { aidIds: [aid.id], masked: true } },
      { action: 'judicialAid.view', actor: userIds.civil, detail: { aidIds: [aid.id], masked: false } },
      expect.objectContaining({ action: 'judicialAid.apply', actor: userIds.civil }),
    ]);
  });

  it('on a juvenile case follows the minors’ rules: masked but for the handler, and gone with the sealed record', async () => {
    const caseId = await openCase('juvenileHead', {
      type: 'juvenileVictim',
      title: '钱小花被伤害案',
      handlerId: userIds.juvenile,
    });
    const minor = await as('juvenile', 'POST', `/api/juvenile/cases/${caseId}/minors`, {
      role: 'victim',
      name: '钱小花',
      gender: 'female',
    });
    const minorId = minor.json<TJuvenileCaseDetail>().minors[0]!.id;
    const aid = await apply('juvenile', caseId, {
      applicantName: '钱大海',
      applicantIdNumber: person(6),
      minorId,
      category: 'juvenile',
    });
    // As on the juvenile page: masked by default, even for the handler; the full view is theirs.
    expect(aid).toMatchObject({ minorId, applicantName: '钱**' });
    const full = await as('juvenile', 'GET', `/api/cases/${caseId}/judicial-aid?full=true`);
    expect(full.json<TCaseJudicialAid>().aids[0]).toMatchObject({
      applicantName: '钱大海',
      applicantIdNumber: person(6),
    });
    const clerk = (
      await as('juvenileClerk', 'GET', `/api/cases/${caseId}/judicial-aid`)
    ).json<TCaseJudicialAid>();
    expect(clerk.aids[0]!.applicantName).toBe('钱**');
    const refused = await as('juvenileClerk', 'GET', `/api/cases/${caseId}/judicial-aid?full=true`);
    expect(refused.statusCode).toBe(403);
    expect(message(refused)).toBe('只有承办检察官、未检部门负责人和检察长可以查看未成年人完整信息');
    expect(
      (await as('deputy', 'GET', `/api/cases/${caseId}/judicial-aid`)).json<TCaseJudicialAid>().masked,
    ).toBe(true);

    await t.database.db.insert(schema.juvenileSealings).values({
      caseId,
      basis: 'nonProsecution',
      sealedOn: testDay(-1),
      sealedBy: userIds.juvenileHead!,
    });
    const missing = await as('deputy', 'GET', '/api/cases/999999/judicial-aid');
    const sealed = await as('deputy', 'GET', `/api/cases/${caseId}/judicial-aid`);
    expect(sealed.statusCode).toBe(404);
    expect(sealed.body).toBe(missing.body);
    expect((await as('chief', 'GET', `/api/cases/${caseId}/judicial-aid`)).statusCode).toBe(200);
    await t.database.db
      .update(schema.juvenileSealings)
      .set({ unsealedAt: new Date() })
      .where(eq(schema.juvenileSealings.caseId, caseId));
  });

  it('counts each assistance once per line and each person once in the total, over the cases the user reaches', async () => {
    const from = testDay(-15);
    const to = testDay(0);
    const summary = async (user: string) => {
      const response = await as(user, 'GET', `/api/judicial-aid/summary?from=${from}&to=${to}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<TSummary>();
    };
    const before = await summary('chief');

    const civilCase = await openCase('civil', { type: 'supportedSuit', title: '孙某追索劳动报酬支持起诉案' });
    const juvenileCase = await openCase('juvenileHead', {
      type: 'juvenileVictim',
      title: '孙小军被伤害案',
      handlerId: userIds.juvenile,
    });
    // The same father helped on the civil case and, for his son, on the juvenile case.
    const father = { name: '孙大成', id: person(7) };
    await paidAid(civilCase, father, 300_000, 'civilHead');
    await paidAid(juvenileCase, father, 200_000, 'juvenileHead');
    await paidAid(juvenileCase, { name: '孙二成', id: person(8) }, 100_000, 'juvenileHead');

    const after = await summary('chief');
    const line = (s: TSummary, id: string) =>
      s.lines.find((l) => l.line === id) ?? { applications: 0, granted: 0, people: 0, paidFen: 0 };
    const grew = (id: string) => {
      const a = line(after, id);
      const b = line(before, id);
      return { people: a.people - b.people, paidFen: a.paidFen - b.paidFen };
    };
    expect(grew('civilAdministrative')).toEqual({ people: 1, paidFen: 300_000 });
    expect(grew('juvenile')).toEqual({ people: 2, paidFen: 300_000 });
    expect(after.total.paidFen - before.total.paidFen).toBe(600_000);
    // 孙大成 is one person in the court's total although two lines helped him.
    expect(after.total.people - before.total.people).toBe(2);
    expect(line(after, 'juvenile').people).toBe(2);

    // The criminal prosecutor reaches neither case: no figure of theirs.
    const criminal = await summary('criminal');
    expect(criminal.lines.map((l) => l.line)).not.toContain('civilAdministrative');
    expect(criminal.lines.map((l) => l.line)).not.toContain('juvenile');

    const reversed = await as('chief', 'GET', `/api/judicial-aid/summary?from=${to}&to=${from}`);
    expect(reversed.statusCode).toBe(400);
  });
});
