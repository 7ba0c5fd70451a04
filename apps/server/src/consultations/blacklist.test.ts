import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type { TReferrals } from './blacklist.ts';

describe.each(testEngines())('blacklist referrals (%s)', (kind) => {
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

  const referral = {
    operatorName: '王某某',
    operatorCode: '510108198001011234',
    regulator: '成都市成华区市场监督管理局',
    referredOn: daysFromToday(-30),
    reason: '生产销售有毒有害食品被判处刑罚，属严重违法失信情形',
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    cookies.own = await loginAs(t, 'prosecutor', await departmentOf('publicInterest'));
    cookies.other = await loginAs(t, 'prosecutor', await departmentOf('civilAdministrative'));
    cookies.chief = await loginAs(t, 'chief');
  });
  afterAll(() => t?.close());

  it('records the referral, then the confirmation and the day the entry took effect, audited', async () => {
    const opened = await as('own', 'POST', '/api/cases', {
      type: 'civilPublicInterest',
      pilField: 'ecology',
      title: '王某某销售有毒有害食品民事公益诉讼案',
    });
    const caseId = opened.json<{ id: number }>().id;
    const created = await as('own', 'POST', `/api/cases/${caseId}/blacklist-referrals`, referral);
    expect(created.statusCode, created.body).toBe(200);
    const [row] = created.json<TReferrals>().referrals;
    expect(row).toMatchObject({ operatorName: '王某某', stateLabel: '待监管部门确认' });

    const early = await as('own', 'PUT', `/api/blacklist-referrals/${row!.id}/confirmation`, {
      confirmedOn: daysFromToday(-10),
      effectiveOn: daysFromToday(-12),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ message: string }>().message).toContain('早于确认日期');

    const confirmed = await as('own', 'PUT', `/api/blacklist-referrals/${row!.id}/confirmation`, {
      confirmedOn: daysFromToday(-10),
      effectiveOn: daysFromToday(-5),
      reference: '成华市监〔2026〕12号',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<TReferrals>().referrals[0]).toMatchObject({ stateLabel: '已列入黑名单' });

    // The chief reaches the case but is outside its department: the operator is masked.
    const byChief = (await as('chief', 'GET', `/api/cases/${caseId}/blacklist-referrals`)).json<TReferrals>();
    expect(byChief.referrals[0]).toMatchObject({ operatorName: '王某', operatorCode: '510108************' });
    const actions = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, 'case'), eq(schema.auditLog.targetId, String(caseId))));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'blacklistReferral.create',
        'blacklistReferral.confirm',
        'blacklistReferral.view',
      ]),
    );
  });

  it('refuses an empty reason in Chinese; out of reach answers like missing', async () => {
    const opened = await as('own', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某区食品经营监管行政公益诉讼案',
    });
    const caseId = opened.json<{ id: number }>().id;
    const empty = await as('own', 'POST', `/api/cases/${caseId}/blacklist-referrals`, {
      ...referral,
      reason: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toContain('移送理由（严重失信情形）不能为空');

    const id = (
      await as('own', 'POST', `/api/cases/${caseId}/blacklist-referrals`, referral)
    ).json<TReferrals>().referrals[0]!.id;
    const body = { confirmedOn: daysFromToday(-1), effectiveOn: daysFromToday(0) };
    const out = await as('other', 'PUT', `/api/blacklist-referrals/${id}/confirmation`, body);
    const missing = await as('other', 'PUT', '/api/blacklist-referrals/999999/confirmation', body);
    expect(out.statusCode).toBe(404);
    expect(out.json()).toEqual(missing.json());
    const read = await as('other', 'GET', `/api/cases/${caseId}/blacklist-referrals`);
    expect(read.statusCode).toBe(404);
  });
});
