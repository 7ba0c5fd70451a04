import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { withCheck } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TImportResult, TSupportedProsecution } from './schema.ts';

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** 17 workers owed 290,000 yuan between them: 16 × 17,000 + 18,000. */
const workers = Array.from({ length: 17 }, (_, i) => ({
  name: `侯${'一二三四五六七八九十'[i % 10]}${i < 10 ? '' : '甲'}`,
  idNumber: withCheck(`51010819800101${String(100 + i)}`),
  phone: `1380000${String(1000 + i)}`,
  claimYuan: i === 0 ? 18_000 : 17_000,
}));
const header: Cell[] = ['姓名', '身份证号', '联系电话', '人员类别', '拖欠工资'];
const title: Cell[] = ['某建筑劳务公司拖欠工资人员名单（区人社局）'];
const workerRows = (): Cell[][] => workers.map((w) => [w.name, w.idNumber, w.phone, '农民工', w.claimYuan]);

describe.each(testEngines())('supported prosecution applicants (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function departmentOf(
    line: 'civilAdministrative' | 'publicInterest',
  ): Promise<{ id: number; name: string }> {
    const [row] = await t.database.db
      .select({ id: schema.departments.id, name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!;
  }

  /** A 民支 case of the civil-administrative department against a labour company. */
  async function openCase(titleText: string): Promise<number> {
    const opened = await as('own', 'POST', '/api/cases', { type: 'supportedSuit', title: titleText });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<{ id: number }>().id;
    const support = await as('own', 'PUT', `/api/cases/${id}/supported-prosecution`, {
      respondent: '某建筑劳务有限公司',
      claimKind: 'labourPay',
    });
    expect(support.statusCode, support.body).toBe(200);
    return id;
  }

  const importFile = async (caseId: number, fileName: string, rows: Cell[][], user = 'own') =>
    as(user, 'POST', `/api/cases/${caseId}/applicants/import`, { fileName, content: await xlsx(rows) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const civil = await departmentOf('civilAdministrative');
    const other = await departmentOf('publicInterest');
    cookies.own = await loginAs(t, 'prosecutor', civil.name);
    cookies.other = await loginAs(t, 'prosecutor', other.name);
    cookies.chief = await loginAs(t, 'chief');
  });
  afterAll(() => t?.close());

  let caseId: number;

  it('imports the labour bureau list of 17 workers; a worker listed twice is merged with a warning', async () => {
    caseId = await openCase('侯某等17人追索劳动报酬支持起诉案');
    const duplicate = [workers[0]!.name, ` ${workers[0]!.idNumber.toLowerCase()} `, null, '农民工', 18_000];
    const response = await importFile(caseId, '欠薪名单.xlsx', [title, header, ...workerRows(), duplicate]);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<TImportResult>();
    expect(result).toMatchObject({ added: 17, merged: 1 });
    expect(result.warnings).toEqual([
      `文件 欠薪名单.xlsx 第 20 行与第 3 行身份证号相同（${workers[0]!.name}），已合并为一人`,
    ]);
    expect(result.supportedProsecution.totals).toEqual({
      applicants: 17,
      claimFen: 29_000_000,
      recoveredFen: 0,
      recoveredApplicants: 0,
    });

    // Importing the same list again adds nobody: each row merges into the applicant already there.
    const again = await importFile(caseId, '欠薪名单（第二次）.xlsx', [header, ...workerRows().slice(0, 2)]);
    expect(again.json<TImportResult>()).toMatchObject({ added: 0, merged: 2 });
    expect(again.json<TImportResult>().warnings[0]).toContain('已合并，未重复登记');
  });

  it('sums the amounts recovered per worker into the case outcome: 290,000 yuan, never typed', async () => {
    const list = (
      await as('own', 'GET', `/api/cases/${caseId}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    for (const applicant of list.applicants) {
      const recorded = await as('own', 'POST', `/api/cases/${caseId}/applicants/${applicant.id}/recovery`, {
        recoveredFen: applicant.claimFen,
        paidOn: '2026-06-30',
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
    }
    const after = (
      await as('own', 'GET', `/api/cases/${caseId}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(after.totals).toMatchObject({ recoveredFen: 29_000_000, recoveredApplicants: 17 });

    const detail = (await as('own', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(detail.outcomes.map((o) => [o.label, o.text])).toEqual([
      ['追回欠薪', '290,000.00 元'],
      ['帮助群众', '17 人'],
    ]);

    // Typing the total again on the case would count it twice.
    const typed = await as('own', 'POST', `/api/cases/${caseId}/outcomes`, {
      kind: 'wagesRecovered',
      amountFen: 29_000_000,
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json<{ message: string }>().message).toContain('由申请人追回金额合计自动计算');
    const unchanged = (await as('own', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(unchanged.outcomes).toHaveLength(2);
  });

  it('refuses a recovery above the claim unless confirmed with a reason', async () => {
    const list = (
      await as('own', 'GET', `/api/cases/${caseId}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    const applicant = list.applicants[1]!;
    const url = `/api/cases/${caseId}/applicants/${applicant.id}/recovery`;
    const refused = await as('own', 'POST', url, { recoveredFen: 1_750_000, paidOn: '2026-07-15' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toBe(
      `申请人${applicant.name}追回 17,500.00 元，超过请求金额 17,000.00 元：如确有超出（如利息、经济补偿），请确认并填写原因`,
    );
    const unchanged = (await as('own', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(unchanged.outcomes[0]!.text).toBe('290,000.00 元');

    const accepted = await as('own', 'POST', url, {
      recoveredFen: 1_750_000,
      paidOn: '2026-07-15',
      confirmed: true,
      reason: '调解协议约定支付逾期利息 500 元',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const saved = accepted.json<TSupportedProsecution>().applicants.find((a) => a.id === applicant.id)!;
    expect(saved).toMatchObject({
      recoveredFen: 1_750_000,
      overClaimReason: '调解协议约定支付逾期利息 500 元',
    });
    const detail = (await as('own', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(detail.outcomes[0]!.text).toBe('290,500.00 元');
    // The timeline says who got what, and the new total.
    expect(detail.timeline.at(-1)!.note).toBe(
      `申请人${applicant.name}追回 17,500.00 元（2026-07-15 支付，超出请求金额的原因：调解协议约定支付逾期利息 500 元）。合计 追回欠薪：290,500.00 元（由申请人追回金额合计自动计算）`,
    );
  });

  it('refuses a list with a bad ID number, naming file, row and column, and saves nothing', async () => {
    const fresh = await openCase('王某等3人追索劳动报酬支持起诉案');
    const bad = workerRows().slice(0, 3);
    bad[1] = [
      bad[1]![0]!,
      `${workers[1]!.idNumber.slice(0, 17)}${workers[1]!.idNumber.endsWith('0') ? '1' : '0'}`,
      null,
      '农民工',
      17_000,
    ];
    const response = await importFile(fresh, '人社局名单.xlsx', [header, ...bad]);
    expect(response.statusCode).toBe(400);
    const message = response.json<{ message: string }>().message;
    expect(message).toContain('文件 人社局名单.xlsx 有误，未做任何记录');
    expect(message).toContain('第 3 行“身份证号”列：身份证号校验位不正确');
    const list = (
      await as('own', 'GET', `/api/cases/${fresh}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(list.applicants).toEqual([]);
  });

  it('adds and corrects applicants by hand, refusing a second entry of the same person', async () => {
    const opened = await as('own', 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '刘某追索赡养费支持起诉案',
    });
    const id = opened.json<{ id: number }>().id;
    const person = {
      name: '刘大爷',
      idNumber: withCheck('51010819450101201'),
      category: 'elderly',
      claimFen: 600_000,
    };
    const early = await as('own', 'POST', `/api/cases/${id}/applicants`, person);
    expect(early.statusCode).toBe(400);
    expect(early.json<{ message: string }>().message).toBe(
      '请先填写被告单位和请求类别（如追索劳动报酬），再登记申请人',
    );

    await as('own', 'PUT', `/api/cases/${id}/supported-prosecution`, {
      respondent: '刘某某',
      claimKind: 'elderSupport',
    });
    const added = await as('own', 'POST', `/api/cases/${id}/applicants`, {
      ...person,
      phone: '１３９ ００００ ０１２３',
    });
    expect(added.statusCode, added.body).toBe(200);
    const applicant = added.json<TSupportedProsecution>().applicants[0]!;
    expect(applicant).toMatchObject({ phone: '13900000123', categoryLabel: '老年人', claimFen: 600_000 });
    const twice = await as('own', 'POST', `/api/cases/${id}/applicants`, { ...person, name: '刘老汉' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ message: string }>().message).toBe('身份证号与本案申请人刘大爷相同，不能重复登记');

    await as('own', 'POST', `/api/cases/${id}/applicants/${applicant.id}/recovery`, {
      recoveredFen: 500_000,
      paidOn: '2026-05-01',
    });
    const lower = await as('own', 'PATCH', `/api/cases/${id}/applicants/${applicant.id}`, {
      claimFen: 400_000,
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json<{ message: string }>().message).toContain('请求金额不能少于已追回金额');
    const renamed = await as('own', 'PATCH', `/api/cases/${id}/applicants/${applicant.id}`, {
      name: '刘 大 爷',
    });
    expect(renamed.json<TSupportedProsecution>().applicants[0]!.name).toBe('刘大爷');
    // A claim other than wages counts as 赔偿到位.
    const detail = (await as('own', 'GET', `/api/cases/${id}`)).json<TCaseDetail>();
    expect(detail.outcomes.map((o) => [o.label, o.text])).toEqual([
      ['赔偿到位', '5,000.00 元'],
      ['帮助群众', '1 人'],
    ]);
  });

  it('answers another department as if the case did not exist, and masks ID numbers outside the department', async () => {
    const missing = await as('other', 'GET', '/api/cases/999999/supported-prosecution');
    expect(missing.statusCode).toBe(404);
    const foreign = await as('other', 'GET', `/api/cases/${caseId}/supported-prosecution`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const list = (
      await as('own', 'GET', `/api/cases/${caseId}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    const writes = await Promise.all([
      importFile(caseId, '名单.xlsx', [header, ...workerRows().slice(0, 1)], 'other'),
      as('other', 'POST', `/api/cases/${caseId}/applicants/${list.applicants[0]!.id}/recovery`, {
        recoveredFen: 1,
        paidOn: '2026-07-01',
      }),
    ]);
    expect(writes.map((w) => w.statusCode)).toEqual([404, 404]);

    expect(list.idNumbersMasked).toBe(false);
    expect(list.applicants[0]!.idNumber).toBe(workers[0]!.idNumber);
    const chief = (
      await as('chief', 'GET', `/api/cases/${caseId}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(chief.idNumbersMasked).toBe(true);
    expect(chief.applicants[0]!.idNumber).toBe(
      `${workers[0]!.idNumber.slice(0, 6)}********${workers[0]!.idNumber.slice(14)}`,
    );

    const [entry] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'supportedProsecution.viewApplicants'),
          eq(schema.auditLog.targetId, String(caseId)),
        ),
      )
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(entry!.detail).toMatchObject({ masked: true, applicantIds: chief.applicants.map((a) => a.id) });
  });
});
