import { testEngines } from '@procura/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TOutreachEvent, TOutreachList } from './schema.ts';

describe.each(testEngines())('outreach events (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (
    user: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['chief', 'clerk6', 'prosecutor1', 'school1']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('records an event with date, place, audience, count and materials, lists and exports it', async () => {
    const created = await as('clerk6', 'POST', '/api/outreach-events', {
      kind: 'littleProsecutor',
      title: '“亮晶晶+绒花”小小检察官体验日',
      heldOn: '2026-06-01',
      place: '成华区人民检察院模拟法庭',
      audience: '五年级学生',
      participantCount: 42,
      materials: '模拟法庭剧本\n未成年人保护法宣传册 50 份',
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json<TOutreachEvent>();
    expect(event).toMatchObject({ kindLabel: '小小检察官体验', department: { name: '第六检察部' } });
    await as('clerk6', 'POST', '/api/outreach-events', {
      kind: 'toCommunity',
      title: '法治进社区：防范电信诈骗',
      heldOn: '2026-07-15',
      place: '双水碾街道社区活动中心',
      audience: '社区居民及青少年',
      participantCount: 80,
    });

    const list = (await as('prosecutor1', 'GET', '/api/outreach-events')).json<TOutreachList>();
    expect(list).toMatchObject({ total: 2, participants: 122 });
    expect(list.items[0]!.title).toBe('法治进社区：防范电信诈骗');
    const filtered = (
      await as('prosecutor1', 'GET', '/api/outreach-events?kind=littleProsecutor')
    ).json<TOutreachList>();
    expect(filtered.items.map((e) => e.id)).toEqual([event.id]);

    const sheet = await as('prosecutor1', 'GET', '/api/outreach-events/export?from=2026-06-01&to=2026-06-30');
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(2, 7)).toEqual([
      '小小检察官体验',
      '“亮晶晶+绒花”小小检察官体验日',
      '成华区人民检察院模拟法庭',
      '五年级学生',
      42,
    ]);
  });

  it('refuses a bad count in Chinese, another department editing, and outside accounts', async () => {
    const bad = await as('clerk6', 'POST', '/api/outreach-events', {
      kind: 'lawToSchool',
      title: '法治进校园',
      heldOn: '2026-09-01',
      place: '某中学',
      audience: '七年级学生',
      participantCount: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('人数至少为 1');
    const [first] = (await as('chief', 'GET', '/api/outreach-events')).json<TOutreachList>().items;
    const other = await as('prosecutor1', 'PATCH', `/api/outreach-events/${first!.id}`, {
      participantCount: 90,
    });
    expect(other.statusCode).toBe(403);
    const own = await as('clerk6', 'PATCH', `/api/outreach-events/${first!.id}`, { participantCount: 90 });
    expect(own.json<TOutreachEvent>()).toMatchObject({ participantCount: 90, materials: '' });
    expect((await as('school1', 'GET', '/api/outreach-events')).statusCode).toBe(403);
  });
});
