import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueList, TSentClueList } from '../clues/schema.ts';
import type { TDeadlineList } from '../deadlines/schema.ts';
import type { TFollowUp, TJuvenileCaseList, TSealedRegister } from '../juvenile/schema.ts';
import type { TLetterList } from '../mailbox/schema.ts';
import type { THitList } from '../models/schema.ts';
import type { TSuggestionList } from '../suggestions/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TWorkbench, TWorkbenchItem } from './schema.ts';

type TListBody = unknown[] | { total?: number; unread?: number; queries?: unknown[]; items?: unknown[] };

/**
 * The rows a list answer holds in all: its total when paged, the unread count of notifications,
 * the query requests of the sealed register, else its items.
 */
function rowsOf(body: TListBody): number {
  if (Array.isArray(body)) return body.length;
  if (body.total !== undefined) return body.total;
  if (body.unread !== undefined) return body.unread;
  if (body.queries !== undefined) return body.queries.length;
  return body.items!.length;
}

describe.each(testEngines())('workbench (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const users = [
    'chief',
    'deputy',
    'head5',
    'prosecutor5a',
    'prosecutor1',
    'head6',
    'prosecutor6',
    'clerk6',
    'analyst',
    'personnel1',
  ];
  const ids: Record<string, number> = {};
  let fromProsecutor: number;
  let fromHead: number;
  let overdueCase: number;
  let soonSuggestion: number;
  let pendingClue: number;
  let sentClue: number;
  let inquiryCase: number;
  let sealQuery: number;
  let duePlan: number;
  let laterPlan: number;
  const entry: Record<'submitted' | 'reviewed' | 'appealed' | 'other', number> = {
    submitted: 0,
    reviewed: 0,
    appealed: 0,
    other: 0,
  };

  const workbench = async (user: string) => {
    const response = await f.as(user, 'GET', '/api/workbench');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TWorkbench>();
  };
  const item = (bench: TWorkbench, key: TWorkbenchItem['key']) => bench.items.find((i) => i.key === key);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of users) cookies[user] = await t.login(user);
    for (const user of users) {
      const [row] = await t.database.db
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(eq(schema.users.username, user));
      ids[user] = row!.id;
    }
    // A case of 第五检察部 handled by its prosecutor: her draft waits for the head or a leader.
    const opened = await f.as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '工作台测试：某河道污染案',
      handlerId: ids.prosecutor5a,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    overdueCase = opened.json<{ id: number }>().id;
    await f.as('head5', 'POST', `/api/cases/${overdueCase}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    const drafted = await f.as('prosecutor5a', 'POST', '/api/suggestions', {
      caseId: overdueCase,
      kind: 'preLitigation',
      addressee: '成都市成华区水务局',
      facts: '河道污染。',
      legalBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
      requests: '依法履职。',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    fromProsecutor = drafted.json<{ id: number }>().id;
    await f.step(fromProsecutor, 'submit', 'prosecutor5a');
    // The head's own draft, submitted: it waits for a leader only.
    const headCase = await f.openCase('工作台测试：部门负责人承办案');
    fromHead = (await f.draft(headCase)).id;
    await f.step(fromHead, 'submit');
    // An issued suggestion delivered 100 days ago: its reply deadline (two months) is overdue.
    const issued = await f.issued(overdueCase, { kind: 'preLitigation' });
    await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: testDay(-100),
      lateEntryReason: '纸质检察建议事后录入',
    });
    // Another delivered 58 days ago: its reply is due within the coming seven days.
    const second = await f.issued(overdueCase, { kind: 'preLitigation' });
    await f.step(second.id, 'delivery', 'head5', {
      deliveredOn: testDay(-58),
      lateEntryReason: '纸质检察建议事后录入',
    });
    soonSuggestion = second.id;
    // A clue 第一检察部's prosecutor registered: it is his, waiting for his decision.
    const registered = await f.as('prosecutor1', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '工作台测试：群众举报某企业偷排',
      description: '群众举报某企业夜间偷排废水。',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    pendingClue = registered.json<{ clue: { id: number } }>().clue.id;
    // Another of his, sent to an outside body: its feedback is awaited.
    const toSend = await f.as('prosecutor1', 'POST', '/api/clues', {
      source: 'publicReport',
      title: '工作台测试：某商户销售过期食品',
      description: '群众反映某商户销售过期食品。',
    });
    sentClue = toSend.json<{ clue: { id: number } }>().clue.id;
    const sent = await f.as('prosecutor1', 'POST', `/api/clues/${sentClue}/decision`, {
      decision: 'transfer',
      transfer: { toOutsideBody: '成都市成华区市场监督管理局', reason: '属行政机关职责范围' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // 未检: a victim case whose prosecutor asks to hear the child again (the head decides) …
    const victimCase = await f.as('head6', 'POST', '/api/cases', {
      type: 'juvenileVictim',
      title: '工作台测试：某猥亵儿童案',
      handlerId: ids.prosecutor6,
    });
    expect(victimCase.statusCode, victimCase.body).toBe(201);
    inquiryCase = victimCase.json<{ id: number }>().id;
    const victim = await f.as('prosecutor6', 'POST', `/api/juvenile/cases/${inquiryCase}/minors`, {
      role: 'victim',
      name: '张小明',
      gender: 'male',
    });
    expect(victim.statusCode, victim.body).toBe(200);
    const requested = await f.as(
      'prosecutor6',
      'POST',
      `/api/juvenile/cases/${inquiryCase}/inquiry-requests`,
      {
        minorId: victim.json<{ minors: { id: number }[] }>().minors[0]!.id,
        reason: '需核实案发时间',
      },
    );
    expect(requested.statusCode, requested.body).toBe(200);
    // … a sealed suspect case with a query request the clerk recorded …
    const suspectCase = await f.as('head6', 'POST', '/api/cases', {
      type: 'juvenileSuspect',
      title: '工作台测试：某盗窃案',
      handlerId: ids.prosecutor6,
    });
    const suspectId = suspectCase.json<{ id: number }>().id;
    await f.as('prosecutor6', 'POST', `/api/juvenile/cases/${suspectId}/minors`, {
      role: 'suspect',
      name: '李小军',
      gender: 'male',
    });
    const sealed = await f.as('prosecutor6', 'POST', `/api/juvenile/cases/${suspectId}/sealing`, {
      basis: 'sentence',
      ageAtOffence: 16,
      sentenceMonths: 8,
      sealedOn: testDay(-20),
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const register = (await f.as('head6', 'GET', '/api/juvenile/sealed')).json<TSealedRegister>();
    const sealingId = register.records.find((r) => r.caseId === suspectId)!.sealing.id;
    const query = await f.as('clerk6', 'POST', `/api/juvenile/sealings/${sealingId}/queries`, {
      requesterBody: '成都市公安局成华区分局',
      requesterName: '刘警官',
      purpose: '办理另案需核实前科',
      receivedOn: testDay(-2),
    });
    expect(query.statusCode, query.body).toBe(200);
    sealQuery = query.json<{ id: number }>().id;
    // … and two follow-up plans, one with a visit due in three days.
    const plan = async (due: string[]) => {
      const created = await f.as('prosecutor6', 'POST', '/api/juvenile/follow-ups', {
        subject: 'unsupervised',
        minorName: '王小刚',
        goal: '恢复正常学习生活',
        startedOn: testDay(-30),
        visitDueDates: due,
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: number }>().id;
    };
    duePlan = await plan([testDay(3), testDay(60)]);
    laterPlan = await plan([testDay(30)]);
    // 考核: a prosecutor's own submission waits for her head; the head's proposals wait for
    // personnel; an approved entry appealed waits for personnel's decision.
    const period = await f.as('personnel1', 'POST', '/api/assessment/periods', {
      name: '工作台测试考核周期',
      kind: 'other',
      startsOn: testDay(-100),
      endsOn: testDay(100),
      copyFromId: null,
    });
    expect(period.statusCode, period.body).toBe(201);
    const periodId = period.json<{ id: number }>().id;
    const propose = async (user: string, userId: number, kind: 'bonus' | 'negative', points: number) => {
      const created = await f.as(user, 'POST', '/api/assessment/entries', {
        periodId,
        userId,
        kind,
        points,
        title: `工作台测试条目${points}`,
        occurredOn: testDay(-2),
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: number }>().id;
    };
    entry.submitted = await propose('prosecutor5a', ids.prosecutor5a!, 'bonus', 1);
    entry.reviewed = await propose('head5', ids.prosecutor5a!, 'negative', -1);
    entry.appealed = await propose('head5', ids.prosecutor5a!, 'negative', -2);
    // The head's own entry, proposed by personnel: never counted for the head himself.
    entry.other = await propose('personnel1', ids.head5!, 'negative', -3);
    const approved = await f.as('personnel1', 'POST', `/api/assessment/entries/${entry.appealed}/decision`, {
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const appeal = await f.as('prosecutor5a', 'POST', `/api/assessment/entries/${entry.appealed}/appeal`, {
      reason: '该事项另有原因，申请复核',
    });
    expect(appeal.statusCode, appeal.body).toBeLessThan(300);
  });
  afterAll(() => t?.close());

  it('every count equals the rows its link opens, for users of different departments and roles', async () => {
    for (const user of users) {
      const bench = await workbench(user);
      expect(bench.items.length, user).toBeGreaterThan(0);
      for (const entry of bench.items) {
        const list = await f.as(user, 'GET', entry.api);
        expect(list.statusCode, `${user} ${entry.api}: ${list.body}`).toBe(200);
        const body = list.json<TListBody>();
        expect(rowsOf(body), `${user} ${entry.key}`).toBe(entry.count);
        // The web link carries the same filters as the API path.
        if (entry.key === 'unreadNotifications') continue;
        expect(entry.link.split('?')[1] ?? '', `${user} ${entry.key}`).toBe(
          entry.key === 'lettersUnanswered' ? 'awaiting=answer' : (entry.api.split('?')[1] ?? ''),
        );
      }
    }
  });

  it('shows each user only what their role can act on', async () => {
    const keys = async (user: string) => (await workbench(user)).items.map((i) => i.key);
    expect(await keys('prosecutor1')).toEqual([
      'deadlinesOverdue',
      'deadlinesDueSoon',
      'cluesAwaitingDecision',
      'transfersAwaitingFeedback',
      'unreadNotifications',
    ]);
    expect(await keys('head6')).toEqual(
      expect.arrayContaining(['inquiriesAwaitingDecision', 'sealQueriesAwaitingDecision', 'followUpsDue']),
    );
    // Deputies approve inquiries but do not decide sealed-record queries.
    expect(await keys('deputy')).toContain('inquiriesAwaitingDecision');
    expect(await keys('deputy')).not.toContain('sealQueriesAwaitingDecision');
    expect(await keys('head5')).not.toContain('followUpsDue');
    expect(await keys('head5')).toContain('suggestionsAwaitingApproval');
    expect(await keys('head5')).not.toContain('lettersUnanswered');
    expect(await keys('head6')).toContain('lettersUnanswered');
    // A clerk decides nothing and approves nothing, but visits and answers the juvenile line's letters.
    expect(await keys('clerk6')).toEqual([
      'deadlinesOverdue',
      'deadlinesDueSoon',
      'followUpsDue',
      'lettersUnanswered',
      'unreadNotifications',
    ]);
    expect(await keys('analyst')).toEqual(['hitsAwaitingReview', 'unreadNotifications']);
    expect((await workbench('prosecutor1')).scope).toBe('own');
    expect((await workbench('head5')).scope).toBe('department');
    expect((await workbench('chief')).scope).toBe('all');
  });

  it('?awaiting=me lists the suggestions this user may approve, four eyes applied', async () => {
    const awaiting = async (user: string) =>
      (await f.as(user, 'GET', '/api/suggestions?awaiting=me'))
        .json<TSuggestionList>()
        .items.map((s) => s.id);
    const head = await awaiting('head5');
    expect(head).toContain(fromProsecutor);
    // Her own draft, and a head's draft, wait for a leader.
    expect(head).not.toContain(fromHead);
    const chief = await awaiting('chief');
    expect(chief).toEqual(expect.arrayContaining([fromProsecutor, fromHead]));
    expect(await awaiting('prosecutor5a')).toEqual([]);
    expect(await awaiting('head6')).not.toContain(fromProsecutor);
    const all = (await f.as('chief', 'GET', '/api/suggestions?awaiting=me')).json<TSuggestionList>();
    expect(all.items.every((s) => s.state === 'pendingApproval')).toBe(true);
    // Once approved it no longer waits for anyone.
    await f.step(fromProsecutor, 'approve', 'head5', { note: '同意' });
    expect(await awaiting('chief')).not.toContain(fromProsecutor);
    expect(item(await workbench('head5'), 'suggestionsAwaitingApproval')!.count).toBe(
      (await awaiting('head5')).length,
    );
  });

  it('?overdue=1 and ?due=7d list unfinished deadlines past due and due within seven days', async () => {
    const overdue = (
      await f.as('prosecutor5a', 'GET', '/api/deadlines?mine=1&overdue=1')
    ).json<TDeadlineList>();
    expect(overdue.items.some((d) => d.record.kind === 'case' && d.record.id === overdueCase)).toBe(true);
    expect(overdue.items.every((d) => d.status === 'overdue')).toBe(true);
    expect(overdue.items.every((d) => d.record.handler?.id === ids.prosecutor5a)).toBe(true);
    const soon = (await f.as('prosecutor5a', 'GET', '/api/deadlines?mine=1&due=7d')).json<TDeadlineList>();
    expect(soon.items.map((d) => d.suggestionId)).toContain(soonSuggestion);
    expect(overdue.items.map((d) => d.suggestionId)).not.toContain(soonSuggestion);
    for (const d of soon.items) {
      expect(d.due! >= testDay(0) && d.due! <= testDay(7), d.due!).toBe(true);
      expect(d.completedOn).toBeNull();
    }
    // Another department's prosecutor sees neither.
    const stranger = (await f.as('prosecutor1', 'GET', '/api/deadlines?overdue=1')).json<TDeadlineList>();
    expect(stranger.items.some((d) => d.record.id === overdueCase && d.record.kind === 'case')).toBe(false);
    expect(item(await workbench('prosecutor5a'), 'deadlinesOverdue')!.count).toBe(overdue.items.length);
  });

  it('?awaiting=decision lists the clues not yet decided', async () => {
    const pending = (
      await f.as('prosecutor1', 'GET', `/api/clues?awaiting=decision&handlerId=${ids.prosecutor1}`)
    ).json<TClueList>();
    expect(pending.items.map((c) => c.id)).toContain(pendingClue);
    expect(pending.items.every((c) => c.status === 'pending' || c.status === 'assessing')).toBe(true);
    const declined = await f.as('prosecutor1', 'POST', `/api/clues/${pendingClue}/decision`, {
      decision: 'decline',
      reason: '经核查不属实',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const after = (
      await f.as('prosecutor1', 'GET', `/api/clues?awaiting=decision&handlerId=${ids.prosecutor1}`)
    ).json<TClueList>();
    expect(after.items.map((c) => c.id)).not.toContain(pendingClue);
    expect(after.total).toBe(pending.total - 1);
    expect(item(await workbench('prosecutor1'), 'cluesAwaitingDecision')!.count).toBe(after.total);
  });

  it('?awaiting=answer lists the letters not yet answered', async () => {
    const letters = (
      await f.as('head6', 'GET', '/api/mailbox/letters?awaiting=answer&pageSize=100')
    ).json<TLetterList>();
    expect(letters.items.every((l) => l.status !== 'answered')).toBe(true);
    const all = (await f.as('head6', 'GET', '/api/mailbox/letters?pageSize=100')).json<TLetterList>();
    expect(letters.total).toBe(all.items.filter((l) => l.status !== 'answered').length);
  });

  it('?awaiting=feedback lists the transfers to outside bodies whose feedback is not recorded', async () => {
    const sent = (
      await f.as('prosecutor1', 'GET', '/api/clues/sent?awaiting=feedback')
    ).json<TSentClueList>();
    expect(sent.items.map((s) => s.clue.id)).toContain(sentClue);
    expect(sent.items.every((s) => s.transfer.toOutsideBody && !s.transfer.feedback)).toBe(true);
    const transferId = sent.items.find((s) => s.clue.id === sentClue)!.transfer.id;
    const recorded = await f.as('prosecutor1', 'POST', `/api/clue-transfers/${transferId}/feedback`, {
      feedback: '已立案查处',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const after = (
      await f.as('prosecutor1', 'GET', '/api/clues/sent?awaiting=feedback')
    ).json<TSentClueList>();
    expect(after.total).toBe(sent.total - 1);
    expect(item(await workbench('prosecutor1'), 'transfersAwaitingFeedback')!.count).toBe(after.total);
  });

  it('?due=7d lists the follow-up plans with a visit due within seven days or overdue', async () => {
    const due = (await f.as('prosecutor6', 'GET', '/api/juvenile/follow-ups?mine=1&due=7d')).json<
      TFollowUp[]
    >();
    expect(due.map((p) => p.id)).toContain(duePlan);
    expect(due.map((p) => p.id)).not.toContain(laterPlan);
    const all = (await f.as('prosecutor6', 'GET', '/api/juvenile/follow-ups')).json<TFollowUp[]>();
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([duePlan, laterPlan]));
  });

  it('?awaiting=me lists the juvenile cases and sealed-record queries awaiting my decision', async () => {
    const cases = async (user: string) =>
      (await f.as(user, 'GET', '/api/juvenile/cases?awaiting=me'))
        .json<TJuvenileCaseList>()
        .items.map((c) => c.id);
    expect(await cases('head6')).toContain(inquiryCase);
    expect(await cases('chief')).toContain(inquiryCase);
    expect(await cases('prosecutor6')).toEqual([]);
    const queries = async (user: string) =>
      (await f.as(user, 'GET', '/api/juvenile/sealed?awaiting=me'))
        .json<TSealedRegister>()
        .queries.map((q) => q.id);
    expect(await queries('head6')).toEqual([sealQuery]);
    expect(await queries('chief')).toContain(sealQuery);
    expect(await queries('clerk6')).toEqual([]);
    const decided = await f.as('head6', 'POST', `/api/juvenile/seal-queries/${sealQuery}/decision`, {
      approve: false,
      note: '不符合查询条件',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await queries('head6')).toEqual([]);
    const register = (await f.as('head6', 'GET', '/api/juvenile/sealed?awaiting=me')).json<TSealedRegister>();
    expect(register.records).toEqual([]);
    expect(item(await workbench('head6'), 'sealQueriesAwaitingDecision')!.count).toBe(0);
  });

  it('?awaiting=review|approval|appeal lists the assessment entries waiting for this user', async () => {
    const listed = async (user: string, awaiting: string) =>
      (await f.as(user, 'GET', `/api/assessment/entries?awaiting=${awaiting}`))
        .json<{ id: number }[]>()
        .map((e) => e.id)
        .sort((a, b) => a - b);
    expect(await listed('head5', 'review')).toEqual([entry.submitted]);
    expect(await listed('personnel1', 'approval')).toEqual([entry.reviewed, entry.other]);
    expect(await listed('personnel1', 'appeal')).toEqual([entry.appealed]);
    // Another department's head, and a prosecutor, have nothing awaiting them.
    expect(await listed('head6', 'review')).toEqual([]);
    expect(await listed('prosecutor5a', 'approval')).toEqual([]);
    const count = async (user: string, key: TWorkbenchItem['key']) => item(await workbench(user), key)?.count;
    expect(await count('head5', 'assessmentAwaitingReview')).toBe(1);
    expect(await count('personnel1', 'assessmentAwaitingApproval')).toBe(2);
    expect(await count('personnel1', 'appealsAwaitingDecision')).toBe(1);
    expect(await count('head6', 'assessmentAwaitingReview')).toBe(0);
    expect(await count('prosecutor5a', 'assessmentAwaitingReview')).toBeUndefined();
  });

  it('?status=pending lists the model hits of every run still awaiting review', async () => {
    // A finished run with three hits, written as the run queue writes them.
    const db = t.database.db;
    const [run] = await db
      .insert(schema.collideRuns)
      .values({
        modelId: 'prisoner-subsidy',
        inputs: [],
        status: 'succeeded',
        stage: 'done',
        startedBy: ids.analyst!,
      })
      .returning({ id: schema.collideRuns.id });
    const hitIds = (
      await db
        .insert(schema.collideHits)
        .values(
          ['甲', '乙', '丙'].map((who, i) => ({
            runId: run!.id,
            hitKey: `workbench-test-${i}`,
            isNew: true,
            subject: `张${who}`,
            count: 1,
            confidence: 'exact' as const,
            explanation: `张${who}服刑期间领取补助`,
            evidence: [],
          })),
        )
        .returning({ id: schema.collideHits.id })
    ).map((h) => h.id);
    const pending = async () =>
      (await f.as('analyst', 'GET', '/api/model-hits?status=pending')).json<THitList>();
    const before = await pending();
    expect(before.items.map((h) => h.id)).toEqual(expect.arrayContaining(hitIds));
    expect(before.items.every((h) => h.status === 'pending')).toBe(true);
    const dismissed = await f.as('analyst', 'POST', '/api/model-hits/review', {
      action: 'dismiss',
      hitIds: [hitIds[0]],
      reason: '身份核实不符',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const after = await pending();
    expect(after.items.map((h) => h.id)).not.toContain(hitIds[0]);
    expect(after.total).toBe(before.total - 1);
    expect(item(await workbench('analyst'), 'hitsAwaitingReview')!.count).toBe(after.total);
  });
});
