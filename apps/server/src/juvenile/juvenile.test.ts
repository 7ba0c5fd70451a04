import { testEngines } from '@procura/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail, TCaseList } from '../cases/schema.ts';
import type { TClueList } from '../clues/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type {
  TFollowUp,
  TJuvenileCaseDetail,
  TJuvenileCaseList,
  TSealedRegister,
  TSealQuery,
} from './schema.ts';

/** Builds a valid id number from the first 17 digits (the check character computed). */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe.each(testEngines())('juvenile casework (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  const userIds = new Map<string, number>();

  type Method = 'GET' | 'POST' | 'PATCH';
  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;

  /** The juvenile department's demo head and prosecutor. */
  async function loginDemo(username: string) {
    cookies[username] = await t.login(username);
    const me = await as(username, 'GET', '/api/auth/me');
    userIds.set(username, me.json<{ id: number }>().id);
  }

  const slot = (day: string, from: string, to: string) => ({
    startsAt: `${day}T${from}:00+08:00`,
    endsAt: `${day}T${to}:00+08:00`,
  });

  /**
   * A juvenile case opened by the head for prosecutor6, with its one minor: each test opens its
   * own. `serial` keeps the minors' id numbers apart (born 2012-05-01: a minor for years to come).
   */
  async function openJuvenileCase(
    type: 'juvenileVictim' | 'juvenileSuspect',
    title: string,
    minor: { name: string; serial: number },
  ): Promise<{ caseId: number; caseNumber: string; minorId: number; idNumber: string }> {
    const opened = await as('head6', 'POST', '/api/cases', {
      type,
      title,
      handlerId: userIds.get('prosecutor6'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id: caseId, caseNumber } = opened.json<TCaseDetail>();
    expect(caseNumber).toMatch(/^成华检未检立〔\d{4}〕\d+号$/);
    const idNumber = withCheck(`510108201205011${String(minor.serial).padStart(2, '0')}`);
    const added = await as('prosecutor6', 'POST', `/api/juvenile/cases/${caseId}/minors`, {
      role: type === 'juvenileVictim' ? 'victim' : 'suspect',
      name: minor.name,
      gender: 'male',
      ...(type === 'juvenileVictim'
        ? { idNumber, guardianName: '张大山', guardianRelation: '父亲' }
        : { guardianName: `${minor.name[0]}母`, guardianRelation: '母亲' }),
    });
    expect(added.statusCode, added.body).toBe(200);
    return { caseId, caseNumber, minorId: added.json<TJuvenileCaseDetail>().minors[0]!.id, idNumber };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'prosecutor1', 'clerk6', 'admin', 'head5']) {
      cookies[user] = await t.login(user);
    }
    for (const d of (await as('admin', 'GET', '/api/departments')).json<{ id: number; name: string }[]>()) {
      departments.set(d.name, d.id);
    }
    for (const user of ['head6', 'prosecutor6']) await loginDemo(user);
  });
  afterAll(() => t?.close());

  it('lists and the case page show the minor masked; the full view is for the handler, the head and the chief, and audited', async () => {
    const victim = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 1 });
    const { caseId: victimCaseId, idNumber } = victim;
    const list = (await as('chief', 'GET', '/api/cases?type=juvenileVictim')).json<TCaseList>();
    expect(list.items.find((c) => c.id === victimCaseId)?.title).toBe('张**被猥亵案');
    expect(JSON.stringify(list)).not.toContain('张小明');
    const generic = (await as('prosecutor6', 'GET', `/api/cases/${victimCaseId}`)).json<TCaseDetail>();
    expect(generic.title).toBe('张**被猥亵案');
    const masked = (
      await as('clerk6', 'GET', `/api/juvenile/cases/${victimCaseId}`)
    ).json<TJuvenileCaseDetail>();
    expect(masked.minors[0]).toMatchObject({ name: '张**', idNumber: null, guardianName: '张**' });
    expect(masked.mayViewFull).toBe(false);
    const refused = await as('clerk6', 'GET', `/api/juvenile/cases/${victimCaseId}?full=true`);
    expect(refused.statusCode).toBe(403);
    expect(message(refused)).toBe('只有承办检察官、未检部门负责人和检察长可以查看未成年人完整信息');
    for (const user of ['prosecutor6', 'head6', 'chief']) {
      const full = await as(user, 'GET', `/api/juvenile/cases/${victimCaseId}?full=true`);
      expect(full.statusCode, full.body).toBe(200);
      expect(full.json<TJuvenileCaseDetail>().minors[0]).toMatchObject({ name: '张小明', idNumber });
    }
    const deputy = await as('deputy', 'GET', `/api/juvenile/cases/${victimCaseId}?full=true`);
    expect(deputy.statusCode).toBe(403);
    const audit = (await as('chief', 'GET', '/api/audit?action=juvenile.fullView')).json<{
      items: { actorName: string; targetId: string }[];
    }>();
    const ofThisCase = audit.items.filter((e) => e.targetId === String(victimCaseId));
    expect(ofThisCase.map((e) => e.actorName).sort()).toEqual(
      ['孙悦（演示）', '何静（演示）', '林正（演示）'].sort(),
    );
  });

  it('the suggestion list masks the minor in the case title', async () => {
    const { caseId: victimCaseId } = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', {
      name: '张小明',
      serial: 2,
    });
    const drafted = await as('head6', 'POST', '/api/suggestions', {
      caseId: victimCaseId,
      kind: 'socialGovernance',
      addressee: '成华区某小学',
      facts: '学校未落实强制报告制度',
      legalBasis: '《中华人民共和国未成年人保护法》第十一条',
      requests: '建立强制报告制度',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const listed = (await as('head6', 'GET', `/api/suggestions?caseId=${victimCaseId}`)).json<{
      items: { case: { title: string } }[];
    }>();
    expect(listed.items.map((i) => i.case.title)).toEqual(['张**被猥亵案']);
  });

  it('xlsx exports and clue lists mask minors too', async () => {
    await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 3 });
    const exported = await as('chief', 'GET', '/api/cases/export?type=juvenileVictim');
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const titles = workbook.getWorksheet('案件')!.getColumn(2).values.slice(2);
    expect(titles).toContain('张**被猥亵案');
    expect(JSON.stringify(titles)).not.toContain('张小明');
    const clue = await as('clerk6', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '李小红疑遭殴打',
      description: '群众反映李小红在校外多次被殴打',
      parties: [{ kind: 'person', name: '李小红', idNumber: withCheck('51010820130702222') }],
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const clues = (await as('clerk6', 'GET', '/api/clues?q=殴打')).json<TClueList>();
    expect(clues.items[0]).toMatchObject({
      title: '李**疑遭殴打',
      description: '群众反映李**在校外多次被殴打',
      parties: [{ kind: 'person', name: '李**', idNumber: null }],
    });
    const again = await as('prosecutor1', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '校外殴打事件',
      description: '同一名学生再次被打',
      parties: [{ kind: 'person', name: '李小红', idNumber: withCheck('51010820130702222') }],
    });
    // The juvenile department's clue is out of prosecutor1's reach: flagged without id or name.
    const duplicates = again.json<{ possibleDuplicates: { id: number | null; reason: string }[] }>()
      .possibleDuplicates;
    expect(duplicates.map((d) => [d.id, d.reason])).toEqual([
      [null, '同一公民身份号码（您无权查看该记录，请与该部门核实）'],
    ]);
    const inDepartment = await as('clerk6', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '校外殴打事件',
      description: '同一名学生再次被打',
      parties: [{ kind: 'person', name: '李小红', idNumber: withCheck('51010820130702222') }],
    });
    expect(
      inDepartment
        .json<{ possibleDuplicates: { reason: string }[] }>()
        .possibleDuplicates.map((d) => d.reason),
    ).toContain('同一公民身份号码（李**，未成年人）');
    const clueExport = await as('clerk6', 'GET', '/api/clues/export');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(clueExport.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain('李**');
    expect(text).not.toContain('李小红');
  });

  it('a second inquiry of a victim needs the head approval; the count shows on the case', async () => {
    const victim = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 4 });
    const { caseId: victimCaseId, minorId: victimId } = victim;
    const first = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'inquiryRoom',
      ...slot('2026-12-01', '09:00', '10:00'),
      functions: ['inquiry', 'counselling'],
      attendees: ['prosecutor6', '心理咨询师王某'],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<TJuvenileCaseDetail>().minors[0]!.inquiries).toBe(1);
    const second = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'inquiryRoom',
      ...slot('2026-12-02', '09:00', '10:00'),
      functions: ['inquiry'],
      attendees: ['prosecutor6'],
    });
    expect(second.statusCode).toBe(409);
    expect(message(second)).toBe(
      '被害人张**已询问1次。为避免二次伤害，再次询问须说明理由并经部门负责人批准（未成年人保护法 第一百一十二条），请先提出再次询问申请',
    );
    const requested = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/cases/${victimCaseId}/inquiry-requests`,
      {
        minorId: victimId,
        reason: '需核实作案时间细节',
      },
    );
    const requestId = requested.json<TJuvenileCaseDetail>().inquiryRequests[0]!.id;
    expect(
      (
        await as('prosecutor6', 'POST', `/api/juvenile/inquiry-requests/${requestId}/decision`, {
          approve: true,
        })
      ).statusCode,
    ).toBe(403);
    const otherHead = await as('head5', 'POST', `/api/juvenile/inquiry-requests/${requestId}/decision`, {
      approve: true,
    });
    expect(otherHead.statusCode).toBe(404);
    const approved = await as('head6', 'POST', `/api/juvenile/inquiry-requests/${requestId}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(approved.json<TJuvenileCaseDetail>().inquiryRequests[0]).toMatchObject({
      state: 'approved',
      decidedBy: '何静（演示）',
    });
    const allowed = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'inquiryRoom',
      ...slot('2026-12-02', '09:00', '10:00'),
      functions: ['inquiry'],
      attendees: ['prosecutor6'],
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    const detail = allowed.json<TJuvenileCaseDetail>();
    expect(detail.minors[0]!.inquiries).toBe(2);
    expect(detail.inquiryRequests[0]!.state).toBe('used');
    const list = (await as('head6', 'GET', '/api/juvenile/cases')).json<TJuvenileCaseList>();
    expect(list.items.find((c) => c.id === victimCaseId)!.minors[0]).toMatchObject({
      name: '张**',
      inquiries: 2,
    });
  });

  it('a room is never double-booked, and the calendar shows the bookings', async () => {
    const victim = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 5 });
    const { caseId: victimCaseId, caseNumber, minorId: victimId } = victim;
    const booked = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'inquiryRoom',
      ...slot('2026-12-08', '09:00', '10:00'),
      functions: ['inquiry'],
      attendees: ['prosecutor6'],
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const clash = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'inquiryRoom',
      ...slot('2026-12-08', '09:30', '11:00'),
      functions: ['medicalExam'],
      attendees: ['法医李某'],
    });
    expect(clash.statusCode).toBe(409);
    expect(message(clash)).toMatch(/^询问室（同步录音录像）在 .+ 已被预约（(.+)），请另选时间或房间$/);
    expect(message(clash)).toContain(`（${caseNumber}）`);
    const otherRoom = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sessions`, {
      minorId: victimId,
      room: 'examRoom',
      ...slot('2026-12-08', '10:00', '11:00'),
      functions: ['medicalExam', 'forensics'],
      attendees: ['法医李某'],
    });
    expect(otherRoom.statusCode, otherRoom.body).toBe(200);
    const calendar = await as('clerk6', 'GET', '/api/juvenile/sessions?from=2026-12-08&to=2026-12-08');
    const sessions = calendar.json<{ roomLabel: string; minorName: string; functionLabels: string[] }[]>();
    expect(sessions.map((s) => s.roomLabel)).toEqual(['询问室（同步录音录像）', '身体检查室']);
    expect(sessions.every((s) => s.minorName === '张**')).toBe(true);
  });

  it('occupational ban and mandatory-report failures are recorded and validated; 司法救助 is no longer a record kind', async () => {
    const victim = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 6 });
    const { caseId: victimCaseId, minorId: victimId } = victim;
    // 司法救助 is kept for every line in /api/cases/:id/judicial-aid (judicial-aid.test.ts).
    const assistance = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/records`, {
      kind: 'judicialAssistance',
      minorId: victimId,
      data: { appliedOn: '2026-11-02', applicant: '张大山', decision: 'pending' },
    });
    expect(assistance.statusCode).toBe(400);
    const ban = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/records`, {
      kind: 'occupationalBan',
      data: { suggestedOn: '2026-11-20', profession: '培训机构教师', years: 7 },
    });
    expect(ban.statusCode).toBe(400);
    expect(message(ban)).toContain('从业禁止建议：字段 years');
    const report = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/records`, {
      kind: 'mandatoryReportFailure',
      data: {
        body: '某某宾馆',
        bodyKind: 'hotel',
        discoveredOn: '2026-11-05',
        accountability: '移送市场监管部门处理',
      },
    });
    expect(report.json<TJuvenileCaseDetail>().records.map((r) => r.label)).toEqual(['未履行强制报告义务']);
    const wrongType = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/records`, {
      kind: 'socialInvestigation',
      data: { investigator: '社工', reportedOn: '2026-11-01', summary: '……' },
    });
    expect(message(wrongType)).toBe('「社会调查报告」不适用于侵害未成年人案件');
  });

  it('a guardianship order is refused as .docx while a required field is empty, then printed and followed', async () => {
    const victim = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', { name: '张小明', serial: 7 });
    const { caseId: victimCaseId, minorId: victimId } = victim;
    const draft = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/guardianship-orders`, {
      minorId: victimId,
      guardianName: '张大山',
      relation: '父亲',
      facts: '监护人长期外出务工，疏于照料。',
      requirements: '',
      sessions: [
        { on: '2026-12-05', topic: '亲子沟通' },
        { on: '2026-12-19', topic: '安全教育' },
      ],
    });
    const orderId = draft.json<TJuvenileCaseDetail>().orders[0]!.id;
    const refused = await as('prosecutor6', 'POST', `/api/juvenile/guardianship-orders/${orderId}/document`);
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toBe('生成督促监护令前请填写：督促监护事项、家庭教育指导机构');
    const complete = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/cases/${victimCaseId}/guardianship-orders`,
      {
        minorId: victimId,
        guardianName: '张大山',
        relation: '父亲',
        facts: '监护人长期外出务工，疏于照料。',
        requirements: '一、每周与孩子通话不少于三次；二、按期参加家庭教育指导。',
        partnerBody: '区妇联',
        sessions: [{ on: '2026-12-05', topic: '亲子沟通' }],
      },
    );
    const order = complete.json<TJuvenileCaseDetail>().orders[1]!;
    expect(order.missing).toEqual([]);
    const printed = await as('prosecutor6', 'POST', `/api/juvenile/guardianship-orders/${order.id}/document`);
    expect(printed.statusCode, printed.body).toBe(200);
    const file = await as(
      'prosecutor6',
      'GET',
      `/api/case-documents/${printed.json<{ documentId: number }>().documentId}`,
    );
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const downloads = (await as('chief', 'GET', '/api/audit?action=caseDocument.download')).json<{
      items: { actorName: string; targetId: string }[];
    }>();
    const documentId = String(printed.json<{ documentId: number }>().documentId);
    expect(downloads.items.filter((e) => e.targetId === documentId).map((e) => e.actorName)).toEqual([
      '孙悦（演示）',
    ]);
    const early = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/guardianship-orders/${order.id}/evaluation`,
      {
        evaluation: '好转',
      },
    );
    expect(message(early)).toBe('还有1次家庭教育指导未记录到场情况，不能结案评估');
    await as('prosecutor6', 'POST', `/api/juvenile/guardianship-orders/${order.id}/attendance`, {
      index: 0,
      attended: true,
    });
    const evaluated = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/guardianship-orders/${order.id}/evaluation`,
      {
        evaluation: '监护人按期参加指导，亲子关系改善',
      },
    );
    expect(evaluated.json<TJuvenileCaseDetail>().orders[1]).toMatchObject({
      sessions: [{ attended: true }],
      evaluation: '监护人按期参加指导，亲子关系改善',
    });
  });

  it('follow-up plans show overdue visits, take referrals with feedback and close with the outcome', async () => {
    const created = await as('prosecutor6', 'POST', '/api/juvenile/follow-ups', {
      subject: 'unsupervised',
      minorName: '王小刚',
      goal: '恢复正常学习生活',
      startedOn: '2025-01-01',
      visitDueDates: ['2025-02-01', '2099-12-31'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<TFollowUp>();
    expect(plan).toMatchObject({ minorName: '王小刚', overdue: 1, nextDueOn: '2025-02-01' });
    const listed = (await as('clerk6', 'GET', '/api/juvenile/follow-ups')).json<TFollowUp[]>();
    expect(listed[0]!.minorName).toBe('王**');
    const visited = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/follow-ups/${plan.id}/visits/${plan.visits[0]!.id}`,
      {
        doneOn: '2025-02-03',
        notes: '家访，了解近况',
        progress: '已联系学校',
      },
    );
    expect(visited.json<TFollowUp>()).toMatchObject({ overdue: 0, nextDueOn: '2099-12-31' });
    const referred = await as('prosecutor6', 'POST', `/api/juvenile/follow-ups/${plan.id}/referrals`, {
      bodyKind: 'education',
      body: '成华区教育局',
      reason: '协助复学',
      sentOn: '2025-02-04',
    });
    const referralId = referred.json<TFollowUp>().referrals[0]!.id;
    const early = await as(
      'prosecutor6',
      'POST',
      `/api/juvenile/follow-ups/${plan.id}/referrals/${referralId}/feedback`,
      {
        feedback: '已安排复学',
        feedbackOn: '2025-02-01',
      },
    );
    expect(message(early)).toBe('字段 feedbackOn：反馈日期不能早于转介日期');
    await as('prosecutor6', 'POST', `/api/juvenile/follow-ups/${plan.id}/referrals/${referralId}/feedback`, {
      feedback: '已安排复学',
      feedbackOn: '2025-02-20',
    });
    const closed = await as('prosecutor6', 'POST', `/api/juvenile/follow-ups/${plan.id}/close`, {
      outcome: 'backToSchool',
    });
    expect(closed.json<TFollowUp>()).toMatchObject({
      outcomeLabel: '复学',
      referrals: [{ feedback: '已安排复学' }],
    });
  });

  it('conditional non-prosecution: six months to one year', async () => {
    const suspect = await openJuvenileCase('juvenileSuspect', '钱小军盗窃案', { name: '钱小军', serial: 9 });
    const suspectCaseId = suspect.caseId;
    const record = (months: number) =>
      as('prosecutor6', 'POST', `/api/juvenile/cases/${suspectCaseId}/records`, {
        kind: 'conditionalNonProsecution',
        data: {
          decidedOn: '2026-03-10',
          probationMonths: months,
          supervisionPlan: '每月报告',
          supervisor: '区关工委',
        },
      });
    const tooLong = await record(18);
    expect(tooLong.statusCode).toBe(400);
    expect(message(tooLong)).toBe(
      '附条件不起诉：字段 probationMonths：附条件不起诉的考验期为六个月以上一年以下（刑事诉讼法 第二百八十三条第二款；人民检察院刑事诉讼规则 第四百七十三条），不能定为18个月',
    );
    expect((await record(6)).statusCode).toBe(200);
    const theCase = (await as('prosecutor6', 'GET', `/api/cases/${suspectCaseId}`)).json<TCaseDetail>();
    expect(theCase.timeline.map((e) => e.kind)).toContain('conditionalNonProsecution');
    expect(theCase.nextStages.find((s) => s.to === 'probation')!.missing.map((m) => m.kind)).toEqual([
      'reviewReport',
    ]);
  });

  it('a sealed record cannot be found outside the juvenile department; queries are decided within 7 days', async () => {
    const suspect = await openJuvenileCase('juvenileSuspect', '赵小军盗窃案', { name: '赵小军', serial: 10 });
    const { caseId: suspectCaseId, caseNumber: suspectCaseNumber } = suspect;
    const { caseId: victimCaseId } = await openJuvenileCase('juvenileVictim', '张小明被猥亵案', {
      name: '张小明',
      serial: 11,
    });
    const suspectId = withCheck('51010820100315123');
    await as('clerk6', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '赵小军盗窃线索',
      description: '赵小军盗窃电动车',
      parties: [{ kind: 'person', name: '赵小军', idNumber: suspectId }],
    });
    const clue = (await as('clerk6', 'GET', '/api/clues?q=赵小军')).json<TClueList>().items[0]!;
    await as('head6', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'juvenileSuspect',
      title: '赵小军盗窃电动车案',
    });
    const clueCaseId = (await as('clerk6', 'GET', `/api/clues/${clue.id}`)).json<{ case: { id: number } }>()
      .case.id;
    // Before sealing the deputy, who reaches every department, finds both cases.
    const before = (await as('deputy', 'GET', '/api/cases?q=赵')).json<TCaseList>();
    expect(before.total).toBe(2);
    for (const id of [suspectCaseId, clueCaseId]) {
      const sealed = await as('prosecutor6', 'POST', `/api/juvenile/cases/${id}/sealing`, {
        basis: 'sentence',
        ageAtOffence: 16,
        sentenceMonths: 8,
        sealedOn: '2026-11-01',
      });
      expect(sealed.statusCode, sealed.body).toBe(200);
    }
    const tooLong = await as('prosecutor6', 'POST', `/api/juvenile/cases/${victimCaseId}/sealing`, {
      basis: 'sentence',
      ageAtOffence: 16,
      sentenceMonths: 8,
      sealedOn: '2026-11-01',
    });
    expect(message(tooLong)).toBe('只有未成年人犯罪案件的犯罪记录可以封存');
    for (const user of ['prosecutor1', 'deputy', 'chief', 'head5']) {
      for (const url of [
        '/api/cases?q=赵',
        `/api/cases?q=${encodeURIComponent(suspectCaseNumber)}`,
        '/api/cases',
      ]) {
        const items = (await as(user, 'GET', url)).json<TCaseList>().items;
        expect(
          items.some((c) => c.id === suspectCaseId || c.id === clueCaseId),
          `${user} ${url}`,
        ).toBe(false);
      }
      const clues = (await as(user, 'GET', '/api/clues?q=赵小军')).json<TClueList>();
      expect(clues.total, user).toBe(0);
      // Opened by id, a sealed record is the chief's as on the juvenile page (maySeeSealed).
      const opens = user === 'chief' ? 200 : 404;
      expect((await as(user, 'GET', `/api/cases/${suspectCaseId}`)).statusCode).toBe(opens);
      expect((await as(user, 'GET', `/api/clues/${clue.id}`)).statusCode).toBe(opens);
      const exported = await as(user, 'GET', '/api/cases/export');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).not.toContain('赵');
      const juvenileList = (await as(user, 'GET', '/api/juvenile/cases')).json<TJuvenileCaseList>();
      expect(
        juvenileList.items.some((c) => c.sealed),
        user,
      ).toBe(user === 'chief');
    }
    // A new clue about the same person flags the sealed case only inside the juvenile department.
    const flagged = async (user: string) =>
      (
        await as(user, 'POST', '/api/clues', {
          source: 'publicReport',
          title: '电动车被盗线索',
          description: '群众反映电动车被盗',
          parties: [{ kind: 'person', name: '赵小军', idNumber: suspectId }],
        })
      ).json<{ possibleDuplicates: { kind: string; id: number }[] }>().possibleDuplicates;
    expect(await flagged('prosecutor1')).toEqual([]);
    expect((await flagged('clerk6')).map((d) => d.id)).toContain(clueCaseId);
    const reassign = await as('deputy', 'POST', '/api/reassignments', {
      caseIds: [suspectCaseId],
      clueIds: [],
      toHandlerId: userIds.get('head6'),
      reason: '调整',
    });
    expect(reassign.statusCode).toBe(404);
    // The juvenile department still has them.
    const own = (await as('prosecutor6', 'GET', '/api/cases?q=赵')).json<TCaseList>();
    expect(own.total).toBe(2);
    expect((await as('deputy', 'GET', '/api/juvenile/sealed')).json<TSealedRegister>().records).toEqual([]);
    const register = (await as('chief', 'GET', '/api/juvenile/sealed')).json<TSealedRegister>();
    expect(register.records.map((r) => r.title).sort()).toEqual(['赵**盗窃案', '赵小军盗窃电动车案'].sort());
    const chiefView = await as('chief', 'GET', `/api/juvenile/cases/${suspectCaseId}?full=true`);
    expect(chiefView.json<TJuvenileCaseDetail>()).toMatchObject({ sealed: true, title: '赵小军盗窃案' });
    const audit = (await as('chief', 'GET', '/api/audit?action=juvenile.fullView')).json<{
      items: { actorName: string; targetId: string; detail: { sealed: boolean } }[];
    }>();
    expect(audit.items.find((e) => e.targetId === String(suspectCaseId))).toMatchObject({
      actorName: '林正（演示）',
      detail: { sealed: true },
    });

    const sealingId = register.records.find((r) => r.caseId === suspectCaseId)!.sealing.id;
    const query = await as('clerk6', 'POST', `/api/juvenile/sealings/${sealingId}/queries`, {
      requesterBody: '成都市公安局成华区分局',
      requesterName: '刘警官',
      purpose: '办理另案需核实前科',
      receivedOn: '2026-11-02',
    });
    expect(query.statusCode, query.body).toBe(200);
    expect(query.json<TSealQuery>()).toMatchObject({ dueOn: '2026-11-09', state: 'pending' });
    const queryId = query.json<TSealQuery>().id;
    const noReason = await as('head6', 'POST', `/api/juvenile/seal-queries/${queryId}/decision`, {
      approve: true,
    });
    expect(message(noReason)).toBe('字段 note：请写明许可或不予许可的理由');
    const decided = await as('head6', 'POST', `/api/juvenile/seal-queries/${queryId}/decision`, {
      approve: true,
      note: '司法机关为办案需要查询（刑诉规则 第四百八十四条）',
    });
    expect(decided.json<TSealQuery>()).toMatchObject({ state: 'permitted', decidedBy: '何静（演示）' });
    expect(decided.json<TSealQuery>().decidedAt).not.toBeNull();
    // The head was asked and the clerk told of the decision, the sealed minor masked in both.
    const notices = async (user: string) =>
      (await as(user, 'GET', '/api/notifications')).json<{ items: { kind: string; text: string }[] }>().items;
    const asked = (await notices('head6')).find((n) => n.kind === 'sealQueryRequested')!;
    expect(asked.text).toBe(
      '吴悦（演示）登记了成都市公安局成华区分局查询案件' +
        `${suspectCaseNumber}「赵**盗窃案」封存记录的申请，请于 2026-11-09 前决定`,
    );
    const answered = (await notices('clerk6')).find((n) => n.kind === 'sealQueryDecided')!;
    expect(answered.text).toContain('何静（演示）许可成都市公安局成华区分局查询');
    expect(JSON.stringify([asked, answered])).not.toContain('赵小军');

    // Four eyes: the head's own entry is the chief's to decide, and the chief is asked.
    const ownEntry = (
      await as('head6', 'POST', `/api/juvenile/sealings/${sealingId}/queries`, {
        requesterBody: '成华区人民法院',
        requesterName: '王法官',
        purpose: '审理另案',
        receivedOn: '2026-11-03',
      })
    ).json<TSealQuery>();
    const byHerself = await as('head6', 'POST', `/api/juvenile/seal-queries/${ownEntry.id}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(byHerself.statusCode).toBe(403);
    expect(message(byHerself)).toBe(
      '不能决定本人登记的封存记录查询申请（四眼原则），请由未检部门负责人或检察长决定',
    );
    expect((await notices('chief')).some((n) => n.kind === 'sealQueryRequested')).toBe(true);
    const byChief = await as('chief', 'POST', `/api/juvenile/seal-queries/${ownEntry.id}/decision`, {
      approve: false,
      note: '不属于法定查询情形',
    });
    expect(byChief.json<TSealQuery>()).toMatchObject({ state: 'refused', decidedBy: '林正（演示）' });
  });
});
