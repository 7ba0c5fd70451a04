import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type { TDeadline, TDeadlineBoard, TDeadlineList } from './schema.ts';

describe.each(testEngines())('deadlines (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  let caseId: number;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'head5', 'prosecutor1', 'assistant5']) cookies[user] = await t.login(user);
    caseId = await f.openCase();
  });
  afterAll(() => t?.close());

  const deadlinesOf = async (suggestionId: number) =>
    (await f.as('head5', 'GET', `/api/deadlines?suggestionId=${suggestionId}`)).json<TDeadlineList>().items;

  it('opening an adminPublicInterest case starts the three-month handling limit', async () => {
    const items = (await f.as('head5', 'GET', `/api/deadlines?caseId=${caseId}`)).json<TDeadlineList>().items;
    expect(items.map((d) => d.limitId)).toEqual(['caseHandlingToSuggestion']);
    // One citation with a single mark, not "…办案规则》 条文待核实待核实".
    expect(items[0]!.basis.citation).toBe(
      '2018 公益诉讼办案指南；2021《人民检察院公益诉讼办案规则》（待核实）',
    );
    expect(items[0]!.explanation).toContain('立案');
  });

  it('pausing stops the clock (and the chained limit waits); resuming moves the due date', async () => {
    const issued = await f.issued(caseId);
    await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: '2026-03-01',
      lateEntryReason: '纸质检察建议事后录入',
    });
    const [reply] = await deadlinesOf(issued.id);
    expect(reply!.due).toBe('2026-05-06');
    const paused = await f.as('head5', 'POST', `/api/deadlines/${reply!.id}/pause`, {
      from: '2026-03-10',
      reason: 'appraisal',
      note: '委托司法鉴定',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    const pausedDeadline = paused.json<TDeadline>();
    expect(pausedDeadline.due).toBeNull();
    expect(pausedDeadline.status).toBe('paused');
    expect(pausedDeadline.explanation).toContain('中止');
    expect((await deadlinesOf(issued.id))[1]!.state).toBe('pending');
    const again = await f.as('head5', 'POST', `/api/deadlines/${reply!.id}/pause`, {
      from: '2026-03-11',
      reason: 'audit',
    });
    expect(again.statusCode).toBe(409);
    const resumed = await f.as('head5', 'POST', `/api/deadlines/${reply!.id}/resume`, { to: '2026-03-20' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json<TDeadline>().due).toBe('2026-05-12');
    expect(resumed.json<TDeadline>().pauses).toEqual([
      { from: '2026-03-10', to: '2026-03-20', reason: '鉴定：委托司法鉴定' },
    ]);
    const decision = (await deadlinesOf(issued.id))[1]!;
    expect(decision.start).toBe('2026-05-12');
    expect(decision.due).toBe('2026-07-13');
    // Assistants record but do not pause.
    const assistant = await f.as('assistant5', 'POST', `/api/deadlines/${reply!.id}/pause`, {
      from: '2026-03-25',
      reason: 'audit',
    });
    expect(assistant.statusCode).toBe(403);
  });

  it('a deadline reaching into a year with no calendar carries the engine warning', async () => {
    const issued = await f.issued(caseId, { kind: 'general' });
    const delivered = await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: '2026-11-20',
      lateEntryReason: '纸质检察建议事后录入',
    });
    expect(delivered.replyDue).toBe('2027-01-20');
    const [reply] = await deadlinesOf(issued.id);
    expect(reply!.limitId).toBe('generalSuggestionReply');
    expect(reply!.warnings).toContain(
      '2027 年节假日安排未载入，期限仅按周末顺延，请管理员导入国务院通知后复核',
    );
    expect(reply!.basis.verified).toBe(false);
  });

  it('my deadlines and the department board', async () => {
    const mine = (await f.as('head5', 'GET', '/api/deadlines/mine')).json<TDeadlineList>().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.record.handler?.name.startsWith('陈敏'))).toBe(true);
    const board = (await f.as('head5', 'GET', '/api/deadlines/board')).json<TDeadlineBoard>();
    expect(board.department.name).toBe('第五检察部');
    const total = Object.values(board.counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(board.items.length);
    expect(board.counts.overdue).toBeGreaterThan(0);
    const other = await f.as(
      'head5',
      'GET',
      `/api/deadlines/board?departmentId=${board.department.id + 100}`,
    );
    expect(other.statusCode).toBe(403);
    const chief = await f.as('chief', 'GET', `/api/deadlines/board?departmentId=${board.department.id}`);
    expect(chief.json<TDeadlineBoard>().counts).toEqual(board.counts);
    const stranger = (
      await f.as('prosecutor1', 'GET', `/api/deadlines?caseId=${caseId}`)
    ).json<TDeadlineList>();
    expect(stranger.items).toEqual([]);
  });
});
