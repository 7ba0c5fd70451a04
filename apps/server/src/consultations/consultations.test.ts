import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type { TConsultations } from './schema.ts';

describe.each(testEngines())('pre-litigation consultations and round tables (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function departmentOf(line: 'civilAdministrative' | 'publicInterest'): Promise<string> {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!.name;
  }

  async function openCase(type: string, title: string): Promise<number> {
    const opened = await as('own', 'POST', '/api/cases', { type, title, pilField: 'foodDrugSafety' });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json<{ id: number }>().id;
  }

  const consultation = (extra: Record<string, unknown> = {}) => ({
    kind: 'consultation',
    heldOn: daysFromToday(-20),
    bodies: ['成都市成华区市场监督管理局', '本院第五检察部'],
    agreed: '区市场监管局同意于期限内对辖区网络餐饮无证经营户开展专项检查并依法查处',
    actionDueOn: daysFromToday(-1),
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    const pil = await departmentOf('publicInterest');
    const civil = await departmentOf('civilAdministrative');
    cookies.own = await loginAs(t, 'prosecutor', pil);
    cookies.other = await loginAs(t, 'prosecutor', civil);
  });
  afterAll(() => t?.close());

  it('records a consultation whose deadline passed as overdue until the follow-up check, audited', async () => {
    const caseId = await openCase('adminPublicInterest', '某区网络餐饮无证经营行政公益诉讼案');
    const pending = await as('own', 'POST', `/api/cases/${caseId}/consultations`, consultation());
    expect(pending.statusCode, pending.body).toBe(200);
    const [row] = pending.json<TConsultations>().consultations;
    expect(row).toMatchObject({ kindLabel: '诉前磋商', actionState: 'overdue', checkedOn: null });

    const future = await as('own', 'POST', `/api/cases/${caseId}/consultations`, {
      ...consultation({ actionDueOn: daysFromToday(30) }),
    });
    expect(future.json<TConsultations>().consultations.map((c) => c.actionState)).toEqual([
      'overdue',
      'pending',
    ]);

    const checked = await as('own', 'PUT', `/api/consultations/${row!.id}/check`, {
      checkedOn: daysFromToday(0),
      result: 'done',
      note: '回访核实：12 家无证经营户已下架',
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json<TConsultations>().consultations[0]).toMatchObject({
      actionState: 'checked',
      checkResultLabel: '已整改到位',
    });

    const read = await as('own', 'GET', `/api/cases/${caseId}/consultations`);
    expect(read.statusCode).toBe(200);
    const actions = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, 'case'), eq(schema.auditLog.targetId, String(caseId))));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['consultation.create', 'consultation.check', 'consultation.view']),
    );
  });

  it('records a round table with its minutes, and refuses incomplete or impossible entries in Chinese', async () => {
    const caseId = await openCase('adminPublicInterest', '某企业欠缴税款国有财产保护行政公益诉讼案');
    const table = await as('own', 'POST', `/api/cases/${caseId}/consultations`, {
      kind: 'roundTable',
      heldOn: daysFromToday(-3),
      bodies: ['国家税务总局成都市成华区税务局', '区财政局', '本院'],
      topic: '欠缴税款追缴',
      minutes: '与会单位一致同意建立欠税信息共享台账，每季度通报追缴进度。',
    });
    expect(table.statusCode, table.body).toBe(200);
    const [row] = table.json<TConsultations>().consultations;
    expect(row).toMatchObject({ kindLabel: '圆桌会议', actionState: null, topic: '欠缴税款追缴' });

    const message = async (payload: unknown) => {
      const r = await as('own', 'POST', `/api/cases/${caseId}/consultations`, payload);
      expect(r.statusCode).toBe(400);
      return r.json<{ message: string }>().message;
    };
    expect(await message(consultation({ agreed: undefined }))).toBe(
      '请填写磋商达成的意见（行政机关同意采取的措施）',
    );
    expect(await message(consultation({ actionDueOn: daysFromToday(-30) }))).toContain('早于磋商日期');
    expect(await message(consultation({ heldOn: daysFromToday(2) }))).toContain(
      '晚于今天，请在诉前磋商后登记',
    );
    expect(await message({ kind: 'roundTable', heldOn: daysFromToday(-1), bodies: ['区税务局'] })).toBe(
      '请填写圆桌会议纪要',
    );
    expect(await message(consultation({ bodies: [] }))).toContain('请填写参加单位');

    const checkTable = await as('own', 'PUT', `/api/consultations/${row!.id}/check`, {
      checkedOn: daysFromToday(0),
      result: 'done',
    });
    expect(checkTable.statusCode).toBe(400);
    expect(checkTable.json<{ message: string }>().message).toBe('圆桌会议没有约定的整改事项，无需跟进核查');
  });

  it('answers a case or consultation out of reach exactly like a missing one, and refuses other case types', async () => {
    const caseId = await openCase('civilPublicInterest', '某公司销售假药民事公益诉讼案');
    const created = await as('own', 'POST', `/api/cases/${caseId}/consultations`, consultation());
    const consultationId = created.json<TConsultations>().consultations[0]!.id;

    const outOfReach = await as('other', 'GET', `/api/cases/${caseId}/consultations`);
    const missing = await as('other', 'GET', '/api/cases/999999/consultations');
    expect(outOfReach.statusCode).toBe(404);
    expect(outOfReach.json()).toEqual(missing.json());

    const check = { checkedOn: daysFromToday(0), result: 'notDone' };
    const checkOut = await as('other', 'PUT', `/api/consultations/${consultationId}/check`, check);
    const checkMissing = await as('other', 'PUT', '/api/consultations/999999/check', check);
    expect(checkOut.statusCode).toBe(404);
    expect(checkOut.json()).toEqual(checkMissing.json());
    const postOut = await as('other', 'POST', `/api/cases/${caseId}/consultations`, consultation());
    expect(postOut.statusCode).toBe(404);

    const supportCase = await as('own', 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '某甲追索劳动报酬支持起诉案',
    });
    if (supportCase.statusCode === 201) {
      const refused = await as(
        'own',
        'POST',
        `/api/cases/${supportCase.json<{ id: number }>().id}/consultations`,
        consultation(),
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ message: string }>().message).toContain('不是公益诉讼案件');
    }
  });
});
