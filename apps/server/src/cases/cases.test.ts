import { testEngines } from '@procura/db/testing';
import { chinaYear } from '@procura/domain/china-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay, testNow } from '../testing/test-clock.ts';
import type { TCaseDetail, TCaseList } from './schema.ts';

const year = chinaYear(testNow);

describe.each(testEngines())('cases (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();
  let caseId: number;

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const message = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of [
      'chief',
      'deputy',
      'head5',
      'prosecutor1',
      'assistant5',
      'clerk6',
      'analyst',
      'admin',
    ]) {
      cookies[user] = await t.login(user);
    }
    const list = (await as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>();
    for (const d of list) departments.set(d.name, d.id);
    const opened = await as('head5', 'POST', '/api/cases', {
      type: 'adminPublicInterest',
      pilField: 'ecology',
      title: '某河道污染行政公益诉讼案',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json<TCaseDetail>().id;
  });
  afterAll(() => t?.close());

  it('20 concurrent openings get 20 distinct consecutive numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('deputy', 'POST', '/api/cases', {
          type: 'nonLitigationEnforcement',
          title: `非诉执行监督案 ${i + 1}`,
          departmentId: departments.get('第四检察部'),
        }),
      ),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    const numbers = responses.map((r) => r.json<TCaseDetail>().caseNumber);
    const seqs = numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers).toContain(`成华检行执立〔${year}〕20号`);
    // A refused opening takes no number: the next one is 21.
    const refused = await as('deputy', 'POST', '/api/cases', {
      type: 'nonLitigationEnforcement',
      title: '错误部门',
      departmentId: departments.get('第五检察部'),
    });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toBe(
      '行政非诉执行监督案件由民事行政检察部门办理，第五检察部（公益诉讼检察）不能立此类案件',
    );
    const next = await as('deputy', 'POST', '/api/cases', {
      type: 'nonLitigationEnforcement',
      title: '下一件',
      departmentId: departments.get('第四检察部'),
    });
    expect(next.json<TCaseDetail>().caseNumber).toBe(`成华检行执立〔${year}〕21号`);
  });

  it('numbers are per series: public-interest cases count on their own', async () => {
    const theCase = (await as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(theCase.caseNumber).toBe(`成华检公益立〔${year}〕1号`);
    const civil = await as('head5', 'POST', '/api/cases', {
      type: 'civilPublicInterest',
      pilField: 'ecology',
      title: '某食品安全民事公益诉讼案',
    });
    expect(civil.json<TCaseDetail>().caseNumber).toBe(`成华检公益立〔${year}〕2号`);
  });

  it('a forbidden transition → 400 naming the allowed stages', async () => {
    const response = await as('head5', 'POST', `/api/cases/${caseId}/transitions`, { to: 'closed' });
    expect(response.statusCode).toBe(400);
    expect(message(response)).toBe(
      '行政公益诉讼案件不能从「立案调查」转到「结案」；可转到：「诉前程序」、「终结」',
    );
  });

  it('a transition without its records → 400 naming what is missing; with them it passes', async () => {
    const refused = await as('head5', 'POST', `/api/cases/${caseId}/transitions`, { to: 'preLitigation' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      code: 'VALIDATION',
      message: '从「立案调查」转到「诉前程序」前须先记录：「调查终结报告」',
      missing: ['investigationReport'],
    });
    const recorded = await as('assistant5', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'investigationReport',
      note: '调查终结，建议制发诉前检察建议',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json<TCaseDetail>().nextStages[0]).toEqual({
      to: 'preLitigation',
      label: '诉前程序',
      missing: [],
    });
    const moved = await as('head5', 'POST', `/api/cases/${caseId}/transitions`, {
      to: 'preLitigation',
      note: '拟发建议',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const theCase = moved.json<TCaseDetail>();
    expect(theCase.stageLabel).toBe('诉前程序');
    expect(theCase.timeline.map((e) => e.label)).toEqual(['立案', '调查终结报告', '阶段变更']);
    expect(theCase.timeline.at(-1)?.note).toBe('立案调查 → 诉前程序：拟发建议');
  });

  it('refuses system events, future dates and wrong outcome measures', async () => {
    const system = await as('head5', 'POST', `/api/cases/${caseId}/events`, { kind: 'caseOpened' });
    expect(message(system)).toBe('「立案」由系统自动记录，不能手工添加');
    const future = await as('head5', 'POST', `/api/cases/${caseId}/events`, {
      kind: 'suggestionIssued',
      at: new Date(testNow.getTime() + 86_400_000).toISOString(),
    });
    expect(message(future)).toBe('字段 at：事项时间不能晚于当前时间');
    const noAmount = await as('head5', 'POST', `/api/cases/${caseId}/outcomes`, {
      kind: 'wagesRecovered',
      count: 3,
    });
    expect(noAmount.statusCode).toBe(400);
    expect(message(noAmount)).toContain('须填写金额');
    const people = await as('head5', 'POST', `/api/cases/${caseId}/outcomes`, {
      kind: 'peopleHelped',
      count: 17,
    });
    expect(people.json<TCaseDetail>().outcomes.at(-1)?.text).toBe('17 人');
  });

  it('adminDisputeResolution needs a phase', async () => {
    const body = {
      type: 'adminDisputeResolution',
      title: '某征收补偿行政争议化解案',
      departmentId: departments.get('第四检察部'),
    };
    const missing = await as('chief', 'POST', '/api/cases', body);
    expect(message(missing)).toContain('须选择所处阶段');
    const ok = await as('chief', 'POST', '/api/cases', { ...body, phase: 'inLitigation' });
    expect(ok.json<TCaseDetail>()).toMatchObject({
      phaseLabel: '诉中',
      caseNumber: `成华检行化立〔${year}〕1号`,
    });
  });

  it("another department's staff get 404; roles without the action get 403", async () => {
    for (const user of ['prosecutor1', 'clerk6']) {
      expect((await as(user, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
      expect(
        (await as(user, 'POST', `/api/cases/${caseId}/events`, { kind: 'note', note: 'x' })).statusCode,
      ).toBe(404);
    }
    expect(
      (await as('prosecutor1', 'POST', `/api/cases/${caseId}/transitions`, { to: 'followUp' })).statusCode,
    ).toBe(404);
    const mine = (await as('prosecutor1', 'GET', '/api/cases')).json<TCaseList>();
    expect(mine.total).toBe(0);
    for (const user of ['admin', 'analyst'])
      expect((await as(user, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(403);
    expect(
      (await as('assistant5', 'POST', `/api/cases/${caseId}/transitions`, { to: 'followUp' })).statusCode,
    ).toBe(403);
    const elsewhere = await as('prosecutor1', 'POST', '/api/cases', {
      type: 'adminViolation',
      title: '越部门立案',
      departmentId: departments.get('第四检察部'),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('lists filter by type, department, state and text; the chief sees every department', async () => {
    const all = (await as('chief', 'GET', '/api/cases?pageSize=5')).json<TCaseList>();
    expect(all.total).toBe(24);
    expect(all.items).toHaveLength(5);
    const pil = (await as('head5', 'GET', '/api/cases?type=adminPublicInterest')).json<TCaseList>();
    expect(pil.items.map((c) => c.id)).toEqual([caseId]);
    const byText = (await as('head5', 'GET', `/api/cases?q=${encodeURIComponent('河道')}`)).json<TCaseList>();
    expect(byText.total).toBe(1);
    const fourth = (
      await as('deputy', 'GET', `/api/cases?departmentId=${departments.get('第四检察部')}&open=true`)
    ).json<TCaseList>();
    expect(fourth.total).toBe(22);
    const today = testDay(0);
    const dated = (await as('chief', 'GET', `/api/cases?from=${today}&to=${today}`)).json<TCaseList>();
    expect(dated.total).toBe(24);
  });

  it('a minimal request by an allowed role is neither 401 nor 403 on every new route', async () => {
    const requests: [string, 'GET' | 'POST', string, unknown?][] = [
      ['assistant5', 'GET', '/api/clues'],
      ['assistant5', 'GET', '/api/clues/sent'],
      ['assistant5', 'GET', '/api/clues/999999'],
      [
        'analyst',
        'POST',
        '/api/clues',
        { source: 'dataModel', title: '模型命中', description: '复核后登记', departmentId: 1 },
      ],
      ['prosecutor1', 'POST', '/api/clues/999999/decision', { decision: 'decline', reason: '不存在' }],
      ['prosecutor1', 'POST', '/api/clue-transfers/999999/feedback', { feedback: '无' }],
      ['clerk6', 'GET', '/api/cases'],
      ['clerk6', 'GET', `/api/cases/${caseId}`],
      [
        'head5',
        'POST',
        '/api/cases',
        { type: 'adminPublicInterest', pilField: 'ecology', title: '最小请求' },
      ],
      ['head5', 'POST', `/api/cases/${caseId}/transitions`, { to: 'followUp' }],
      ['assistant5', 'POST', `/api/cases/${caseId}/events`, { kind: 'note' }],
      ['assistant5', 'POST', `/api/cases/${caseId}/outcomes`, { kind: 'peopleHelped', count: 1 }],
    ];
    for (const [user, method, url, payload] of requests) {
      const response = await as(user, method, url, payload);
      expect([401, 403], `${user} ${method} ${url}: ${response.body}`).not.toContain(response.statusCode);
    }
  });
});
