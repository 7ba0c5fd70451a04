import { testEngines } from '@procura/db/testing';
import { chinaDate } from '@procura/domain/china-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TSuggestion } from './schema.ts';
import { suggestionFixtures } from './suggestion-fixtures.ts';

/** A China day relative to today: dates in tests never depend on the calendar date they run on. */
const daysFromToday = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));

describe.each(testEngines())('the suggestion chain: its dates and the case stage (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;
  const timeline = async (caseId: number) =>
    (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>().timeline;

  beforeAll(async () => {
    t = await createTestApp(kind);
    // head5 drafts; the chief approves (four eyes: never the drafter).
    for (const user of ['head5', 'chief']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('refuses a delivery before the 签发 unless it is a 补录 with a reason, shown on the timeline', async () => {
    const caseId = await f.openCase('送达日期早于签发测试案');
    const issued = await f.issued(caseId);
    const issuedOn = chinaDate(new Date(issued.issuedAt!));
    const before = daysFromToday(-10);

    const refused = await f.as('head5', 'POST', `/api/suggestions/${issued.id}/delivery`, {
      deliveredOn: before,
    });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toBe(
      `字段 deliveredOn：送达日期 ${before} 早于签发日期 ${issuedOn}；如系事后补录，请填写补录理由`,
    );
    const blank = await f.as('head5', 'POST', `/api/suggestions/${issued.id}/delivery`, {
      deliveredOn: before,
      lateEntryReason: '  ',
    });
    expect(blank.statusCode).toBe(400);
    expect((await f.as('head5', 'GET', `/api/suggestions/${issued.id}`)).json<TSuggestion>().state).toBe(
      'issued',
    );

    const late = await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: before,
      lateEntryReason: '纸质送达回证事后录入',
    });
    expect(late.deliveredOn).toBe(before);

    const events = await timeline(caseId);
    const kinds = events.map((e) => e.kind);
    // Never before 立案 or 签发: a 补录 stands where it was entered, with its own day and reason.
    expect(kinds.indexOf('suggestionDelivered')).toBeGreaterThan(kinds.indexOf('suggestionIssued'));
    expect(kinds.indexOf('suggestionIssued')).toBeGreaterThan(kinds.indexOf('caseOpened'));
    const delivered = events.find((e) => e.kind === 'suggestionDelivered')!;
    expect(delivered.day).toBe(before);
    expect(delivered.lateEntryReason).toBe('纸质送达回证事后录入');

    // The reply of a 补录 chain, dated before the 签发 too, needs its own reason.
    const reply = { repliedOn: daysFromToday(-5), content: '已整改' };
    const noReason = await f.as('head5', 'POST', `/api/suggestions/${issued.id}/reply`, reply);
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toContain('回复日期');
    expect(message(noReason)).toContain('补录理由');
    await f.step(issued.id, 'reply', 'head5', { ...reply, lateEntryReason: '回复函事后录入' });
    const replied = (await timeline(caseId)).find((e) => e.kind === 'replyReceived')!;
    expect(replied.day).toBe(reply.repliedOn);
    expect(replied.lateEntryReason).toBe('回复函事后录入');
  });

  it('a delivery on the day of issue is shown by its day, after the 签发, with no invented time', async () => {
    const caseId = await f.openCase('当日送达测试案');
    const issued = await f.issued(caseId);
    const issuedOn = chinaDate(new Date(issued.issuedAt!));
    await f.step(issued.id, 'delivery', 'head5', { deliveredOn: issuedOn });
    // A reply before the delivery is refused, naming the delivery date.
    const early = await f.as('head5', 'POST', `/api/suggestions/${issued.id}/reply`, {
      repliedOn: daysFromToday(-1),
      content: '已整改',
    });
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe(`字段 repliedOn：回复日期不能早于送达日期 ${issuedOn}`);
    await f.step(issued.id, 'reply', 'head5', { repliedOn: issuedOn, content: '已整改' });

    const events = await timeline(caseId);
    const issuedEvent = events.find((e) => e.kind === 'suggestionIssued')!;
    const delivered = events.find((e) => e.kind === 'suggestionDelivered')!;
    const replied = events.find((e) => e.kind === 'replyReceived')!;
    expect(events.indexOf(delivered)).toBeGreaterThan(events.indexOf(issuedEvent));
    expect(events.indexOf(replied)).toBeGreaterThan(events.indexOf(delivered));
    expect(delivered).toMatchObject({ day: issuedOn, lateEntryReason: null });
    expect(replied).toMatchObject({ day: issuedOn, lateEntryReason: null });
    expect(issuedEvent.day).toBeNull();
  });

  it('issuing a 诉前检察建议 needs the 调查终结报告 and moves the case into 诉前程序', async () => {
    const caseId = await f.openCase('诉前程序阶段测试案', { report: false });
    const before = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(before.suggestionStage).toEqual({
      kinds: ['preLitigation'],
      to: 'preLitigation',
      label: '诉前程序',
      missing: [{ kind: 'investigationReport', label: '调查终结报告' }],
    });
    const approved = await f.approved(caseId);
    const refused = await f.as('head5', 'POST', `/api/suggestions/${approved.id}/issue`);
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toBe('签发后案件将转入「诉前程序」，签发前须先记录：「调查终结报告」');
    expect((await f.as('head5', 'GET', `/api/suggestions/${approved.id}`)).json<TSuggestion>()).toMatchObject(
      {
        state: 'approved',
        docNumber: null,
      },
    );

    await f.as('head5', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'investigationReport',
      note: '调查终结',
    });
    const issued = await f.step(approved.id, 'issue');
    let detail = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(detail.stageLabel).toBe('诉前程序');
    expect(detail.suggestionStage).toBeNull();
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'stageChanged',
      note: `立案调查 → 诉前程序：签发检察建议${issued.docNumber}`,
    });

    const today = chinaDate(new Date());
    await f.step(issued.id, 'delivery', 'head5', { deliveredOn: today });
    await f.step(issued.id, 'reply', 'head5', { repliedOn: today, content: '已整改' });
    await f.step(issued.id, 'rectification', 'head5', { result: 'fullyRectified', followUp: 'none' });
    detail = (await f.as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(detail.nextStages).toEqual([{ to: 'followUp', label: '跟进监督', missing: [] }]);
  });
});
