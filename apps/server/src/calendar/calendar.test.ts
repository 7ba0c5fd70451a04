import { testEngines } from '@procura/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDeadlineList } from '../deadlines/schema.ts';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type { TCalendarYear } from './schema.ts';

const warning2027 = '2027 年节假日安排未载入，期限仅按周末顺延，请管理员导入国务院通知后复核';

describe.each(testEngines())('holiday calendar (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);
  let suggestionId: number;
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['head5', 'admin', 'chief']) cookies[user] = await t.login(user);
    const caseId = await f.openCase();
    const issued = await f.issued(caseId);
    await f.step(issued.id, 'delivery', 'head5', {
      deliveredOn: '2026-11-20',
      lateEntryReason: '纸质检察建议事后录入',
    });
    suggestionId = issued.id;
  });
  afterAll(() => t?.close());

  const reply = async () =>
    (await f.as('head5', 'GET', `/api/deadlines?suggestionId=${suggestionId}`)).json<TDeadlineList>()
      .items[0]!;

  it('reading a year never writes; a year chinese-days knows is stored by a POST, once', async () => {
    const stored = async () =>
      (
        await t.database.query<{ n: number }>(
          'select count(*)::int as n from holiday_calendar_days where year = 2026',
        )
      )[0]!.n;
    const seedAudits = async () =>
      (
        await t.database.query<{ n: number }>(
          `select count(*)::int as n from audit_log where action = 'calendar.seed'`,
        )
      )[0]!.n;

    // A GET (which a link, a prefetch or a crawler may send) changes nothing.
    const before = (await f.as('admin', 'GET', '/api/calendar/2026')).json<TCalendarYear>();
    expect(before).toEqual({ year: 2026, loaded: true, seedable: true, days: [] });
    expect(await stored()).toBe(0);
    expect(await seedAudits()).toBe(0);

    const seeded = await f.as('admin', 'POST', '/api/calendar/2026/seed');
    expect(seeded.statusCode, seeded.body).toBe(200);
    expect(seeded.json<TCalendarYear>().days.find((d) => d.date === '2026-10-01')).toMatchObject({
      kind: 'rest',
      name: '国庆节',
    });
    const y2026 = (await f.as('admin', 'GET', '/api/calendar/2026')).json<TCalendarYear>();
    expect(y2026).toMatchObject({ loaded: true, seedable: false });
    expect(y2026.days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'rest', name: '国庆节' });
    const count = await stored();
    expect(count).toBeGreaterThan(20);

    // A second POST (a double click, a second admin) changes nothing.
    expect((await f.as('admin', 'POST', '/api/calendar/2026/seed')).statusCode).toBe(200);
    expect(await stored()).toBe(count);
    expect(await seedAudits()).toBe(1);

    const y2027 = (await f.as('admin', 'GET', '/api/calendar/2027')).json<TCalendarYear>();
    expect(y2027).toEqual({ year: 2027, loaded: false, seedable: false, days: [] });
    expect((await f.as('admin', 'POST', '/api/calendar/2027/seed')).json<TCalendarYear>().days).toEqual([]);
    expect((await f.as('chief', 'GET', '/api/calendar/2026')).statusCode).toBe(403);
    expect((await f.as('chief', 'POST', '/api/calendar/2026/seed')).statusCode).toBe(403);
  });

  it('an import with a bad row is refused naming the row, and changes nothing', async () => {
    const csv = '日期,类型,名称\n2027-01-01,休,元旦\n2027-02-30,休,春节\n2027-02-06,放,春节\n';
    const refused = await f.as('admin', 'POST', '/api/calendar/2027/import', { format: 'csv', content: csv });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toContain('第 3 行：日期“2027-02-30”无效');
    expect(message(refused)).toContain('第 4 行：类型“放”无效');
    expect((await f.as('admin', 'GET', '/api/calendar/2027')).json<TCalendarYear>().days).toEqual([]);
    expect((await reply()).warnings).toContain(warning2027);
  });

  it('a good .xlsx import loads the year and recomputes open deadlines without the warning', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2027');
    sheet.addRow(['日期', '类型', '名称']);
    sheet.addRow(['2027-01-01', '休', '元旦']);
    // A made-up arrangement: 2027-01-20 (a Wednesday) is a rest day, so the reply moves to the 21st.
    sheet.addRow([new Date(Date.UTC(2027, 0, 20)), '休', '测试假日']);
    sheet.addRow(['2027-02-07', '班', '春节']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const imported = await f.as('admin', 'POST', '/api/calendar/2027/import', { format: 'xlsx', content });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ year: 2027, imported: 3 });
    const after = await reply();
    expect(after.warnings).toEqual([]);
    expect(after.due).toBe('2027-01-21');
    expect(after.explanation).toContain('测试假日');
  });

  it('an admin edits and deletes single days; each change is audited', async () => {
    const set = await f.as('admin', 'PUT', '/api/calendar/days/2027-01-21', {
      kind: 'rest',
      name: '测试假日',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await reply()).due).toBe('2027-01-22');
    const removed = await f.as('admin', 'DELETE', '/api/calendar/days/2027-01-21');
    expect(removed.statusCode).toBe(204);
    expect((await reply()).due).toBe('2027-01-21');
    const audit = (await f.as('chief', 'GET', '/api/audit?targetType=calendar&pageSize=50')).json<{
      items: { action: string }[];
    }>();
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['calendar.seed', 'calendar.import', 'calendar.setDay', 'calendar.deleteDay']),
    );
  });
});
