import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { addMonths } from '@procura/domain/pil-mechanisms';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAgreement } from '../consultations/agreement-schema.ts';
import type { TConsultations } from '../consultations/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay, testNow } from '../testing/test-clock.ts';
import { sendDueReminders } from './send-due-reminders.ts';

/** 09:00 in China on a day. */
const at = (day: string) => new Date(`${day}T09:00:00+08:00`);

describe.each(testEngines())('reminders of consultations and joint meetings (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const ok = async <T>(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await as(user, method, url, payload);
    expect([200, 201], response.body).toContain(response.statusCode);
    return response.json<T>();
  };
  const reminders = async (user: string, link: string) =>
    (await ok<TNotificationList>(user, 'GET', '/api/notifications')).items.filter(
      (n) => n.link === link && n.kind.startsWith('reminder.'),
    );

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    const [pil] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, 'publicInterest'))
      .limit(1);
    cookies.own = await loginAs(t, 'prosecutor', pil!.name);
  });
  afterAll(() => t?.close());

  it('tells the handler once that a consultation’s agreed action falls due, not after the check', async () => {
    const opened = await ok<{ id: number }>('own', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'foodDrugSafety',
      title: '某区网络餐饮无证经营行政公益诉讼案',
    });
    const consultation = {
      kind: 'consultation',
      heldOn: testDay(-20),
      bodies: ['成都市成华区市场监督管理局', '本院第五检察部'],
      agreed: '区市场监管局同意于期限内对辖区网络餐饮无证经营户开展专项检查',
      actionDueOn: testDay(1),
    };
    await ok('own', 'POST', `/api/cases/${opened.id}/consultations`, consultation);
    const link = `/cases/${opened.id}`;

    await sendDueReminders(t.database, testNow);
    const told = await reminders('own', link);
    expect(told.map((n) => n.text)).toEqual([
      expect.stringContaining(`诉前磋商约定的整改期限 ${testDay(1)} 将至`),
    ]);
    await sendDueReminders(t.database, testNow);
    expect(await reminders('own', link)).toHaveLength(1);

    // Once the follow-up check is recorded, the passing of the deadline tells nobody.
    const listed = await ok<TConsultations>('own', 'GET', `/api/cases/${opened.id}/consultations`);
    await ok('own', 'PUT', `/api/consultations/${listed.consultations[0]!.id}/check`, {
      checkedOn: testDay(0),
      result: 'done',
    });
    await sendDueReminders(t.database, at(testDay(5)));
    expect(await reminders('own', link)).toHaveLength(1);
  });

  it('tells the registering prosecutor of the next joint meeting once per meeting date', async () => {
    const agreement = await ok<TAgreement>('own', 'POST', '/api/cooperation-agreements', {
      title: '关于建立生态环境修复司法工作协作机制的合作备忘录',
      bodies: ['成都市成华区人民法院', '区生态环境局'],
      mechanisms: ['jointMeeting'],
      signedOn: testDay(-60),
      meetingEveryMonths: 3,
      firstMeetingOn: testDay(2),
    });
    const texts = async () =>
      (await reminders('own', '/cooperation-agreements'))
        .map((n) => n.text)
        .filter((text) => text.includes(agreement.title));

    await sendDueReminders(t.database, testNow);
    await sendDueReminders(t.database, testNow);
    expect(await texts()).toEqual([expect.stringContaining(`应于 ${testDay(2)} 召开`)]);

    // Held early; the next one, three months on, is reminded again when it draws near.
    await ok('own', 'POST', `/api/cooperation-agreements/${agreement.id}/meetings`, {
      heldOn: testDay(0),
      minutes: '通报线索移送情况',
    });
    const next = addMonths(testDay(0), 3);
    await sendDueReminders(t.database, testNow);
    expect(await texts()).toHaveLength(1);
    await sendDueReminders(t.database, at(next));
    const after = await texts();
    expect(after).toHaveLength(2);
    expect(after.some((text) => text.includes(`应于 ${next} 召开`))).toBe(true);
  });
});
