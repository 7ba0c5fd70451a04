import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail, TCaseList } from '../cases/schema.ts';
import type { TClueDetail, TClueList } from '../clues/schema.ts';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TFieldCounts, TProtectedObject } from './schema.ts';

const pil = '第五检察部';
const criminal = '第一检察部';

describe.each(testEngines())('public-interest fields and protected objects (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (
    user: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies.head = await loginAs(t, 'departmentHead', pil);
    cookies.outsider = await loginAs(t, 'prosecutor', criminal);
    cookies.criminalHead = await loginAs(t, 'departmentHead', criminal);
    cookies.chief = await loginAs(t, 'chief');
    const [civil] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, 'civilAdministrative'));
    cookies.civil = await loginAs(t, 'departmentHead', civil!.name);
  });
  afterAll(() => t?.close());

  const openCase = async (body: Record<string, unknown>, user = 'head') => {
    const response = await as(user, 'POST', '/api/cases', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TCaseDetail>();
  };
  const registerClue = async (title: string, extra: Record<string, unknown> = {}, user = 'head') => {
    const response = await as(user, 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title,
      description: `${title}，需评估是否立案`,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ clue: TClueDetail }>().clue;
  };
  const counts = async (user: string) => {
    const response = await as(user, 'GET', '/api/public-interest/field-counts');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<TFieldCounts>().items;
    return (field: string | null) => items.find((i) => i.field === field)!;
  };

  it('a public-interest case is opened with its field, shown in the list, filtered and exported', async () => {
    const opened = await openCase({
      type: 'adminPublicInterest',
      title: '某景区破坏古树名木行政公益诉讼案',
      pilField: 'ecology',
    });
    expect(opened).toMatchObject({ pilField: 'ecology', pilFieldLabel: '生态环境和资源保护' });
    await openCase({
      type: 'civilPublicInterest',
      title: '某网店销售假药民事公益诉讼案',
      pilField: 'foodDrugSafety',
    });

    const listed = (await as('head', 'GET', '/api/cases?pilField=ecology')).json<TCaseList>();
    expect(listed.items.map((c) => c.title)).toContain('某景区破坏古树名木行政公益诉讼案');
    expect(listed.items.map((c) => c.title)).not.toContain('某网店销售假药民事公益诉讼案');
    expect(listed.items.every((c) => c.pilFieldLabel === '生态环境和资源保护')).toBe(true);

    const exported = await as('head', 'GET', '/api/cases/export?pilField=ecology');
    expect(exported.statusCode, exported.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('案件')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('公益诉讼领域') + 1;
    expect(column).toBeGreaterThan(0);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === opened.title)!;
    expect(row.getCell(column).value).toBe('生态环境和资源保护');
  });

  it('refuses a field on a case or clue outside public interest, and a value not on the list', async () => {
    const wrongType = await as('criminalHead', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '刑事线索不填领域',
      description: '刑事线索不填领域',
      pilField: 'ecology',
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json<{ message: string }>().message).toContain('只有公益诉讼部门的线索填写公益诉讼领域');

    const unknown = await as('head', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '未知领域的案件',
      pilField: 'astrology',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('公益诉讼领域须为以下之一');

    const supported = await openCase({ type: 'supportedSuit', title: '支持起诉不填领域' }, 'civil');
    expect(supported.pilField).toBeNull();
    const civil = await as('civil', 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '支持起诉案件不能填领域',
      pilField: 'other',
    });
    expect(civil.statusCode).toBe(400);
    expect(civil.body).toContain('只有公益诉讼案件填写公益诉讼领域');
    const refused = await as('civil', 'PUT', `/api/cases/${supported.id}/pil-field`, { pilField: 'other' });
    expect(refused.statusCode).toBe(400);
  });

  it('requires the field when a public-interest case or clue is opened, or a clue sent to the department', async () => {
    const noCase = await as('head', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      title: '未选领域的案件',
    });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json<{ message: string }>().message).toContain('公益诉讼案件须选择公益诉讼领域');
    const noClue = await as('head', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '未选领域的线索',
      description: '未选领域的线索，需评估',
    });
    expect(noClue.statusCode).toBe(400);
    expect(noClue.json<{ message: string }>().message).toContain(`${pil}的线索须选择公益诉讼领域`);

    // 刑检→公益诉讼: the criminal clue has no field; the transfer names it and the received clue keeps it.
    const departments = (await as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>();
    const pilId = departments.find((d) => d.name === pil)!.id;
    const sent = await registerClue('某公司非法倾倒危险废物', {}, 'criminalHead');
    const transfer = { toDepartmentId: pilId, reason: '涉及生态环境公益损害，移送公益诉讼检察部门' };
    const refused = await as('criminalHead', 'POST', `/api/clues/${sent.id}/decision`, {
      decision: 'transfer',
      transfer,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain(`移送至${pil}的线索须选择公益诉讼领域`);
    const moved = await as('criminalHead', 'POST', `/api/clues/${sent.id}/decision`, {
      decision: 'transfer',
      transfer: { ...transfer, pilField: 'ecology' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const receivedId = moved.json<TClueDetail>().transfers[0]!.receivedClueId!;
    const received = (await as('head', 'GET', `/api/clues/${receivedId}`)).json<TClueDetail>();
    expect(received.pilFieldLabel).toBe('生态环境和资源保护');
    const opened = await as('head', 'POST', `/api/clues/${receivedId}/decision`, {
      decision: 'open',
      caseType: 'civilPublicInterest',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const caseId = opened.json<TClueDetail>().case!.id;
    expect((await as('head', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>().pilField).toBe('ecology');
  });

  it('carries the clue’s field to the case opened from it; the field can be changed later', async () => {
    const clue = await registerClue('某文物保护单位周边违法建设', { pilField: 'culturalHeritage' });
    expect(clue.pilFieldLabel).toBe('文物和文化遗产保护');
    const filtered = (await as('head', 'GET', '/api/clues?pilField=culturalHeritage')).json<TClueList>();
    expect(filtered.items.map((c) => c.id)).toContain(clue.id);
    const exported = await as('head', 'GET', '/api/clues/export?pilField=culturalHeritage');
    expect(exported.statusCode, exported.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('线索')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('公益诉讼领域') + 1;
    expect(column).toBeGreaterThan(0);
    const values = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.getCell(column).value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v === '文物和文化遗产保护')).toBe(true);

    const decided = await as('head', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const caseId = decided.json<TClueDetail>().case!.id;
    const theCase = (await as('head', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(theCase.pilFieldLabel).toBe('文物和文化遗产保护');

    const changed = await as('head', 'PUT', `/api/cases/${caseId}/pil-field`, { pilField: 'stateProperty' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<TCaseDetail>().pilFieldLabel).toBe('国有财产保护');
    const audit = await as('chief', 'GET', '/api/audit?action=case.setPilField');
    expect(audit.json<{ items: { detail: unknown }[] }>().items[0]!.detail).toEqual({
      from: 'culturalHeritage',
      to: 'stateProperty',
    });

    const unsetClue = await registerClue('某国有土地出让金未足额征收', { pilField: 'other' });
    const set = await as('head', 'PUT', `/api/clues/${unsetClue.id}/pil-field`, {
      pilField: 'stateLandTransfer',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<TClueDetail>().pilFieldLabel).toBe('国有土地使用权出让');

    // Required when opened: clearing it is refused, and the field stays.
    for (const url of [`/api/cases/${caseId}/pil-field`, `/api/clues/${unsetClue.id}/pil-field`]) {
      const clearing = await as('head', 'PUT', url, { pilField: null });
      expect(clearing.statusCode, url).toBe(400);
      expect(clearing.json().message).toContain('公益诉讼领域不能清空');
    }
    expect((await as('head', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>().pilFieldLabel).toBe(
      '国有财产保护',
    );
    expect((await as('head', 'GET', `/api/clues/${unsetClue.id}`)).json<TClueDetail>().pilFieldLabel).toBe(
      '国有土地使用权出让',
    );
  });

  it('counts by field within reach; out of reach answers 404 like a missing id', async () => {
    const before = await counts('head');
    const chiefBefore = await counts('chief');
    const outsiderBefore = await counts('outsider');
    const opened = await openCase({
      type: 'adminPublicInterest',
      title: '某企业欠缴税款行政公益诉讼案',
      pilField: 'tax',
    });
    await openCase({ type: 'adminPublicInterest', pilField: 'ecology', title: '某河道污染行政公益诉讼案' });
    await registerClue('某养老机构冒领养老金', { pilField: 'pensionSubsistenceFunds' });

    const after = await counts('head');
    expect(after('tax').cases).toBe(before('tax').cases + 1);
    expect(after('ecology').cases).toBe(before('ecology').cases + 1);
    expect(after(null).cases).toBe(before(null).cases);
    expect(after('pensionSubsistenceFunds').clues).toBe(before('pensionSubsistenceFunds').clues + 1);
    expect(after('tax').label).toBe('税收');
    // A period counts what was opened or received within it: nothing is opened tomorrow.
    const tomorrow = daysFromToday(1);
    const later = await as(
      'head',
      'GET',
      `/api/public-interest/field-counts?from=${tomorrow}&to=${tomorrow}`,
    );
    expect(later.json<TFieldCounts>().items.every((i) => i.cases === 0 && i.clues === 0)).toBe(true);
    expect((await counts('chief'))('tax').cases).toBe(chiefBefore('tax').cases + 1);
    // A prosecutor of another department reaches none of these.
    expect((await counts('outsider'))('tax').cases).toBe(outsiderBefore('tax').cases);

    const outOfReach = await as('outsider', 'PUT', `/api/cases/${opened.id}/pil-field`, {
      pilField: 'other',
    });
    const missing = await as('outsider', 'PUT', '/api/cases/999999/pil-field', { pilField: 'other' });
    expect(outOfReach.statusCode).toBe(404);
    expect(outOfReach.body).toBe(missing.body);
    expect((await as('outsider', 'GET', `/api/cases/${opened.id}/protected-objects`)).statusCode).toBe(404);
  });

  it('protected objects gather the cases about one site, each user seeing the cases in reach', async () => {
    const created = await as('head', 'POST', '/api/protected-objects', {
      name: '孟知祥墓',
      kind: 'culturalRelic',
      protectionLevel: '全国重点文物保护单位',
    });
    expect(created.statusCode, created.body).toBe(200);
    const tomb = created.json<TProtectedObject>();
    expect(tomb.kindLabel).toBe('文物保护单位');
    const again = await as('head', 'POST', '/api/protected-objects', {
      name: '孟知祥墓',
      kind: 'culturalRelic',
    });
    expect(again.statusCode).toBe(409);

    const first = await openCase({
      type: 'adminPublicInterest',
      title: '孟知祥墓保护范围内违建案',
      pilField: 'culturalHeritage',
    });
    const second = await openCase({
      type: 'civilPublicInterest',
      title: '孟知祥墓周边盗挖案',
      pilField: 'culturalHeritage',
    });
    for (const c of [first, second]) {
      const linked = await as('head', 'PUT', `/api/cases/${c.id}/protected-objects`, {
        objectIds: [tomb.id],
      });
      expect(linked.statusCode, linked.body).toBe(200);
    }
    const page = await as('head', 'GET', `/api/protected-objects/${tomb.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(
      page
        .json<{ cases: { title: string }[] }>()
        .cases.map((c) => c.title)
        .sort(),
    ).toEqual(['孟知祥墓保护范围内违建案', '孟知祥墓周边盗挖案'].sort());
    const outsiders = await as('outsider', 'GET', `/api/protected-objects/${tomb.id}`);
    expect(outsiders.json<{ cases: unknown[]; caseCount: number }>()).toMatchObject({
      cases: [],
      caseCount: 0,
    });

    const other = await openCase({ type: 'supportedSuit', title: '非公益案件' }, 'civil');
    const refused = await as('civil', 'PUT', `/api/cases/${other.id}/protected-objects`, {
      objectIds: [tomb.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('只有公益诉讼案件登记保护对象');
  });

  it('an object is renamed and reclassified, removed from a case, and its page shows the clues too', async () => {
    const site = (
      await as('head', 'POST', '/api/protected-objects', { name: '熊猫基地', kind: 'other' })
    ).json<TProtectedObject>();
    const renamed = await as('head', 'PATCH', `/api/protected-objects/${site.id}`, {
      name: '成都大熊猫繁育研究基地',
      kind: 'natureReserve',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<TProtectedObject>()).toMatchObject({
      name: '成都大熊猫繁育研究基地',
      kindLabel: '自然保护地',
    });
    const taken = await as('head', 'POST', '/api/protected-objects', { name: '某古桥', kind: 'landmark' });
    expect(taken.statusCode).toBe(200);
    const clash = await as('head', 'PATCH', `/api/protected-objects/${site.id}`, { name: '某古桥' });
    expect(clash.statusCode).toBe(409);
    expect((await as('head', 'PATCH', '/api/protected-objects/999999', { name: '不存在' })).statusCode).toBe(
      404,
    );

    const clue = await registerClue('大熊猫基地周边违规排污', { pilField: 'ecology' });
    const decided = await as('head', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
    });
    const caseId = decided.json<TClueDetail>().case!.id;
    await as('head', 'PUT', `/api/cases/${caseId}/protected-objects`, { objectIds: [site.id] });
    const page = (await as('head', 'GET', `/api/protected-objects/${site.id}`)).json<{
      cases: { id: number }[];
      clues: { id: number; caseId: number }[];
    }>();
    expect(page.cases.map((c) => c.id)).toEqual([caseId]);
    expect(page.clues).toEqual([expect.objectContaining({ id: clue.id, caseId })]);
    // The clue is the department's: another department sees neither the case nor the clue.
    const outsiders = (await as('outsider', 'GET', `/api/protected-objects/${site.id}`)).json<{
      cases: unknown[];
      clues: unknown[];
    }>();
    expect(outsiders).toMatchObject({ cases: [], clues: [] });

    const outOfReach = await as('outsider', 'DELETE', `/api/cases/${caseId}/protected-objects/${site.id}`);
    expect(outOfReach.statusCode).toBe(404);
    const removed = await as('head', 'DELETE', `/api/cases/${caseId}/protected-objects/${site.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<{ items: unknown[] }>().items).toEqual([]);
    const again = await as('head', 'DELETE', `/api/cases/${caseId}/protected-objects/${site.id}`);
    expect(again.statusCode).toBe(404);
    expect(
      (await as('head', 'GET', `/api/protected-objects/${site.id}`)).json<{ cases: unknown[] }>().cases,
    ).toEqual([]);
  });
});
