import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import type { TDeadlineList } from '../deadlines/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';

describe.each(testEngines())('reassignment (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const reach = reachFixtures(() => t, cookies);
  const departments = new Map<string, number>();
  let newHandler: number;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head5', 'prosecutor1', 'admin', 'clerk6', 'head6', 'prosecutor6'])
      cookies[user] = await t.login(user);
    for (const d of (await f.as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>()) {
      departments.set(d.name, d.id);
    }
    const created = await f.as('admin', 'POST', '/api/users', {
      username: 'prosecutor5',
      displayName: '王强',
      role: 'prosecutor',
      departmentId: departments.get('第五检察部'),
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    newHandler = created.json<{ id: number }>().id;
    const first = await t.login('prosecutor5', 'Initial2026pw');
    cookies.prosecutor5 = first;
    const changed = await f.as('prosecutor5', 'POST', '/api/auth/password', {
      currentPassword: 'Initial2026pw',
      newPassword: 'Changed2026pw',
    });
    expect(changed.statusCode).toBe(204);
  });
  afterAll(() => t?.close());

  it('a head reassigns cases with a reason: deadlines stay, the new handler is notified, each is audited', async () => {
    const caseIds = [await f.openCase('案件甲'), await f.openCase('案件乙')];
    const deadlinesBefore = (
      await f.as('head5', 'GET', `/api/deadlines?caseId=${caseIds[0]}`)
    ).json<TDeadlineList>();
    const noReason = await f.as('head5', 'POST', '/api/reassignments', {
      caseIds,
      toHandlerId: newHandler,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const done = await f.as('head5', 'POST', '/api/reassignments', {
      caseIds,
      toHandlerId: newHandler,
      reason: '原承办人借调',
    });
    expect(done.statusCode, done.body).toBe(200);
    const detail = (await f.as('head5', 'GET', `/api/cases/${caseIds[0]}`)).json<TCaseDetail>();
    expect(detail.handler?.id).toBe(newHandler);
    expect(detail.timeline.at(-1)!.note).toContain('原承办人借调');
    const deadlinesAfter = (
      await f.as('head5', 'GET', `/api/deadlines?caseId=${caseIds[0]}`)
    ).json<TDeadlineList>();
    expect(deadlinesAfter.items.map((d) => [d.id, d.due])).toEqual(
      deadlinesBefore.items.map((d) => [d.id, d.due]),
    );
    expect(deadlinesAfter.items[0]!.record.handler?.id).toBe(newHandler);

    const cookie = await t.login('prosecutor5', 'Changed2026pw');
    cookies.prosecutor5 = cookie;
    const inbox = (await f.as('prosecutor5', 'GET', '/api/notifications')).json<TNotificationList>();
    expect(inbox.unread).toBe(2);
    expect(inbox.items[0]!.text).toContain('原承办人借调');
    const mine = (await f.as('prosecutor5', 'GET', '/api/deadlines/mine')).json<TDeadlineList>();
    expect(mine.items.length).toBe(2);
    const read = await f.as('prosecutor5', 'POST', `/api/notifications/${inbox.items[0]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect((await f.as('prosecutor5', 'GET', '/api/notifications')).json<TNotificationList>().unread).toBe(1);
    const someoneElse = await f.as('head5', 'POST', `/api/notifications/${inbox.items[1]!.id}/read`);
    expect(someoneElse.statusCode).toBe(404);

    for (const id of caseIds) {
      const audit = (
        await f.as('chief', 'GET', `/api/audit?targetType=case&targetId=${id}&action=case.reassign`)
      ).json<{
        items: { detail: Record<string, unknown> }[];
      }>();
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]!.detail).toMatchObject({ toHandlerId: newHandler, reason: '原承办人借调' });
    }
  });

  it("a head cannot reassign another department's case; nothing is changed", async () => {
    // Out of reach answers as a missing id; the old code said 403 and quoted the record.
    const own = await f.openCase('案件丙');
    const other = await f.as('deputy', 'POST', '/api/cases', {
      type: 'nonLitigationEnforcement',
      title: '第四部的案件',
      departmentId: departments.get('第四检察部'),
    });
    const otherId = other.json<TCaseDetail>().id;
    const refused = await f.as('head5', 'POST', '/api/reassignments', {
      caseIds: [own, otherId],
      toHandlerId: newHandler,
      reason: '试图跨部门改派',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json<{ message: string }>().message).toBe(`案件 ${otherId} 不存在`);
    const ownAfter = (await f.as('head5', 'GET', `/api/cases/${own}`)).json<TCaseDetail>();
    expect(ownAfter.handler?.name).toContain('陈敏');
    expect(
      (
        await f.as('prosecutor1', 'POST', '/api/reassignments', {
          caseIds: [own],
          toHandlerId: newHandler,
          reason: '无权',
        })
      ).statusCode,
    ).toBe(403);
  });

  /** What a refusal says, with the id itself taken out, to compare two answers. */
  const refusal = (response: { statusCode: number; body: string }, id: number) => ({
    status: response.statusCode,
    body: response.body.replaceAll(String(id), '<id>'),
  });

  it('an id out of reach answers exactly as a missing id: 404, no title, no name', async () => {
    const other = await reach.otherDepartmentClue('钱小红', 1);
    const sealed = await reach.sealedClueAndCase('孙小刚', 2);
    const missing = 99_999_999;
    const attempt = (user: string, body: Record<string, unknown>) =>
      f.as(user, 'POST', '/api/reassignments', { toHandlerId: newHandler, reason: '试探改派', ...body });

    const missingClue = refusal(await attempt('head5', { clueIds: [missing] }), missing);
    expect(missingClue.status).toBe(404);
    const otherClue = await attempt('head5', { clueIds: [other.id] });
    expect(refusal(otherClue, other.id)).toEqual(missingClue);
    expect(otherClue.body).not.toContain('钱');

    // The deputy reaches every department but not a sealed record: the clue and its case.
    expect(refusal(await attempt('deputy', { clueIds: [sealed.clueId] }), sealed.clueId)).toEqual(
      refusal(await attempt('deputy', { clueIds: [missing] }), missing),
    );
    expect(refusal(await attempt('deputy', { caseIds: [sealed.caseId] }), sealed.caseId)).toEqual(
      refusal(await attempt('deputy', { caseIds: [missing] }), missing),
    );
    const clue = (await f.as('head6', 'GET', `/api/clues/${sealed.clueId}`)).json<{
      handler: { id: number } | null;
    }>();
    expect(clue.handler?.id ?? null).not.toBe(newHandler);
    const inbox = (await f.as('prosecutor5', 'GET', '/api/notifications')).json<TNotificationList>();
    expect(JSON.stringify(inbox)).not.toMatch(/钱小红|孙小刚/);
  });

  it('the answer and the notification show a minor masked', async () => {
    const other = await reach.otherDepartmentClue('周小丽', 3);
    // Leaders may handle a record of any department.
    const target = (await f.as('chief', 'GET', '/api/auth/me')).json<{ id: number }>().id;
    const done = await f.as('deputy', 'POST', '/api/reassignments', {
      clueIds: [other.id],
      toHandlerId: target,
      reason: '调整分工',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).not.toContain('周小丽');
    expect(done.json<{ clues: { title: string }[] }>().clues[0]!.title).toBe('周**被欺凌线索');
    const sent = await t.database.db
      .select({ text: schema.notifications.text })
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, target));
    expect(sent.map((n) => n.text).join()).toContain('周**被欺凌线索');
    expect(sent.map((n) => n.text).join()).not.toContain('周小丽');
  });
});
