import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TDeadlineList } from '../deadlines/schema.ts';
import type { TFollowUp } from '../juvenile/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { startReminders } from './reminder-timer.ts';
import { sendDueReminders } from './send-due-reminders.ts';

/** An instant on a day in China. */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);

describe.each(testEngines())('reminders of 临期 and 逾期 items (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const userIds = new Map<string, number>();
  const tick = (now: Date) => sendDueReminders(t.database, now);

  async function notices(user: string, link: string) {
    const list = (await f.as(user, 'GET', '/api/notifications')).json<TNotificationList>();
    return list.items.filter((n) => n.link === link && n.kind.startsWith('reminder.'));
  }

  /** A case of 第五检察部 handled by zhang5, with a pre-litigation suggestion delivered on 2026-09-10. */
  async function deliveredSuggestion(title: string) {
    const opened = await f.as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title,
      handlerId: userIds.get('zhang5'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json<TCaseDetail>().id;
    await f.as('head5', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    const issued = await f.issued(caseId);
    const delivered = await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: '2026-09-10',
      lateEntryReason: '纸质检察建议事后录入',
    });
    // 2026-09-10 + 两个月 = 2026-11-10, a Tuesday.
    expect(delivered.replyDue).toBe('2026-11-10');
    const deadlines = (
      await f.as('head5', 'GET', `/api/deadlines?suggestionId=${issued.id}`)
    ).json<TDeadlineList>();
    return { caseId, suggestion: delivered, replyDeadlineId: deadlines.items[0]!.id };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['admin', 'chief', 'head5', 'head6', 'prosecutor6'])
      cookies[user] = await t.login(user);
    const departments = (await f.as('admin', 'GET', '/api/departments')).json<
      { id: number; name: string }[]
    >();
    const created = await f.as('admin', 'POST', '/api/users', {
      username: 'zhang5',
      displayName: '张检察官',
      role: 'prosecutor',
      departmentId: departments.find((d) => d.name === '第五检察部')!.id,
      password: 'Reminder-Test-2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    cookies.zhang5 = await t.login('zhang5', 'Reminder-Test-2026');
    for (const user of Object.keys(cookies)) {
      userIds.set(user, (await f.as(user, 'GET', '/api/auth/me')).json<{ id: number }>().id);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells the handler once when a reply deadline is due soon, and once more when it is overdue', async () => {
    const { caseId, suggestion } = await deliveredSuggestion('某河道污染行政公益诉讼案');
    const link = `/cases/${caseId}`;

    // Wednesday 2026-11-04: the 3 working days (4, 5, 6) end before the 10th.
    await tick(at('2026-11-04'));
    expect(await notices('zhang5', link)).toEqual([]);

    // Friday 2026-11-06: due on the 3rd working day (6, 9, 10).
    const sent = await tick(at('2026-11-06'));
    expect(
      sent.filter((s) => s.state === 'dueSoon' && s.userIds.includes(userIds.get('zhang5')!)),
    ).toHaveLength(1);
    const soon = await notices('zhang5', link);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      kind: 'reminder.dueSoon',
      text: `临期提醒：检察建议${suggestion.docNumber}（案件${suggestion.case.caseNumber}）的「行政机关对诉前检察建议书面回复」将于 2026-11-10 到期（还有 2 个工作日），请及时办理`,
      readAt: null,
    });
    // The handler is told, not the head.
    expect(await notices('head5', link)).toEqual([]);

    // Later ticks the same day, and the next working day, repeat nothing.
    await tick(at('2026-11-06', '10:00'));
    await tick(at('2026-11-09'));
    expect(await notices('zhang5', link)).toHaveLength(1);

    // Wednesday 2026-11-11: past the due day.
    await tick(at('2026-11-11'));
    const after = await notices('zhang5', link);
    expect(after.map((n) => n.kind)).toEqual(['reminder.overdue', 'reminder.dueSoon']);
    expect(after[0]!.text).toContain('已于 2026-11-10 届满，现已逾期');
    await tick(at('2026-11-12'));
    await tick(at('2026-11-30'));
    expect(await notices('zhang5', link)).toHaveLength(2);
  });

  it('says nothing about a completed deadline or a paused one', async () => {
    const replied = await deliveredSuggestion('某地下水污染行政公益诉讼案');
    await f.step(replied.suggestion.id, 'reply', 'head5', {
      repliedOn: '2026-09-20',
      lateEntryReason: '纸质检察建议事后录入',
      content: '已全面整改。',
    });
    const paused = await deliveredSuggestion('某噪声污染行政公益诉讼案');
    const pause = await f.as('head5', 'POST', `/api/deadlines/${paused.replyDeadlineId}/pause`, {
      from: '2026-10-09',
      reason: 'appraisal',
    });
    expect(pause.statusCode, pause.body).toBe(200);

    for (const day of ['2026-11-06', '2026-11-11', '2026-12-31']) await tick(at(day));
    for (const user of ['zhang5', 'head5']) {
      expect(await notices(user, `/cases/${replied.caseId}`)).toEqual([]);
      expect(await notices(user, `/cases/${paused.caseId}`)).toEqual([]);
    }
  });

  it("reminds a follow-up visit due tomorrow to the plan's handler once, naming the minor masked", async () => {
    const created = await f.as('prosecutor6', 'POST', '/api/juvenile/follow-ups', {
      subject: 'unsupervised',
      minorName: '王小刚',
      goal: '恢复正常学习生活',
      startedOn: '2026-11-01',
      visitDueDates: ['2026-12-15'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<TFollowUp>().handler?.id).toBe(userIds.get('prosecutor6'));
    const link = '/juvenile/follow-ups';

    // Monday 2026-12-14, the visit is due on Tuesday: two server processes tick at once.
    await Promise.all([tick(at('2026-12-14')), tick(at('2026-12-14'))]);
    await tick(at('2026-12-14', '15:00'));
    const told = await notices('prosecutor6', link);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toBe(
      '回访提醒：帮教对象王**的帮教回访将于 2026-12-15 到期（还有 1 个工作日），请按时回访',
    );
    expect(told[0]!.text).not.toContain('王小刚');
    expect(await notices('head6', link)).toEqual([]);

    // Done on time: nothing more, not even once the due day has passed.
    const plan = created.json<TFollowUp>();
    const visited = await f.as(
      'prosecutor6',
      'POST',
      `/api/juvenile/follow-ups/${plan.id}/visits/${plan.visits[0]!.id}`,
      {
        doneOn: '2026-12-15',
        notes: '家访',
        progress: '已复学',
      },
    );
    expect(visited.statusCode, visited.body).toBe(200);
    await tick(at('2026-12-16'));
    expect(await notices('prosecutor6', link)).toHaveLength(1);
  });

  it('tells the heads of the department when the handler has left', async () => {
    const { caseId } = await deliveredSuggestion('某农用地污染行政公益诉讼案');
    const disabled = await f.as('admin', 'PATCH', `/api/users/${userIds.get('zhang5')}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await tick(at('2026-11-06'));
    const told = await notices('head5', `/cases/${caseId}`);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toMatch(
      /将于 2026-11-10 到期（还有 2 个工作日），请及时办理（尚无在岗承办人，请部门负责人安排）$/,
    );
  });

  it('the background check sends on its own clock and stops cleanly', async () => {
    const created = await f.as('prosecutor6', 'POST', '/api/juvenile/follow-ups', {
      subject: 'unsupervised',
      minorName: '李小红',
      goal: '稳定就业',
      startedOn: '2026-11-01',
      visitDueDates: ['2026-12-22'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const errors: unknown[] = [];
    const stop = startReminders(t.database, {
      now: () => at('2026-12-21'),
      firstDelayMs: 0,
      everyMs: 20,
      log: (error) => errors.push(error),
    });
    const mine = async () =>
      (await notices('prosecutor6', '/juvenile/follow-ups')).filter((n) => n.text.includes('李*'));
    // Retried until the first tick has sent it, however busy the machine (the test's timeout bounds it).
    await vi.waitFor(async () => expect((await mine()).length).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 50,
    });
    // Several more ticks pass while it runs; still one reminder.
    await new Promise((r) => setTimeout(r, 200));
    await stop();
    expect(errors).toEqual([]);
    expect(await mine()).toHaveLength(1);
  });
});
