import { testEngines } from '@procura/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TClueList, TRegisterClueBody } from './schema.ts';

type Registered = { title: string; department: string; id?: number };

describe.each(testEngines())('clue list, search and export (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  const ids = new Map<string, number>();
  let head5Id: number;

  const as = (user: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: payload ? 'POST' : 'GET',
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload } : {}),
    });
  const titles = async (user: string, query: string) => {
    const response = await as(user, `/api/clues?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TClueList>().items.map((c) => c.title);
  };
  const register = async (user: string, body: Partial<TRegisterClueBody> & Registered) => {
    const { department, ...rest } = body;
    const response = await as(user, '/api/clues', {
      source: 'publicReport',
      description: `${body.title}的线索内容`,
      departmentId: departments.get(department),
      ...(department === '第五检察部' ? { pilField: 'other' } : {}),
      ...rest,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids.set(body.title, response.json<{ clue: { id: number } }>().clue.id);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['chief', 'head5', 'prosecutor1', 'admin']) cookies[user] = await t.login(user);
    const list = (await as('chief', '/api/departments')).json<{ id: number; name: string }[]>();
    for (const d of list) departments.set(d.name, d.id);
    head5Id = (await as('head5', '/api/auth/me')).json<{ id: number }>().id;
    await register('head5', {
      title: '某公司骗取绿植补贴资金',
      department: '第五检察部',
      description: '群众举报某园林公司虚报绿植面积',
      handlerId: head5Id,
      parties: [{ kind: 'organisation', name: '成都某园林绿化有限公司' }],
    });
    await register('head5', { title: '骗取绿化补贴资金线索', department: '第五检察部', source: 'dataModel' });
    await register('head5', { title: '某河道污染问题', department: '第五检察部', source: 'media' });
    await register('head5', { title: '整治完成率100%存疑', department: '第五检察部' });
    await register('head5', { title: '整治完成率1000户', department: '第五检察部' });
    await register('prosecutor1', { title: '骗取绿植补贴资金（刑事）', department: '第一检察部' });
    // One clue received long ago, for the date range.
    await t.database.query(`update clues set received_at = '2025-01-15T10:00:00+08:00' where id = $1`, [
      ids.get('某河道污染问题'),
    ]);
  });
  afterAll(() => t?.close());

  it('a Chinese substring finds the clue, also by a party name', async () => {
    expect(await titles('head5', `q=${encodeURIComponent('绿植补贴')}`)).toEqual(['某公司骗取绿植补贴资金']);
    expect(await titles('head5', `q=${encodeURIComponent('园林绿化')}`)).toEqual(['某公司骗取绿植补贴资金']);
  });

  it('a near miss is found by similarity and ranks after the exact match', async () => {
    const found = await titles('head5', `q=${encodeURIComponent('骗取绿化补贴资金')}`);
    // Exact substring first, then 骗取绿植补贴资金 by pg_trgm word similarity; nothing unrelated.
    expect(found).toEqual(['骗取绿化补贴资金线索', '某公司骗取绿植补贴资金']);
  });

  it('% and _ typed by a user are literal', async () => {
    expect(await titles('head5', `q=${encodeURIComponent('100%')}`)).toEqual(['整治完成率100%存疑']);
    expect(await titles('head5', `q=${encodeURIComponent('率1_0')}`)).toEqual([]);
    expect(await titles('head5', `q=${encodeURIComponent('%')}`)).toEqual(['整治完成率100%存疑']);
  });

  it('filters combine: text, source, status, handler, department and date range', async () => {
    const fifth = departments.get('第五检察部');
    const q = encodeURIComponent('补贴');
    expect(await titles('head5', `q=${q}&source=dataModel`)).toEqual(['骗取绿化补贴资金线索']);
    expect(await titles('head5', `q=${q}&handlerId=${head5Id}&status=assessing`)).toEqual([
      '某公司骗取绿植补贴资金',
    ]);
    expect(await titles('head5', `q=${q}&status=declined`)).toEqual([]);
    expect(await titles('head5', `departmentId=${fifth}&from=2025-01-01&to=2025-01-31`)).toEqual([
      '某河道污染问题',
    ]);
    expect(await titles('head5', `departmentId=${fifth}&to=2025-01-14`)).toEqual([]);
    expect(await titles('chief', `departmentId=${fifth}&source=media&from=2025-01-15&to=2025-01-15`)).toEqual(
      ['某河道污染问题'],
    );
    const page = (await as('head5', `/api/clues?departmentId=${fifth}&pageSize=2&page=2`)).json<TClueList>();
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
  });

  it('the department scope stays: a filter never widens what a user sees', async () => {
    const q = encodeURIComponent('绿植补贴');
    expect(await titles('head5', `q=${q}`)).not.toContain('骗取绿植补贴资金（刑事）');
    expect(await titles('prosecutor1', `q=${q}`)).toEqual(['骗取绿植补贴资金（刑事）']);
    expect(await titles('prosecutor1', `departmentId=${departments.get('第五检察部')}`)).toEqual([]);
    expect(await titles('chief', `q=${q}`)).toHaveLength(2);
  });

  it('exports the filtered clues to .xlsx with Chinese headers, within the scope, and audits it', async () => {
    const query = `q=${encodeURIComponent('补贴')}`;
    const response = await as('head5', `/api/clues/export?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('线索列表_')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('线索')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '线索编号',
      '线索标题',
      '线索来源',
      '状态',
      '受理部门',
      '承办人',
      '收到时间',
      '评估期限',
      '立案案号',
      '不立案理由',
      '涉及人员和单位',
      '公益诉讼领域',
      '线索内容',
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    const exported = rows.map((r) => r.getCell(2).value).sort();
    expect(exported).toEqual((await titles('head5', query)).sort());
    expect(exported).not.toContain('骗取绿植补贴资金（刑事）');
    const fraud = rows.find((r) => r.getCell(2).value === '某公司骗取绿植补贴资金')!;
    expect(fraud.getCell(3).value).toBe('12309/群众举报');
    expect(fraud.getCell(5).value).toBe('第五检察部');
    expect(fraud.getCell(6).value).toBe('陈敏（演示）');
    expect(fraud.getCell(7).value).toBeInstanceOf(Date);
    expect(fraud.getCell(11).value).toBe('成都某园林绿化有限公司');

    const audit = await as('admin', '/api/audit?action=clue.export');
    const entries = audit.json<{ items: { actorName: string; detail: Record<string, unknown> }[] }>().items;
    expect(entries[0]).toMatchObject({
      actorName: '陈敏（演示）',
      detail: { filter: { q: '补贴' }, rows: 2, format: 'xlsx' },
    });
  });

  it('an export in another department holds only what that user reaches', async () => {
    const response = await as('prosecutor1', '/api/clues/export');
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('线索')!;
    const exported = (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((r) => r.getCell(5).value);
    expect(exported.length).toBeGreaterThan(0);
    expect(new Set(exported)).toEqual(new Set(['第一检察部']));
  });
});
