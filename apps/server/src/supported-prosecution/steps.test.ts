import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { and, desc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { withCheck } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testDay } from '../testing/test-clock.ts';
import type { TSupportedProsecution } from './schema.ts';

/** The text of a .docx's body, tags removed. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

const review = {
  kind: 'eligibilityReview',
  on: testDay(-60),
  reasonKinds: ['noLegalKnowledge', 'cannotAfford', 'manyClaimants'],
  detail: '申请人均为外来务工人员，缺乏诉讼经验，无力聘请律师。',
  person: '张检察官',
  result: 'eligible',
};
const filing = {
  kind: 'courtFiling',
  on: testDay(-40),
  body: '成都市成华区人民法院',
  reference: '（2026）川0108民初1234号',
};

describe.each(testEngines())('supported prosecution: the work from review to enforcement (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const message = (response: { json: () => unknown }) => (response.json() as { message: string }).message;

  async function departmentOf(line: 'civilAdministrative' | 'publicInterest') {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!.name;
  }

  /** A 民支 case with its respondent and two workers. */
  async function openCase(title: string): Promise<{ id: number; applicantIds: number[] }> {
    const opened = await as('own', 'POST', '/api/cases', { type: 'supportedSuit', title });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<{ id: number }>().id;
    await as('own', 'PUT', `/api/cases/${id}/supported-prosecution`, {
      respondent: '某建筑劳务有限公司',
      respondentCode: '91510108MA61234567',
      claimKind: 'labourPay',
    });
    for (const [i, name] of ['侯某甲', '侯某乙'].entries()) {
      const added = await as('own', 'POST', `/api/cases/${id}/applicants`, {
        name,
        idNumber: withCheck(`51010819800101${200 + i}`),
        category: 'migrantWorker',
        claimFen: 1_700_000,
      });
      expect(added.statusCode, added.body).toBe(200);
    }
    const list = (
      await as('own', 'GET', `/api/cases/${id}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    return { id, applicantIds: list.applicants.map((a) => a.id) };
  }

  const step = (id: number, body: Record<string, unknown>, user = 'own') =>
    as(user, 'POST', `/api/cases/${id}/supported-prosecution/steps`, body);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    cookies.own = await loginAs(t, 'prosecutor', await departmentOf('civilAdministrative'));
    cookies.other = await loginAs(t, 'prosecutor', await departmentOf('publicInterest'));
    cookies.chief = await loginAs(t, 'chief');
  });
  afterAll(() => t?.close());

  it('takes clues from the labour bureau and the legal-aid office as sources of their own', async () => {
    for (const [source, label] of [
      ['labourBureau', '人社部门移送'],
      ['legalAidAgency', '法律援助机构移送'],
    ]) {
      const response = await as('own', 'POST', '/api/clues', {
        source,
        title: `某建筑劳务公司拖欠17名农民工工资（${label}）`,
        description: '区人社局移送：某建筑劳务公司拖欠侯某等17人工资29万余元，经劳动监察未果',
        parties: [{ kind: 'organisation', name: '某建筑劳务有限公司' }],
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<{ clue: { sourceLabel: string } }>().clue.sourceLabel).toBe(label);
    }
  });

  it('records review, legal aid, evidence, filing, settlement and enforcement in order, on the timeline', async () => {
    const { id, applicantIds } = await openCase('侯某等2人追索劳动报酬支持起诉案');
    const first = await step(id, review);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<TSupportedProsecution>().nextSteps).toEqual([
      'eligibilityReview',
      'legalAidReferral',
      'evidenceCollection',
      'courtFiling',
      'mediation',
    ]);
    for (const body of [
      { kind: 'legalAidReferral', on: testDay(-55), body: '成华区法律援助中心', result: 'aidGranted' },
      {
        kind: 'evidenceCollection',
        on: testDay(-50),
        applicantIds: [applicantIds[0]],
        detail: '调取考勤表、工资欠条',
      },
      filing,
      { kind: 'mediation', on: testDay(-30), result: 'settled', detail: '被告分两期支付' },
      { kind: 'enforcement', on: testDay(-10), result: 'enforced' },
    ]) {
      const response = await step(id, body);
      expect(response.statusCode, response.body).toBe(200);
    }
    const support = (
      await as('own', 'GET', `/api/cases/${id}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(support.steps.map((s) => [s.kindLabel, s.resultLabel])).toEqual([
      ['支持起诉条件审查', '符合支持起诉条件'],
      ['转介法律援助', '已指派律师'],
      ['协助收集证据', null],
      ['起诉立案', null],
      ['调解（和解）', '达成调解（和解）协议'],
      ['申请执行', '执行完毕'],
    ]);
    expect(support.steps[0]!.reasonLabels).toContain('人数众多的群体性纠纷');
    expect(support.steps[2]!.applicantIds).toEqual([applicantIds[0]]);
    // Settled: no judgment, no second filing.
    expect(support.nextSteps).toEqual([
      'eligibilityReview',
      'legalAidReferral',
      'evidenceCollection',
      'enforcement',
    ]);

    const detail = (await as('own', 'GET', `/api/cases/${id}`)).json<TCaseDetail>();
    const notes = detail.timeline.map((e) => e.note ?? '');
    expect(notes).toContain('起诉立案：成都市成华区人民法院，（2026）川0108民初1234号');
    expect(notes).toContain('调解（和解）：达成调解（和解）协议');
  });

  it('refuses a step out of order, and a date before the previous step naming both dates', async () => {
    const { id, applicantIds } = await openCase('侯某等2人追索劳动报酬支持起诉案（二）');
    const early = await step(id, filing);
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe('请先记录支持起诉条件审查，再记录起诉立案');

    await step(id, review);
    const noFiling = await step(id, { kind: 'judgment', on: testDay(-5), result: 'upheld' });
    expect(noFiling.statusCode).toBe(400);
    expect(message(noFiling)).toBe('尚未起诉立案，不能记录判决');

    await step(id, filing);
    const backdated = await step(id, { kind: 'judgment', on: testDay(-45), result: 'upheld' });
    expect(backdated.statusCode).toBe(400);
    expect(message(backdated)).toBe(
      `判决日期 ${testDay(-45)} 早于起诉立案的立案日期 ${testDay(-40)}，请核对日期`,
    );
    const future = await step(id, { kind: 'judgment', on: testDay(1), result: 'upheld' });
    expect(message(future)).toBe(`判决的日期 ${testDay(1)} 晚于今天`);
    const twice = await step(id, { ...filing, on: testDay(-20) });
    expect(message(twice)).toBe(`本案已于 ${testDay(-40)} 起诉立案，不能重复记录`);
    const stranger = await step(id, {
      kind: 'evidenceCollection',
      on: testDay(-20),
      applicantIds: [applicantIds[0], 999_999],
      detail: '调取银行流水',
    });
    expect(message(stranger)).toBe('所选申请人不在本案申请人名单中');

    const judged = await step(id, { kind: 'judgment', on: testDay(-20), result: 'upheld' });
    expect(judged.statusCode, judged.body).toBe(200);
    const support = (
      await as('own', 'GET', `/api/cases/${id}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(support.steps.map((s) => s.kind)).toEqual(['eligibilityReview', 'courtFiling', 'judgment']);
  });

  it('stops the work after a review that found the party not eligible', async () => {
    const { id } = await openCase('某某追索劳动报酬支持起诉案（不符合）');
    await step(id, { ...review, result: 'ineligible', detail: '申请人已委托律师' });
    const refused = await step(id, {
      kind: 'legalAidReferral',
      on: testDay(-30),
      body: '法律援助中心',
      result: 'aidPending',
    });
    expect(message(refused)).toBe(`${testDay(-60)} 的审查结论为不符合支持起诉条件，不能记录转介法律援助`);
    const opinion = await as('own', 'GET', `/api/cases/${id}/supported-prosecution/opinion.docx`);
    expect(opinion.statusCode).toBe(400);
  });

  it('prints the support opinion with every applicant and full ID number, for the case department only', async () => {
    const { id } = await openCase('侯某等2人追索劳动报酬支持起诉案（三）');
    const beforeReview = await as('own', 'GET', `/api/cases/${id}/supported-prosecution/opinion.docx`);
    expect(beforeReview.statusCode).toBe(400);
    expect(message(beforeReview)).toBe('支持起诉条件审查结论为符合条件后，才能生成支持起诉意见书');
    await step(id, review);
    await step(id, filing);

    const response = await as('own', 'GET', `/api/cases/${id}/supported-prosecution/opinion.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('filename*=UTF-8');
    const text = await docxText(response.rawPayload);
    expect(text).toContain('支持起诉意见书');
    expect(text).toContain('成都市成华区人民法院：');
    expect(text).toContain('侯某甲');
    expect(text).toContain('侯某乙');
    expect(text).toContain(withCheck('51010819800101200'));
    expect(text).toContain('请求金额合计 34,000.00 元');
    expect(text).toContain('《中华人民共和国民事诉讼法》第十五条');

    const [entry] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'supportedProsecution.generateOpinion'),
          eq(schema.auditLog.targetId, String(id)),
        ),
      )
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect((entry!.detail as { applicantIds: number[] }).applicantIds).toHaveLength(2);
    const detail = (await as('own', 'GET', `/api/cases/${id}`)).json<TCaseDetail>();
    expect(detail.timeline.filter((e) => e.kind === 'supportOpinion')).toHaveLength(1);

    // The chief reaches the case but not the full ID numbers.
    const chief = await as('chief', 'GET', `/api/cases/${id}/supported-prosecution/opinion.docx`);
    expect(chief.statusCode).toBe(403);
    expect(message(chief)).toBe('支持起诉意见书载有申请人完整身份证号，仅由本案承办部门生成');
  });

  it('answers another department as if the case did not exist', async () => {
    const { id } = await openCase('侯某等2人追索劳动报酬支持起诉案（四）');
    await step(id, review);
    // An applicant of another case is answered like an applicant nobody has.
    const elsewhere = await openCase('侯某等2人追索劳动报酬支持起诉案（五）');
    const evidence = (applicantIds: number[]) =>
      step(id, { kind: 'evidenceCollection', on: testDay(-20), applicantIds, detail: '调取工资表' });
    const [foreignApplicant, noApplicant] = await Promise.all([
      evidence([elsewhere.applicantIds[0]!]),
      evidence([99_999_999]),
    ]);
    expect(foreignApplicant.statusCode).toBe(400);
    expect(foreignApplicant.json()).toEqual(noApplicant.json());
    const missingStep = await step(99_999_999, review, 'other');
    const foreignStep = await step(id, filing, 'other');
    expect(foreignStep.statusCode).toBe(404);
    expect(foreignStep.json()).toEqual(missingStep.json());
    const missingDoc = await as('other', 'GET', '/api/cases/99999999/supported-prosecution/opinion.docx');
    const foreignDoc = await as('other', 'GET', `/api/cases/${id}/supported-prosecution/opinion.docx`);
    expect(foreignDoc.statusCode).toBe(404);
    expect(foreignDoc.json()).toEqual(missingDoc.json());
    const support = (
      await as('own', 'GET', `/api/cases/${id}/supported-prosecution`)
    ).json<TSupportedProsecution>();
    expect(support.steps).toHaveLength(1);
  });
});
