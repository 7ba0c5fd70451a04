import { zipBombXlsx } from '@procura/collide/testing/zip-bomb';
import { testEngines } from '@procura/db/testing';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPartnerSchoolList } from '../mailbox/schema.ts';
import type { TNotificationList } from '../notifications/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TCheckBatchDetail, TCheckBatchList, TOffenceRecordSetList } from './schema.ts';

const id = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const zhangSan = id('51010819850312001');
const liSi = id('51010819880705002');
const wangWu = id('51010819900101123');
const wangWuRecord = id('51010819900101567');
const zhaoLiu = id('51010819950220004');

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('employment checks (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (
    user: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const upload = async (user: string, url: string, fileName: string, rows: (string | number | null)[][]) =>
    as(user, 'POST', url, { fileName, content: await xlsx(rows) });
  const hires = [
    ['新入职人员名单'],
    ['姓名', '身份证号', '岗位'],
    ['张三', zhangSan, '体育教师'],
    ['李四', liSi, '保安'],
    ['王五', wangWu, '校车司机'],
    ['赵六', ` ${zhaoLiu.toLowerCase()} `, '保育员'],
  ];

  const records = [
    ['身份证号', '姓名', '罪名', '判决日期'],
    [zhangSan, '张三', '猥亵儿童罪', '2019-05-01'],
    [liSi, '李四', '盗窃罪', '2020-01-01'],
    [wangWuRecord, '王五', '强奸罪', '2021-03-01'],
  ];
  /** The juvenile department loads the offence records every check compares against. */
  const loadRecords = async () => {
    const response = await upload('clerk6', '/api/offence-record-sets', '记录.xlsx', records);
    expect(response.statusCode, response.body).toBe(201);
    return response;
  };
  /** school1 checks the four new hires (the records loaded first); the batch as the school sees it. */
  const newBatch = async () => {
    await loadRecords();
    const response = await upload('school1', '/api/employment-checks', '2026秋季新入职.xlsx', hires);
    expect(response.statusCode, response.body).toBe(201);
    return { response, batch: response.json<TCheckBatchDetail>() };
  };
  const checkCount = async (user: string) =>
    (await as(user, 'GET', '/api/employment-checks')).json<TCheckBatchList>().total;

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['chief', 'clerk6', 'prosecutor1', 'analyst', 'school1', 'admin'])
      cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('refuses a check before the procuratorate has loaded any records', async () => {
    // Records are procuratorate-wide: an app of its own has none, whatever the other tests load.
    const fresh = await createTestApp(kind);
    try {
      const response = await fresh.app.inject({
        method: 'POST',
        url: '/api/employment-checks',
        headers: { cookie: await fresh.login('school1') },
        payload: { fileName: '名单.xlsx', content: await xlsx(hires) },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toContain('尚未载入比对用的违法犯罪记录');
    } finally {
      await fresh.close();
    }
  });

  it('loads offence records all or nothing, naming the bad row and column', async () => {
    const sets = async () =>
      (await as('clerk6', 'GET', '/api/offence-record-sets')).json<TOffenceRecordSetList>().items;
    const before = await sets();
    const bad = await upload('clerk6', '/api/offence-record-sets', '记录.xlsx', [
      ['身份证号', '姓名', '罪名', '判决日期'],
      [zhangSan, '张三', '猥亵儿童罪', '2019-05-01'],
      ['51010819880705003X', '李四', '盗窃罪', '2020-01-01'],
      [wangWuRecord, '王五', '', '2021-02-30'],
    ]);
    expect(bad.statusCode).toBe(400);
    const message = bad.json<{ message: string }>().message;
    expect(message).toContain('第 3 行“身份证号”列');
    expect(message).toContain('第 4 行“罪名”列：为空');
    expect(message).toContain('第 4 行“日期”列');
    expect(await sets()).toEqual(before);

    const elsewhere = await upload('prosecutor1', '/api/offence-record-sets', '记录.xlsx', [
      ['身份证号', '罪名'],
      [zhangSan, '猥亵儿童罪'],
    ]);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json<{ message: string }>().message).toBe('入职查询比对记录由未成年人检察部门办理');

    const good = await loadRecords();
    expect(good.json()).toMatchObject({ rowCount: 3, current: true });
    expect(await sets()).toHaveLength(before.length + 1);
  });

  it('returns a result per person: offences against children need a manual check, others none', async () => {
    const { response, batch } = await newBatch();
    expect(batch).toMatchObject({ school: { name: '成华区演示实验小学' }, peopleCount: 4, reviewCount: 2 });
    expect(batch.people.map((p) => [p.row, p.name, p.resultLabel])).toEqual([
      [3, '张三', '需人工核实'],
      [4, '李四', '无相关记录'],
      [5, '王五', '需人工核实'],
      [6, '赵六', '无相关记录'],
    ]);
    expect(batch.people[0]!.idNumberMasked).toBe(`510108********${zhangSan.slice(14)}`);
    // The school learns the two-valued result and nothing of the offences.
    expect(response.body).not.toMatch(/猥亵|强奸|盗窃|"review":|explanation|confidence/);
  });

  it('keeps a record of every check: who asked, when, with what result, and tells the juvenile department', async () => {
    const before = await checkCount('school1');
    const batchId = (await newBatch()).batch.id;
    const list = (await as('school1', 'GET', '/api/employment-checks')).json<TCheckBatchList>();
    expect(list.total).toBe(before + 1);
    expect(list.items.find((b) => b.id === batchId)).toMatchObject({
      requestedBy: '成华区演示实验小学（演示）',
      reviewCount: 2,
    });

    const audit = (
      await as('chief', 'GET', `/api/audit?action=employmentCheck.submit&targetId=${batchId}`)
    ).json<{
      items: { actorName: string; targetId: string; detail: Record<string, unknown> }[];
    }>();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorName: '成华区演示实验小学（演示）',
      targetId: String(batchId),
    });
    expect(audit.items[0]!.detail).toMatchObject({ people: 4, review: 2 });

    const detail = (await as('clerk6', 'GET', `/api/employment-checks/${batchId}`)).json<TCheckBatchDetail>();
    // The per-person results (names, id numbers, records) are a read of personal data: audited.
    const viewed = (
      await as('chief', 'GET', `/api/audit?action=employmentCheck.view&targetId=${batchId}`)
    ).json<{ items: { actorName: string; detail: Record<string, unknown> }[] }>();
    expect(viewed.items.map((e) => e.actorName)).toEqual(['吴悦（演示）']);
    expect(detail.people[0]!.review![0]).toMatchObject({ confidence: '身份证号一致' });
    expect(detail.people[0]!.review![0]!.records[0]).toMatchObject({
      kind: '猥亵儿童罪',
      occurredOn: '2019-05-01',
      row: 2,
    });
    expect(detail.people[2]!.review![0]!.confidence).toContain('疑似');

    const bell = (await as('clerk6', 'GET', '/api/notifications?unread=true')).json<TNotificationList>();
    expect(bell.items.find((n) => n.kind === 'employmentCheck.review')?.text).toBe(
      '成华区演示实验小学入职查询：4 人中 2 人需人工核实',
    );
    // Other departments find no checks; their offence details stay with the juvenile department.
    expect((await as('prosecutor1', 'GET', '/api/employment-checks')).json<TCheckBatchList>().total).toBe(0);
    expect((await as('prosecutor1', 'GET', `/api/employment-checks/${batchId}`)).statusCode).toBe(404);
  });

  it('refuses a file with bad rows, naming row and column, and records nothing', async () => {
    await loadRecords();
    const before = await checkCount('school1');
    const response = await upload('school1', '/api/employment-checks', '名单.xlsx', [
      ['姓名', '身份证号', '岗位'],
      ['钱七', `${zhangSan.slice(0, 17)}${zhangSan.endsWith('1') ? '2' : '1'}`, '厨师'],
      ['', liSi, '保洁'],
      ['孙八', liSi, '门卫'],
      ['周九', '12345', '门卫'],
    ]);
    expect(response.statusCode).toBe(400);
    const message = response.json<{ message: string }>().message;
    expect(message).toMatch(/^文件 名单\.xlsx 有误，未做任何记录：第 2 行“身份证号”列：.*校验/);
    expect(message).toContain('第 3 行“姓名”列：姓名为空');
    expect(message).toContain('第 5 行“身份证号”列');
    const missingColumn = await upload('school1', '/api/employment-checks', '名单.xlsx', [
      ['姓名', '岗位'],
      ['钱七', '厨师'],
    ]);
    expect(missingColumn.json<{ message: string }>().message).toContain('找不到表头：需要列 姓名、身份证号');
    const notExcel = await as('school1', 'POST', '/api/employment-checks', {
      fileName: 'a.xlsx',
      content: 'bm90IGV4Y2Vs',
    });
    expect(notExcel.json<{ message: string }>().message).toContain('不是 .xlsx 工作簿');
    expect(await checkCount('school1')).toBe(before);
  });

  it('refuses a zip bomb at once with a Chinese message naming the file, the server answering throughout', async () => {
    // 200 MB of sheet XML in a few hundred KB: once as the zip directory states it, once with a
    // directory that claims 1 MB (caught while inflating, on the reader's worker thread).
    await loadRecords();
    const before = await checkCount('school1');
    const bombs = [
      {
        fileName: '新入职人员名单.xlsx',
        bytes: await zipBombXlsx({ inflatedBytes: 200 << 20 }),
        message:
          /^文件 新入职人员名单\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比异常（\d+ 倍，上限 100 倍，解压后 200 MB），可能是“压缩炸弹”，已拒绝读取$/,
      },
      {
        fileName: '名单（伪装）.xlsx',
        bytes: await zipBombXlsx({ inflatedBytes: 200 << 20, claimedBytes: 1 << 20 }),
        message:
          /^文件 名单（伪装）\.xlsx 中的 xl\/worksheets\/sheet1\.xml 解压后比目录所记大小更大，文件已损坏或被篡改，已拒绝读取$/,
      },
    ];
    for (const { fileName, bytes, message } of bombs) {
      expect(bytes.length).toBeLessThan(1 << 20);
      let pending = true;
      const upload = as('school1', 'POST', '/api/employment-checks', {
        fileName,
        content: bytes.toString('base64'),
      }).finally(() => {
        pending = false;
      });
      const health: number[] = [];
      do {
        health.push((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
        await new Promise((resolve) => setTimeout(resolve, 10));
      } while (pending);
      const response = await upload;
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(message);
      expect(health.every((status) => status === 200)).toBe(true);
    }
    expect(await checkCount('school1')).toBe(before);
  });

  it('refuses a file name with a direction override or control characters', async () => {
    for (const fileName of ['名单\u202Exslx.exe', '名单\u0000.xlsx', '名单\n.xlsx']) {
      const response = await upload('school1', '/api/employment-checks', fileName, hires);
      expect(response.statusCode).toBe(400);
      // a NUL is refused before the route, by the guard every route has (http/nul-bytes.ts)
      expect(response.json<{ message: string }>().message).toMatch(
        fileName.includes('\u0000')
          ? /^字段 fileName：含有不允许的控制字符（NUL）/
          : /^文件名“名单�.*”含有控制字符或文字方向控制符（U\+/,
      );
    }
  });

  it('a school account sees only its own checks', async () => {
    const batchId = (await newBatch()).batch.id;
    const created = await as('admin', 'POST', '/api/users', {
      username: 'school2',
      displayName: '演示中学账号',
      role: 'school',
      departmentId: null,
      password: 'Initial2026pw',
    });
    expect(created.statusCode, created.body).toBe(201);
    let cookie = await t.login('school2', 'Initial2026pw');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial2026pw', newPassword: 'Kindred2026pw' },
    });
    cookie = await t.login('school2', 'Kindred2026pw');
    cookies.school2 = cookie;
    const unlinked = await as('school2', 'GET', '/api/employment-checks');
    expect(unlinked.statusCode).toBe(403);
    expect(unlinked.json<{ message: string }>().message).toContain('尚未关联学校');

    const schools = (await as('chief', 'GET', '/api/partner-schools')).json<TPartnerSchoolList>();
    const middle = schools.items.find((s) => s.name === '成华区演示中学')!;
    const linked = await as('chief', 'PATCH', `/api/partner-schools/${middle.id}`, {
      accountUsername: 'school2',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const kindergarten = schools.items.find((s) => s.name === '成华区演示幼儿园')!;
    const taken = await as('chief', 'PATCH', `/api/partner-schools/${kindergarten.id}`, {
      accountUsername: 'school2',
    });
    expect(taken.statusCode).toBe(409);

    expect((await as('school2', 'GET', '/api/employment-checks')).json<TCheckBatchList>().total).toBe(0);
    expect((await as('school2', 'GET', `/api/employment-checks/${batchId}`)).statusCode).toBe(404);
    expect((await as('school2', 'GET', `/api/employment-checks/${batchId}/result.docx`)).statusCode).toBe(
      404,
    );
    expect((await as('school2', 'GET', '/api/mailbox/letters')).statusCode).toBe(403);
  });

  it('gives the school its result letters (.docx, one page per person) and list (.xlsx)', async () => {
    const batchId = (await newBatch()).batch.id;
    const docx = await as('school1', 'GET', `/api/employment-checks/${batchId}/result.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const sheet = await as('school1', 'GET', `/api/employment-checks/${batchId}/result.xlsx`);
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1).join('|'))).toEqual([
      '行号|姓名|公民身份号码|岗位|查询结果',
      `3|张三|510108********${zhangSan.slice(14)}|体育教师|需人工核实`,
      `4|李四|510108********${liSi.slice(14)}|保安|无相关记录`,
      `5|王五|510108********${wangWu.slice(14)}|校车司机|需人工核实`,
      `6|赵六|510108********${zhaoLiu.slice(14)}|保育员|无相关记录`,
    ]);
    const downloads = (
      await as('chief', 'GET', `/api/audit?action=employmentCheck.download&targetId=${batchId}`)
    ).json<{
      items: unknown[];
    }>();
    expect(downloads.items).toHaveLength(2);
  });
});
