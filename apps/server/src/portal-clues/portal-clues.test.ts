import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail } from '../clues/schema.ts';
import type { TOrganisationList } from '../portal/schema.ts';
import { withCheck } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay, testNow } from '../testing/test-clock.ts';
import type { TCluePortalOrigin, TPortalClueDetail, TPortalClueList } from './schema.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const wageClue = {
  title: '某建筑劳务公司拖欠17名农民工工资',
  description: '某建筑劳务有限公司拖欠侯某等17名农民工工资共计29万余元，经劳动保障监察责令支付后仍未支付。',
  field: 'supportedSuit',
  parties: [
    { kind: 'organisation', name: '某建筑劳务有限公司' },
    { kind: 'person', name: '侯某', idNumber: withCheck('51010819800101100') },
  ],
};

describe.each(testEngines())('外部单位门户·移送线索 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let serial = 0;

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const upload = (user: string, id: number | string, name = '欠薪名单.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/portal/clues/${id}/attachments?name=${encodeURIComponent(name)}`,
      headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
      payload: pdf,
    });

  async function departmentOf(line: 'civilAdministrative' | 'publicInterest' | 'caseManagement') {
    const [row] = await t.database.db
      .select({ id: schema.departments.id, name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .orderBy(schema.departments.sortOrder, schema.departments.id)
      .limit(1);
    return row!;
  }

  /** A staff account of this role in this department, signed in; returns its username. */
  async function staff(role: string, departmentId: number, displayName: string): Promise<string> {
    serial += 1;
    const username = `pc.staff${serial}`;
    const created = await as('admin', 'POST', '/api/users', {
      username,
      displayName,
      role,
      departmentId,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    await signIn(username);
    return username;
  }

  async function signIn(username: string) {
    const first = await t.login(username, 'Initial2026pw');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Portal2026pwNew' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    cookies[username] = await t.login(username, 'Portal2026pwNew');
  }

  /** An organisation of this kind with one account of role 外部单位; returns the account's name. */
  async function organisation(name: string, orgKind: string): Promise<{ user: string; id: number }> {
    serial += 1;
    const username = `pc.outside${serial}`;
    const created = await as('admin', 'POST', '/api/users', {
      username,
      displayName: `${name}经办人`,
      role: 'organisation',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    await signIn(username);
    const org = await as('admin', 'POST', '/api/organisations', {
      name,
      kind: orgKind,
      usernames: [username],
    });
    expect(org.statusCode, org.body).toBe(201);
    return { user: username, id: org.json<TOrganisationList>().items.find((o) => o.name === name)!.id };
  }

  async function send(user: string, body: Record<string, unknown> = wageClue): Promise<TPortalClueDetail> {
    const sent = await as(user, 'POST', '/api/portal/clues', body);
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json<TPortalClueDetail>();
  }

  async function clueOf(portalClueId: number) {
    const [row] = await t.database.db
      .select()
      .from(schema.portalClues)
      .where(eq(schema.portalClues.id, portalClueId));
    return row!.clueId;
  }

  /** The texts of the notices an account has, oldest first. */
  async function noticesOf(username: string): Promise<string[]> {
    const [account] = await t.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, username));
    const rows = await t.database.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, account!.id))
      .orderBy(schema.notifications.id);
    return rows.map((r) => r.text);
  }

  let civil: { id: number; name: string };
  let prosecutor4: string;
  let head4: string;
  let head4Id: number;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    cookies.admin = await t.login('admin');
    cookies.chief = await t.login('chief');
    civil = await departmentOf('civilAdministrative');
    prosecutor4 = await staff('prosecutor', civil.id, '门户测试检察官甲');
    cookies.head4 = await loginAs(t, 'departmentHead', civil.name);
    head4 = 'head4';
    head4Id = (await as(head4, 'GET', '/api/auth/me')).json<{ id: number }>().id;
  });
  afterAll(() => t?.close());

  it('a clue sent by the labour bureau becomes a 人社部门移送 clue of the civil department, received now', async () => {
    const bureau = await organisation('成华区人力资源和社会保障局（线索测试）', 'humanResources');
    const sent = await send(bureau.user);
    expect(sent.state).toBe('received');
    expect(sent.stateLabel).toBe('已接收');
    expect(sent.department).toBe(civil.name);
    expect(sent.sentAt).toBe(testNow.toISOString());
    const stored = await upload(bureau.user, sent.id);
    expect(stored.statusCode, stored.body).toBe(201);

    const clueId = await clueOf(sent.id);
    const inside = (await as(prosecutor4, 'GET', `/api/clues/${clueId}`)).json<TClueDetail>();
    expect(inside.source).toBe('labourBureau');
    expect(inside.sourceLabel).toBe('人社部门移送');
    expect(inside.department.id).toBe(civil.id);
    expect(inside.status).toBe('pending');
    expect(inside.receivedAt).toBe(testNow.toISOString());
    expect(inside.parties.map((p) => p.name)).toEqual(['某建筑劳务有限公司', '侯某']);
    expect(inside.attachments.map((a) => a.fileName)).toEqual(['欠薪名单.pdf']);
    expect(inside.assessmentDueOn).not.toBeNull();

    const origin = (await as(prosecutor4, 'GET', `/api/clues/${clueId}/portal`)).json<TCluePortalOrigin>();
    expect(origin.origin?.organisation.name).toBe('成华区人力资源和社会保障局（线索测试）');
    expect(origin.origin?.fieldLabel).toContain('民事支持起诉');

    // The department's head is told, with a link to the clue.
    const [told] = await t.database.db
      .select()
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.userId, head4Id), eq(schema.notifications.link, `/clues/${clueId}`)),
      );
    expect(told?.text).toContain('成华区人力资源和社会保障局（线索测试）经外部单位门户移送');

    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, 'clue'), eq(schema.auditLog.targetId, String(clueId))));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['clue.create', 'portal.clue.send', 'attachment.upload']),
    );
  });

  it('the organisation follows its clue to a supported-prosecution case and its result, naming no one inside', async () => {
    const bureau = await organisation('成华区人社局（结果测试）', 'humanResources');
    const sent = await send(bureau.user);
    const clueId = await clueOf(sent.id);

    const decided = await as(prosecutor4, 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'open',
      caseType: 'supportedSuit',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const caseId = decided.json<TClueDetail>().case!.id;
    const opened = (await as(bureau.user, 'GET', `/api/portal/clues/${sent.id}`)).json<TPortalClueDetail>();
    expect(opened.stateLabel).toBe('已立案');
    expect(opened.decision).toMatchObject({
      text: '已立案（民事支持起诉）',
      on: testDay(0),
      caseType: '民事支持起诉',
    });

    const feedback = await as(prosecutor4, 'POST', `/api/clues/${clueId}/portal-feedback`, {
      text: '本院已决定支持农民工起诉，请协助提供劳动保障监察案卷。',
    });
    expect(feedback.statusCode, feedback.body).toBe(200);

    // The case: its record, two workers, the suit filed, the money recovered, then closed.
    await as(prosecutor4, 'PUT', `/api/cases/${caseId}/supported-prosecution`, {
      respondent: '某建筑劳务有限公司',
      claimKind: 'labourPay',
    });
    const added = await as(prosecutor4, 'POST', `/api/cases/${caseId}/applicants`, {
      name: '侯某',
      idNumber: withCheck('51010819800101100'),
      category: 'migrantWorker',
      claimFen: 1_700_000,
    });
    expect(added.statusCode, added.body).toBe(200);
    for (const step of [
      {
        kind: 'eligibilityReview',
        on: testDay(0),
        reasonKinds: ['cannotAfford'],
        result: 'eligible',
        person: '审查检察官',
        detail: '申请人无力聘请律师。',
      },
      {
        kind: 'courtFiling',
        on: testDay(0),
        body: '成都市成华区人民法院',
        reference: '（2026）川0108民初1号',
      },
    ]) {
      const recorded = await as(
        prosecutor4,
        'POST',
        `/api/cases/${caseId}/supported-prosecution/steps`,
        step,
      );
      expect(recorded.statusCode, recorded.body).toBe(200);
    }
    const [applicant] = await t.database.db
      .select()
      .from(schema.supportedProsecutionApplicants)
      .where(eq(schema.supportedProsecutionApplicants.caseId, caseId));
    const recovered = await as(
      prosecutor4,
      'POST',
      `/api/cases/${caseId}/applicants/${applicant!.id}/recovery`,
      {
        recoveredFen: 1_700_000,
        paidOn: testDay(0),
      },
    );
    expect(recovered.statusCode, recovered.body).toBe(200);

    const response = await as(bureau.user, 'GET', `/api/portal/clues/${sent.id}`);
    const seen = response.json<TPortalClueDetail>();
    expect(seen.progress.map((p) => p.text)).toEqual(['支持起诉条件审查：符合支持起诉条件', '起诉立案']);
    expect(seen.outcomes).toEqual(expect.arrayContaining([{ label: '追回欠薪', text: '17,000.00 元' }]));
    expect(seen.feedback).toEqual([
      {
        at: testNow.toISOString(),
        department: civil.name,
        text: '本院已决定支持农民工起诉，请协助提供劳动保障监察案卷。',
      },
    ]);
    expect(seen.attachments).toEqual([]);
    // Nothing internal: not the prosecutor's name, not the court's case number, not the case number.
    const [theCase] = await t.database.db.select().from(schema.cases).where(eq(schema.cases.id, caseId));
    for (const secret of ['门户测试检察官甲', '审查检察官', '川0108民初1号', theCase!.caseNumber])
      expect(response.body).not.toContain(secret);
    // The organisation's account is told of the decision, naming no one inside.
    const messages = await noticesOf(bureau.user);
    expect(messages).toEqual([`贵单位经门户移送的线索「${wageClue.title}」：已立案`]);
    // The feedback is audited, and inside it shows with its writer.
    const inside = (await as(head4, 'GET', `/api/clues/${clueId}/portal`)).json<TCluePortalOrigin>();
    expect(inside.origin?.feedback.map((f) => f.writtenBy)).toEqual(['门户测试检察官甲']);
    const [entry] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, 'clue.portalFeedback'), eq(schema.auditLog.targetId, String(clueId))),
      );
    expect(entry).toBeDefined();
    // Once the case is closed: 已办结.
    await t.database.db.update(schema.cases).set({ closedAt: testNow }).where(eq(schema.cases.id, caseId));
    const closed = (await as(bureau.user, 'GET', '/api/portal/clues')).json<TPortalClueList>();
    expect(closed.items.find((c) => c.id === sent.id)).toMatchObject({
      stateLabel: '已办结',
      decidedOn: testDay(0),
    });
  });

  it("the organisation's accounts are told when its clue is decided and when the case is closed, naming no one", async () => {
    const bureau = await organisation('成华区人社局（通知测试）', 'humanResources');
    const declinedSent = await send(bureau.user, { ...wageClue, title: '某商贸公司拖欠保洁员工资' });
    const declined = await as(prosecutor4, 'POST', `/api/clues/${await clueOf(declinedSent.id)}/decision`, {
      decision: 'decline',
      reason: '经审查，劳动者已通过劳动仲裁获得救济。',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(await noticesOf(bureau.user)).toEqual([
      '贵单位经门户移送的线索「某商贸公司拖欠保洁员工资」：不予立案',
    ]);

    const sent = await send(bureau.user, { ...wageClue, title: '某劳务公司拖欠农民工工资' });
    const opened = await as(prosecutor4, 'POST', `/api/clues/${await clueOf(sent.id)}/decision`, {
      decision: 'open',
      caseType: 'supportedSuit',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const caseId = opened.json<TClueDetail>().case!.id;
    for (const kind of ['applicationReceived', 'reviewReport', 'terminationDecision']) {
      const event = await as(prosecutor4, 'POST', `/api/cases/${caseId}/events`, {
        kind,
        note: '申请人撤回申请，终结审查',
      });
      expect(event.statusCode, event.body).toBe(200);
    }
    const closed = await as(prosecutor4, 'POST', `/api/cases/${caseId}/transitions`, { to: 'terminated' });
    expect(closed.statusCode, closed.body).toBe(200);
    const notices = await noticesOf(bureau.user);
    expect(notices).toEqual([
      '贵单位经门户移送的线索「某商贸公司拖欠保洁员工资」：不予立案',
      '贵单位经门户移送的线索「某劳务公司拖欠农民工工资」：已立案',
      '贵单位经门户移送的线索「某劳务公司拖欠农民工工资」：已办结',
    ]);
    const [theCase] = await t.database.db.select().from(schema.cases).where(eq(schema.cases.id, caseId));
    for (const text of notices)
      for (const secret of ['门户测试检察官甲', theCase!.caseNumber]) expect(text).not.toContain(secret);
  });

  it('a case opened from the clue and then sealed shows only 已立案: no type, steps or result', async () => {
    const bureau = await organisation('成华区人社局（封存测试）', 'humanResources');
    const sent = await send(bureau.user, { ...wageClue, title: '某劳务公司欠薪（封存测试）' });
    const clueId = await clueOf(sent.id);
    const decided = await as(prosecutor4, 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'open',
      caseType: 'supportedSuit',
    });
    const caseId = decided.json<TClueDetail>().case!.id;
    const [sealer] = await t.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, 'chief'));
    await t.database.db
      .insert(schema.juvenileSealings)
      .values({ caseId, basis: 'nonProsecution', sealedOn: testDay(0), sealedBy: sealer!.id });
    await t.database.db.update(schema.cases).set({ closedAt: testNow }).where(eq(schema.cases.id, caseId));
    const seen = (await as(bureau.user, 'GET', `/api/portal/clues/${sent.id}`)).json<TPortalClueDetail>();
    expect(seen.stateLabel).toBe('已立案');
    expect(seen.decision).toMatchObject({ text: '已立案', caseType: null });
    expect(seen.progress).toEqual([]);
    expect(seen.outcomes).toEqual([]);
    expect(seen.concludedOn).toBeNull();
  });

  it('a declined clue shows 不予立案 with the reason; material can no longer be added', async () => {
    const bureau = await organisation('成华区民政局（不立案测试）', 'civilAffairs');
    const sent = await send(bureau.user, {
      ...wageClue,
      title: '某养老院虚报床位套取补贴',
      field: 'administrative',
    });
    const clueId = await clueOf(sent.id);
    const inside = (await as(prosecutor4, 'GET', `/api/clues/${clueId}`)).json<TClueDetail>();
    expect(inside.sourceLabel).toBe('行政机关移送');
    const declined = await as(prosecutor4, 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'decline',
      reason: '经审查，民政部门已依法追回补贴，无需检察机关监督。',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const seen = (await as(bureau.user, 'GET', `/api/portal/clues/${sent.id}`)).json<TPortalClueDetail>();
    expect(seen.stateLabel).toBe('不予立案');
    expect(seen.decision).toMatchObject({
      reason: '经审查，民政部门已依法追回补贴，无需检察机关监督。',
      on: testDay(0),
    });
    const late = await upload(bureau.user, sent.id);
    expect(late.statusCode).toBe(409);
  });

  it('a clue of unsure field goes to the 案件管理部 and is followed when transferred on', async () => {
    const court = await organisation('成华区人民法院（分流测试）', 'court');
    const sent = await send(court.user, {
      ...wageClue,
      title: '执行中发现的虚假诉讼线索',
      field: 'unsure',
      parties: [],
    });
    const intake = await departmentOf('caseManagement');
    expect(sent.department).toBe(intake.name);
    const clueId = await clueOf(sent.id);
    const moved = await as('chief', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'transfer',
      transfer: { toDepartmentId: civil.id, reason: '属民事检察职责' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const seen = (await as(court.user, 'GET', `/api/portal/clues/${sent.id}`)).json<TPortalClueDetail>();
    expect(seen.department).toBe(civil.name);
    expect(seen.stateLabel).toBe('已接收');
    // The receiving department's clue traces back to the court, and feedback written there reaches it.
    const [received] = await t.database.db
      .select()
      .from(schema.clueTransfers)
      .where(eq(schema.clueTransfers.clueId, clueId));
    const newClue = (
      await as(prosecutor4, 'GET', `/api/clues/${received!.receivedClueId}`)
    ).json<TClueDetail>();
    expect(newClue.sourceLabel).toBe('法院移送');
    const written = await as(prosecutor4, 'POST', `/api/clues/${newClue.id}/portal-feedback`, {
      text: '线索已由本院民事检察部门受理审查。',
    });
    expect(written.statusCode, written.body).toBe(200);
    const after = (await as(court.user, 'GET', `/api/portal/clues/${sent.id}`)).json<TPortalClueDetail>();
    expect(after.feedback.map((f) => f.text)).toEqual(['线索已由本院民事检察部门受理审查。']);
  });

  it("another organisation's clue answers 404 on every portal route, exactly like a missing id", async () => {
    const mine = await organisation('成华区教育局（越权测试）', 'education');
    const theirs = await organisation('成华区司法局（越权测试）', 'judicialAdministration');
    const theirClue = await send(theirs.user);
    await send(mine.user, { ...wageClue, title: '本单位移送的线索' });
    const list = (await as(mine.user, 'GET', '/api/portal/clues')).json<TPortalClueList>();
    expect(list.items.map((c) => c.title)).toEqual(['本单位移送的线索']);
    for (const [name, request] of [
      ['GET', (id: number) => as(mine.user, 'GET', `/api/portal/clues/${id}`)],
      ['upload', (id: number) => upload(mine.user, id)],
    ] as const) {
      const out = await request(theirClue.id);
      const missing = await request(2_147_483_000);
      expect(out.statusCode, name).toBe(404);
      expect(out.json(), name).toEqual(missing.json());
    }
    // Their clue got no file from my attempt.
    const [file] = await t.database.db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.clueId, await clueOf(theirClue.id)));
    expect(file).toBeUndefined();
    // Inside, a department out of the clue's reach gets the same 404 as a missing clue.
    const other = await staff('prosecutor', (await departmentOf('publicInterest')).id, '门户测试检察官乙');
    const clueId = await clueOf(theirClue.id);
    for (const [method, path, payload] of [
      ['GET', '/portal', undefined],
      ['POST', '/portal-feedback', { text: '越权反馈内容' }],
    ] as const) {
      const out = await as(other, method, `/api/clues/${clueId}${path}`, payload);
      const missing = await as(other, method, `/api/clues/2147483000${path}`, payload);
      expect(out.statusCode, path).toBe(404);
      expect(out.json()).toEqual(missing.json());
    }
    // A clue not sent on the portal has no origin and takes no feedback.
    const ordinary = await as(prosecutor4, 'POST', '/api/clues', {
      source: 'publicReport',
      title: '群众举报线索',
      description: '群众来信反映某小区物业违规收费。',
    });
    const ordinaryId = ordinary.json<{ clue: { id: number } }>().clue.id;
    expect((await as(prosecutor4, 'GET', `/api/clues/${ordinaryId}/portal`)).json()).toEqual({
      origin: null,
    });
    expect(
      (await as(prosecutor4, 'POST', `/api/clues/${ordinaryId}/portal-feedback`, { text: '反馈内容' }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses a public-interest field on a clue of another line, in Chinese', async () => {
    const org = await organisation('成华区某街道办事处（校验测试）', 'other');
    const refused = await as(org.user, 'POST', '/api/portal/clues', { ...wageClue, pilField: 'ecology' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toBe('只有公益诉讼线索填写公益诉讼领域');
    const pil = await send(org.user, {
      ...wageClue,
      title: '河道非法采砂',
      field: 'publicInterest',
      pilField: 'ecology',
    });
    expect(pil.pilFieldLabel).toBe('生态环境和资源保护');
    const inside = (await as('chief', 'GET', `/api/clues/${await clueOf(pil.id)}`)).json<TClueDetail>();
    expect(inside.sourceLabel).toBe('其他单位移送');
    expect(inside.department.name).toBe((await departmentOf('publicInterest')).name);
  });
});
