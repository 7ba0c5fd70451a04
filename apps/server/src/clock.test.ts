import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from './cases/schema.ts';
import { fixedClock } from './clock.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';

// Years away from any day the suite runs: only the app's clock can give these answers.
const at = '2031-03-05T10:00:00+08:00';

describe.each(testEngines())('the app reads the time from its clock (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: fixedClock(at) });
    cookie = await t.login('head5');
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it("numbers and dates a case by the clock's day, and refuses an event after the clock's now", async () => {
    const opened = await post('/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '时钟测试行政公益诉讼案',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const theCase = opened.json<TCaseDetail>();
    expect(theCase.caseNumber).toMatch(/〔2031〕\d+号$/);
    expect(new Date(theCase.openedAt).toISOString()).toBe(new Date(at).toISOString());
    // An hour after the clock's now is in the future, whatever the wall clock says.
    const later = await post(`/api/cases/${theCase.id}/events`, {
      kind: 'investigation',
      at: '2031-03-05T11:00:00+08:00',
    });
    expect(later.statusCode).toBe(400);
    expect(later.json<{ message: string }>().message).toBe('字段 at：事项时间不能晚于当前时间');
    const earlier = await post(`/api/cases/${theCase.id}/events`, {
      kind: 'investigation',
      at: '2031-03-05T10:00:00+08:00',
    });
    expect(earlier.statusCode, earlier.body).toBe(200);
  });
});
