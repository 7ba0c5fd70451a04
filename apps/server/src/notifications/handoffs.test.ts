import { testEngines } from '@procura/db/testing';
import { todayInChina } from '@procura/domain/china-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TClueDetail } from '../clues/schema.ts';
import type { TJuvenileCaseDetail } from '../juvenile/schema.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TNotification, TNotificationList } from './schema.ts';

/**
 * Every handoff tells the person who must act, and nobody else: transfers, approval requested,
 * granted and returned, a clue that became a case, the addressee's reply and the rectification,
 * the outside body's feedback, and the four-eyes rule on approvals.
 */
describe.each(testEngines())('handoffs notify who must act (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids = new Map<string, number>();
  const departments = new Map<string, number>();
  type Method = 'GET' | 'POST' | 'PATCH';
  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const ok = async <T>(user: string, method: Method, url: string, payload?: unknown): Promise<T> => {
    const response = await as(user, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return (response.body ? response.json<T>() : undefined) as T;
  };
  const everyone = [
    'chief',
    'deputy',
    'head5',
    'prosecutor5',
    'assistant5',
    'prosecutor1',
    'head6',
    'prosecutor6',
  ];

  /** Each user's notifications so far, to see what one step added. */
  async function snapshot(): Promise<Map<string, number>> {
    const seen = new Map<string, number>();
    for (const user of everyone) {
      const list = await ok<TNotificationList>(user, 'GET', '/api/notifications');
      seen.set(user, list.items[0]?.id ?? 0);
    }
    return seen;
  }
  /** What each user was told since the snapshot (only users told something appear). */
  async function toldSince(before: Map<string, number>): Promise<Record<string, TNotification[]>> {
    const told: Record<string, TNotification[]> = {};
    for (const user of everyone) {
      const list = await ok<TNotificationList>(user, 'GET', '/api/notifications');
      const fresh = list.items.filter((n) => n.id > before.get(user)!);
      if (fresh.length > 0) told[user] = fresh;
    }
    return told;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of [
      'chief',
      'deputy',
      'head5',
      'assistant5',
      'prosecutor1',
      'head6',
      'prosecutor6',
      'admin',
    ])
      cookies[user] = await t.login(user);
    for (const d of await ok<{ id: number; name: string }[]>('admin', 'GET', '/api/departments'))
      departments.set(d.name, d.id);
    const created = await ok<{ id: number }>('admin', 'POST', '/api/users', {
      username: 'prosecutor5',
      displayName: '王强',
      role: 'prosecutor',
      departmentId: departments.get('第五检察部'),
      password: 'Initial2026pw',
    });
    cookies.prosecutor5 = await t.login('prosecutor5', 'Initial2026pw');
    await ok('prosecutor5', 'POST', '/api/auth/password', {
      currentPassword: 'Initial2026pw',
      newPassword: 'Changed2026pw',
    });
    for (const user of everyone) {
      if (user === 'prosecutor5') ids.set(user, created.id);
      else ids.set(user, (await ok<{ id: number }>(user, 'GET', '/api/auth/me')).id);
    }
  });
  afterAll(() => t?.close());

  let sentClueId: number;
  let receivedClueId: number;
  let caseId: number;

  it("a transfer tells the receiving department's head, not the sender or anyone else", async () => {
    const { clue } = await ok<{ clue: TClueDetail }>('prosecutor1', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '某公司非法占用林地线索',
      description: '办理盗伐林木案中发现某公司非法占用林地，主管部门未依法查处。',
      parties: [],
    });
    sentClueId = clue.id;
    const before = await snapshot();
    const sent = await ok<TClueDetail>('prosecutor1', 'POST', `/api/clues/${sentClueId}/decision`, {
      decision: 'transfer',
      transfer: {
        toDepartmentId: departments.get('第五检察部'),
        reason: '国有财产受损，属公益诉讼职能',
        pilField: 'stateProperty',
      },
    });
    receivedClueId = sent.transfers[0]!.receivedClueId!;
    const told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['head5']);
    expect(told.head5).toEqual([
      expect.objectContaining({
        kind: 'clueTransferred',
        text: '第一检察部李华（演示）移送线索「某公司非法占用林地线索」至第五检察部，请处置：国有财产受损，属公益诉讼职能',
        link: `/clues/${receivedClueId}`,
        readAt: null,
      }),
    ]);
    // The bell's count: unread messages.
    const unread = await ok<TNotificationList>('head5', 'GET', '/api/notifications?unread=true');
    expect(unread.unread).toBeGreaterThanOrEqual(1);
  });

  it('a case opened from a transferred clue tells the sender (linked to their own clue) and the new handler', async () => {
    const before = await snapshot();
    const opened = await ok<TClueDetail>('head5', 'POST', `/api/clues/${receivedClueId}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
      handlerId: ids.get('prosecutor5'),
    });
    caseId = opened.case!.id;
    const told = await toldSince(before);
    expect(Object.keys(told).sort()).toEqual(['prosecutor1', 'prosecutor5']);
    expect(told.prosecutor1).toEqual([
      expect.objectContaining({
        kind: 'clueOpened',
        text: `您移送的线索「某公司非法占用林地线索」经接收部门陈敏（演示）已立案（${opened.case!.caseNumber}）`,
        // The sender cannot open the other department's case: the link is their own clue.
        link: `/clues/${sentClueId}`,
      }),
    ]);
    expect(told.prosecutor5).toEqual([
      expect.objectContaining({ kind: 'clueOpened', link: `/cases/${caseId}` }),
    ]);
    expect(told.prosecutor5![0]!.text).toContain(opened.case!.caseNumber);
  });

  it('a declined transferred clue tells the sender why', async () => {
    const { clue } = await ok<{ clue: TClueDetail }>('prosecutor1', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '某小区违建线索',
      description: '某小区存在违法建设，住建部门未依法处理。',
      parties: [],
    });
    const sent = await ok<TClueDetail>('prosecutor1', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'transfer',
      transfer: {
        toDepartmentId: departments.get('第五检察部'),
        reason: '行政机关不作为',
        pilField: 'other',
      },
    });
    const before = await snapshot();
    await ok('head5', 'POST', `/api/clues/${sent.transfers[0]!.receivedClueId}/decision`, {
      decision: 'decline',
      reason: '已由住建部门立案查处',
    });
    const told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['prosecutor1']);
    expect(told.prosecutor1![0]).toMatchObject({
      kind: 'clueDeclined',
      text: '您移送的线索「某小区违建线索」经接收部门陈敏（演示）决定不立案：已由住建部门立案查处',
    });
  });

  const draft = (user: string) =>
    ok<TSuggestion>(user, 'POST', '/api/suggestions', {
      caseId,
      kind: 'preLitigation',
      addressee: '成都市成华区林业局',
      facts: '某公司非法占用林地，你局未依法查处。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法查处非法占用林地行为。',
    });

  let prosecutorsSuggestion: TSuggestion;

  it("a prosecutor's suggestion goes to the department head; approval tells the drafter", async () => {
    prosecutorsSuggestion = await draft('prosecutor5');
    expect(prosecutorsSuggestion.approval).toMatchObject({
      authorIds: [ids.get('prosecutor5')],
      level: 'departmentHead',
    });
    let before = await snapshot();
    await ok('prosecutor5', 'POST', `/api/suggestions/${prosecutorsSuggestion.id}/submit`);
    let told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['head5']);
    expect(told.head5![0]).toMatchObject({
      kind: 'approvalRequested',
      link: `/cases/${caseId}?suggestion=${prosecutorsSuggestion.id}`,
    });
    expect(told.head5![0]!.text).toMatch(
      /^王强提请审批案件成华检公益立〔\d{4}〕\d+号「.+」的诉前检察建议（致成都市成华区林业局），请审批$/,
    );

    before = await snapshot();
    const approved = await ok<TSuggestion>(
      'head5',
      'POST',
      `/api/suggestions/${prosecutorsSuggestion.id}/approve`,
      {
        note: '同意',
      },
    );
    expect(approved.approvals).toEqual([
      expect.objectContaining({ userId: ids.get('head5'), decision: 'approved' }),
    ]);
    told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['prosecutor5']);
    expect(told.prosecutor5![0]).toMatchObject({ kind: 'suggestionApproved', link: `/cases/${caseId}` });
    expect(told.prosecutor5![0]!.text).toContain('陈敏（演示）批准了');
  });

  it('four eyes: a head cannot approve or return her own suggestion; it goes to the deputies and the chief', async () => {
    const own = await draft('head5');
    expect(own.approval).toMatchObject({ level: 'leadership', levelLabel: '副检察长或检察长' });
    const before = await snapshot();
    await ok('head5', 'POST', `/api/suggestions/${own.id}/submit`);
    const told = await toldSince(before);
    expect(Object.keys(told).sort()).toEqual(['chief', 'deputy']);
    expect(told.chief![0]!.kind).toBe('approvalRequested');

    for (const [step, body] of [
      ['approve', { note: '同意' }],
      ['return', { reason: '自退' }],
    ] as const) {
      const refused = await as('head5', 'POST', `/api/suggestions/${own.id}/${step}`, body);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ message: string }>().message).toBe(
        '不能审批本人起草或提请的检察建议（四眼原则），请由副检察长或检察长审批',
      );
    }
    const still = await ok<TSuggestion>('head5', 'GET', `/api/suggestions/${own.id}`);
    expect(still).toMatchObject({ state: 'pendingApproval', approvals: [] });

    const chiefWaiting = (await ok<TNotificationList>('chief', 'GET', '/api/notifications')).unread;
    const approved = await ok<TSuggestion>('deputy', 'POST', `/api/suggestions/${own.id}/approve`, {});
    expect(approved.state).toBe('approved');
    // Decided by the deputy: the chief's request no longer waits, and the count drops.
    const chiefAfter = await ok<TNotificationList>('chief', 'GET', '/api/notifications');
    expect(chiefAfter.unread).toBe(chiefWaiting - 1);
    expect(chiefAfter.items.find((n) => n.id === told.chief![0]!.id)?.readAt).not.toBeNull();
    expect(approved.approvals.map((a) => a.userId)).toEqual([ids.get('deputy')]);
    // The timeline names the deputy, never the drafter, as approver.
    const detail = await ok<TCaseDetail>('head5', 'GET', `/api/cases/${caseId}`);
    const approvalNotes = detail.timeline.filter(
      (e) => e.data.suggestionId === own.id && e.data.step === 'approve',
    );
    expect(approvalNotes.map((e) => e.note)).toEqual(['诉前检察建议经副检察长周立（演示）审批同意']);
  });

  it("a head who submits a prosecutor's draft has made it hers: the leaders approve it", async () => {
    const drafted = await draft('prosecutor5');
    await ok('head5', 'POST', `/api/suggestions/${drafted.id}/submit`);
    const refused = await as('head5', 'POST', `/api/suggestions/${drafted.id}/approve`, {});
    expect(refused.statusCode).toBe(403);
    const returned = await ok<TSuggestion>('chief', 'POST', `/api/suggestions/${drafted.id}/return`, {
      reason: '请补充林地面积',
    });
    expect(returned.state).toBe('draft');
    const drafter = await ok<TNotificationList>('prosecutor5', 'GET', '/api/notifications');
    expect(drafter.items[0]).toMatchObject({ kind: 'suggestionReturned' });
    expect(drafter.items[0]!.text).toContain('请补充林地面积');
  });

  it("the addressee's reply and the rectification tell the handler and drafter, not who recorded them", async () => {
    const id = prosecutorsSuggestion.id;
    // A 诉前检察建议 is issued after the 调查终结报告.
    await ok('prosecutor5', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'investigationReport',
      note: '调查终结，建议提出诉前检察建议',
    });
    await ok('head5', 'POST', `/api/suggestions/${id}/issue`);
    const today = todayInChina();
    await ok('assistant5', 'POST', `/api/suggestions/${id}/delivery`, { deliveredOn: today });
    let before = await snapshot();
    await ok('assistant5', 'POST', `/api/suggestions/${id}/reply`, {
      repliedOn: today,
      content: '已立案查处并责令恢复林地。',
    });
    let told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['prosecutor5']);
    expect(told.prosecutor5).toEqual([
      expect.objectContaining({ kind: 'suggestionReplied', link: `/cases/${caseId}` }),
    ]);
    expect(told.prosecutor5![0]!.text).toContain(`成都市成华区林业局于 ${today} 书面回复了`);

    before = await snapshot();
    await ok('assistant5', 'POST', `/api/suggestions/${id}/rectification`, {
      result: 'fullyRectified',
      followUp: 'none',
    });
    told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['prosecutor5']);
    expect(told.prosecutor5![0]!.kind).toBe('suggestionRectification');
    expect(told.prosecutor5![0]!.text).toContain('整改到位');
  });

  it("an outside body's feedback recorded by the chief tells the clue's sender", async () => {
    const { clue } = await ok<{ clue: TClueDetail }>('prosecutor1', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '某单位违规发放补贴线索',
      description: '某单位违规发放补贴，属民政部门职责。',
      parties: [],
    });
    const sent = await ok<TClueDetail>('prosecutor1', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'transfer',
      transfer: { toOutsideBody: '成都市成华区民政局', reason: '属民政部门职责' },
    });
    const before = await snapshot();
    await ok('chief', 'POST', `/api/clue-transfers/${sent.transfers[0]!.id}/feedback`, {
      feedback: '已责令停发并追回',
    });
    const told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['prosecutor1']);
    expect(told.prosecutor1![0]).toMatchObject({
      kind: 'transferFeedback',
      text: '成都市成华区民政局对线索「某单位违规发放补贴线索」的移送作出反馈（林正（演示）录入）：已责令停发并追回',
      link: `/clues/${clue.id}`,
    });
  });

  it("juvenile handoffs never name the minor; a head's own inquiry request goes to the leaders", async () => {
    const opened = await ok<TCaseDetail>('head6', 'POST', '/api/cases', {
      type: 'juvenileVictim',
      title: '张小明被猥亵案',
      handlerId: ids.get('prosecutor6'),
    });
    const withMinor = await ok<TJuvenileCaseDetail>(
      'prosecutor6',
      'POST',
      `/api/juvenile/cases/${opened.id}/minors`,
      {
        role: 'victim',
        name: '张小明',
        gender: 'male',
        idNumber: '510108201205011239',
        guardianName: '张大山',
        guardianRelation: '父亲',
      },
    );
    const minorId = withMinor.minors[0]!.id;
    const suggestion = await ok<TSuggestion>('prosecutor6', 'POST', '/api/suggestions', {
      caseId: opened.id,
      kind: 'socialGovernance',
      addressee: '成华区某小学',
      facts: '学校未落实强制报告制度',
      legalBasis: '《中华人民共和国未成年人保护法》第十一条',
      requests: '建立强制报告制度',
    });
    let before = await snapshot();
    await ok('prosecutor6', 'POST', `/api/suggestions/${suggestion.id}/submit`);
    let told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['head6']);
    expect(told.head6![0]!.text).toContain('「张**被猥亵案」');
    expect(told.head6![0]!.text).not.toContain('张小明');

    before = await snapshot();
    const requested = await ok<TJuvenileCaseDetail>(
      'head6',
      'POST',
      `/api/juvenile/cases/${opened.id}/inquiry-requests`,
      { minorId, reason: '需核实作案时间' },
    );
    told = await toldSince(before);
    expect(Object.keys(told).sort()).toEqual(['chief', 'deputy']);
    expect(told.chief![0]!.text).toContain('被害人张*');
    expect(JSON.stringify(told)).not.toContain('张小明');
    const requestId = requested.inquiryRequests[0]!.id;
    const own = await as('head6', 'POST', `/api/juvenile/inquiry-requests/${requestId}/decision`, {
      approve: true,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json<{ message: string }>().message).toBe(
      '不能审批本人起草或提请的再次询问申请（四眼原则），请由副检察长或检察长审批',
    );
    before = await snapshot();
    await ok('chief', 'POST', `/api/juvenile/inquiry-requests/${requestId}/decision`, {
      approve: true,
      note: '同意',
    });
    told = await toldSince(before);
    expect(Object.keys(told)).toEqual(['head6']);
    expect(told.head6![0]).toMatchObject({
      kind: 'juvenileInquiryDecided',
      link: `/juvenile/cases/${opened.id}`,
    });
    expect(told.head6![0]!.text).not.toContain('张小明');
  });
});
