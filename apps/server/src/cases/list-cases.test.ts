import { testEngines } from '@procura/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TCaseDetail, TCaseList } from './schema.ts';

describe.each(testEngines())('case list, search and export (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  let head5Id: number;
  let fraudCaseId: number;

  const as = (user: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: payload ? 'POST' : 'GET',
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload } : {}),
    });
  const titles = async (user: string, query: string) => {
    const response = await as(user, `/api/cases?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TCaseList>().items.map((c) => c.title);
  };
  const open = async (user: string, body: Record<string, unknown>) => {
    const response = await as(user, '/api/cases', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TCaseDetail>().id;
  };
  const load = async (payload: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('案件')!;
    return { sheet, rows: sheet.getRows(2, sheet.rowCount - 1) ?? [] };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'deputy', 'head5', 'prosecutor1', 'admin'])
      cookies[user] = await t.login(user);
    const list = (await as('chief', '/api/departments')).json<{ id: number; name: string }[]>();
    for (const d of list) departments.set(d.name, d.id);
    head5Id = (await as('head5', '/api/auth/me')).json<{ id: number }>().id;
    fraudCaseId = await open('head5', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某公司骗取绿植补贴资金行政公益诉讼案',
      handlerId: head5Id,
    });
    // Opened by the chief: no handler (the chief is not in 第五检察部).
    await open('chief', {
      type: 'civilPublicInterest',
      pilField: 'ecology',
      title: '骗取绿化补贴资金民事公益诉讼案',
      departmentId: departments.get('第五检察部'),
    });
    await open('head5', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某河道污染行政公益诉讼案',
    });
    await open('deputy', {
      type: 'nonLitigationEnforcement',
      title: '骗取绿植补贴资金非诉执行监督案',
      departmentId: departments.get('第四检察部'),
    });
    const outcome = await as('head5', `/api/cases/${fraudCaseId}/outcomes`, {
      kind: 'subsidiesRecovered',
      amountFen: 119_000_000,
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('free text: substring, case number, and the near miss by similarity after the exact match', async () => {
    expect(await titles('head5', `q=${encodeURIComponent('绿植补贴')}`)).toEqual([
      '某公司骗取绿植补贴资金行政公益诉讼案',
    ]);
    expect(await titles('head5', `q=${encodeURIComponent('骗取绿化补贴资金')}`)).toEqual([
      '骗取绿化补贴资金民事公益诉讼案',
      '某公司骗取绿植补贴资金行政公益诉讼案',
    ]);
    expect(await titles('head5', `q=${encodeURIComponent('公益立〔')}`)).toHaveLength(3);
    expect(await titles('head5', `q=${encodeURIComponent('公益%')}`)).toEqual([]);
  });

  it('filters combine: type, stage, handler, open, department and date range', async () => {
    const q = encodeURIComponent('补贴');
    expect(await titles('head5', `q=${q}&type=civilPublicInterest`)).toEqual([
      '骗取绿化补贴资金民事公益诉讼案',
    ]);
    expect(await titles('head5', `q=${q}&handlerId=${head5Id}&stage=investigation&open=true`)).toEqual([
      '某公司骗取绿植补贴资金行政公益诉讼案',
    ]);
    expect(await titles('head5', `q=${q}&open=false`)).toEqual([]);
    expect(await titles('head5', 'from=2000-01-01&to=2000-12-31')).toEqual([]);
    const today = testDay(0);
    expect(await titles('head5', `from=${today}&to=${today}&type=adminPublicInterest`)).toHaveLength(2);
    expect(await titles('chief', `q=${q}&departmentId=${departments.get('第四检察部')}`)).toEqual([
      '骗取绿植补贴资金非诉执行监督案',
    ]);
    // Scope: head5 asking for another department gets nothing; prosecutor1 sees none of these.
    expect(await titles('head5', `departmentId=${departments.get('第四检察部')}`)).toEqual([]);
    expect(await titles('prosecutor1', `q=${q}`)).toEqual([]);
  });

  it('exports to .xlsx: Chinese headers, dates as dates, amounts in 元, audited', async () => {
    const response = await as('head5', `/api/cases/export?q=${encodeURIComponent('补贴')}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="cases_\\d{4}-\\d{2}-\\d{2}\\.xlsx"; filename\\*=UTF-8''${encodeURIComponent('案件列表_')}`,
      ),
    );
    const { sheet, rows } = await load(response.rawPayload);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '案号',
      '案件名称',
      '案件类型',
      '诉讼环节',
      '办案阶段',
      '承办部门',
      '承办人',
      '立案日期',
      '结案日期',
      '状态',
      '挽回金额（元）',
      '公益诉讼领域',
    ]);
    expect(rows.map((r) => r.getCell(2).value).sort()).toEqual(
      ['某公司骗取绿植补贴资金行政公益诉讼案', '骗取绿化补贴资金民事公益诉讼案'].sort(),
    );
    const fraud = rows.find((r) => r.getCell(2).value === '某公司骗取绿植补贴资金行政公益诉讼案')!;
    expect(fraud.getCell(3).value).toBe('行政公益诉讼');
    expect(fraud.getCell(5).value).toBe('立案调查');
    expect(fraud.getCell(10).value).toBe('在办');
    expect(fraud.getCell(11).value).toBe(1_190_000);
    expect(fraud.getCell(11).numFmt).toBe('#,##0.00');
    const opened = fraud.getCell(8).value as Date;
    const today = testDay(0);
    expect(opened.toISOString()).toBe(`${today}T00:00:00.000Z`);
    expect(fraud.getCell(8).numFmt).toBe('yyyy-mm-dd');

    const audit = await as('chief', '/api/audit?action=case.export');
    const entries = audit.json<{ items: { actorName: string; detail: Record<string, unknown> }[] }>().items;
    expect(entries[0]).toMatchObject({
      actorName: '陈敏（演示）',
      detail: { filter: { q: '补贴' }, rows: 2 },
    });
  });

  it('an export holds nothing outside the scope', async () => {
    const response = await as('prosecutor1', '/api/cases/export');
    expect(response.statusCode, response.body).toBe(200);
    expect((await load(response.rawPayload)).rows).toEqual([]);
    const chief = await load((await as('chief', '/api/cases/export')).rawPayload);
    expect(chief.rows).toHaveLength(4);
  });

  it('refuses an export with unknown filters', async () => {
    const response = await as('head5', '/api/cases/export?page=2');
    expect(response.statusCode).toBe(400);
  });
});
