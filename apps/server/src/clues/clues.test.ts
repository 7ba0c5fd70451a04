import { testEngines } from '@procura/db/testing';
import { chinaYear } from '@procura/domain/china-time';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock, testNow } from '../testing/test-clock.ts';
import type { TClueDetail, TClueList, TClueTransfer, TPossibleDuplicate, TSentClueList } from './schema.ts';

const year = chinaYear(testNow);
const subsidyFraud = {
  source: 'selfDiscovered',
  title: '某街道办工作人员虚报冒领低保补贴',
  description: '办理诈骗案件中发现，某街道办工作人员为服刑人员虚报冒领城乡低保补贴，国有财产受损',
  parties: [
    { kind: 'organisation', name: '成华区某街道办事处' },
    { kind: 'person', name: '张某', idNumber: '11010519491231002x' },
  ],
};

/**
 * The same subsidy-fraud clue about a street office and a person of its own (`n`, unique per test
 * in this file), so that no test's duplicates or lists see another test's clue.
 */
const fraud = (n: number) => {
  const first17 = `11010519491231${String(n).padStart(3, '0')}`;
  const idNumber = `${first17}${idCheckCharacter(first17)}`;
  const organisation = `成华区第${n}街道办事处`;
  return {
    idNumber,
    organisation,
    body: {
      ...subsidyFraud,
      parties: [
        { kind: 'organisation', name: organisation },
        { kind: 'person', name: '张某', idNumber },
      ],
    },
  };
};

describe.each(testEngines())('clues (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const departments = new Map<string, number>();

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of ['chief', 'head5', 'prosecutor1', 'assistant5', 'analyst', 'admin', 'clerk6']) {
      cookies[user] = await t.login(user);
    }
    const list = (await as('chief', 'GET', '/api/departments')).json<{ id: number; name: string }[]>();
    for (const d of list) departments.set(d.name, d.id);
  });
  afterAll(() => t?.close());

  /** 第一检察部 registers the clue and transfers it to 第五检察部. */
  const transferred = async (n: number) => {
    const registered = await as('prosecutor1', 'POST', '/api/clues', fraud(n).body);
    expect(registered.statusCode, registered.body).toBe(201);
    const sentClueId = registered.json<{ clue: TClueDetail }>().clue.id;
    const response = await as('prosecutor1', 'POST', `/api/clues/${sentClueId}/decision`, {
      decision: 'transfer',
      transfer: {
        toDepartmentId: departments.get('第五检察部'),
        reason: '涉及国有财产保护，属公益诉讼检察职能',
        pilField: 'stateProperty',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const sent = response.json<TClueDetail>();
    return { sentClueId, sent, receivedClueId: sent.transfers[0]!.receivedClueId! };
  };
  /** …and head5 opens an adminPublicInterest case on the received clue. */
  const opened = async (n: number) => {
    const chain = await transferred(n);
    const response = await as('head5', 'POST', `/api/clues/${chain.receivedClueId}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
    });
    expect(response.statusCode, response.body).toBe(200);
    const clue = response.json<TClueDetail>();
    return { ...chain, clue, caseId: clue.case!.id, caseNumber: clue.case!.caseNumber };
  };
  /** …and records 1,190,000 yuan of state assets recovered on it. */
  const withOutcome = async (n: number) => {
    const chain = await opened(n);
    const response = await as('head5', 'POST', `/api/cases/${chain.caseId}/outcomes`, {
      kind: 'stateAssetsRecovered',
      amountFen: 119000000,
    });
    expect(response.statusCode, response.body).toBe(200);
    return { ...chain, outcome: response.json<TCaseDetail>() };
  };
  /** The highest 成华检公益立〔year〕N号 so far (0 if none): the next case opened is N + 1. */
  const lastCaseSeq = async () => {
    const prefix = `成华检公益立〔${year}〕`;
    const list = (await as('chief', 'GET', `/api/cases?q=${encodeURIComponent(prefix)}&pageSize=200`)).json<{
      items: { caseNumber: string }[];
      total: number;
    }>();
    expect(list.total).toBeLessThanOrEqual(200);
    const seqs = list.items
      .map((c) => /^成华检公益立〔\d+〕(\d+)号$/.exec(c.caseNumber)?.[1])
      .filter(Boolean);
    return Math.max(0, ...seqs.map(Number));
  };

  it('the criminal department registers a subsidy-fraud clue', async () => {
    const response = await as('prosecutor1', 'POST', '/api/clues', subsidyFraud);
    expect(response.statusCode, response.body).toBe(201);
    const { clue, possibleDuplicates } = response.json<{
      clue: TClueDetail;
      possibleDuplicates: unknown[];
    }>();
    // The prosecutor registering it is its 承办人 from the start, so it is being assessed.
    expect(clue).toMatchObject({ status: 'assessing', statusLabel: '评估中', sourceLabel: '自行发现' });
    expect(clue.department.name).toBe('第一检察部');
    expect(clue.parties).toContainEqual({ kind: 'person', name: '张某', idNumber: '11010519491231002X' });
    expect(possibleDuplicates).toEqual([]);
    // 收到时间 is the server's (here the test clock's) time, whatever the database's clock says.
    expect(clue.receivedAt).toBe(testNow.toISOString());
  });

  it('transfers it to 第五检察部, which receives it as 刑检移送', async () => {
    const { sent, receivedClueId } = await transferred(11);
    expect(sent.status).toBe('transferred');
    expect(sent.transfers).toHaveLength(1);
    expect(sent.transfers[0]!.toDepartment?.name).toBe('第五检察部');

    const received = (await as('head5', 'GET', `/api/clues/${receivedClueId}`)).json<TClueDetail>();
    expect(received.receivedAt).toBe(testNow.toISOString());
    expect(received).toMatchObject({
      source: 'criminalTransfer',
      sourceLabel: '刑检移送',
      status: 'pending',
    });
    expect(received.receivedFrom?.fromDepartment.name).toBe('第一检察部');
    expect(received.parties).toHaveLength(2);

    const list = (
      await as('head5', 'GET', '/api/clues?source=criminalTransfer&pageSize=200')
    ).json<TClueList>();
    expect(list.items.map((c) => c.id)).toContain(receivedClueId);
    expect(list.items.every((c) => c.source === 'criminalTransfer')).toBe(true);
  });

  it('a decided clue cannot be decided again', async () => {
    const { sentClueId } = await transferred(12);
    const again = await as('prosecutor1', 'POST', `/api/clues/${sentClueId}/decision`, {
      decision: 'decline',
      reason: '重复处置',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe('线索已移送，不能再处置');
  });

  it(`head5 opens an adminPublicInterest case numbered 成华检公益立〔${year}〕N号, the next number`, async () => {
    const before = await lastCaseSeq();
    const { clue, caseId, receivedClueId } = await opened(13);
    expect(clue.status).toBe('opened');
    expect(clue.case?.caseNumber).toBe(`成华检公益立〔${year}〕${before + 1}号`);
    expect(clue.receivedFrom?.receivedBy).toBe('陈敏（演示）');

    const theCase = (await as('head5', 'GET', `/api/cases/${caseId}`)).json<TCaseDetail>();
    expect(theCase).toMatchObject({
      typeLabel: '行政公益诉讼',
      stage: 'investigation',
      stageLabel: '立案调查',
    });
    expect(theCase.handler?.name).toBe('陈敏（演示）');
    expect(theCase.clues).toEqual([
      { id: receivedClueId, title: subsidyFraud.title, sourceLabel: '刑检移送', department: '第五检察部' },
    ]);
    expect(theCase.timeline.map((e) => e.kind)).toEqual(['caseOpened']);
  });

  it('records 1,190,000 yuan of state assets recovered', async () => {
    const theCase = (await withOutcome(14)).outcome;
    expect(theCase.outcomes).toMatchObject([
      { kind: 'stateAssetsRecovered', amountFen: 119000000, text: '1,190,000.00 元' },
    ]);
    expect(theCase.timeline.at(-1)).toMatchObject({
      kind: 'outcomeRecorded',
      note: '追回国有财产：1,190,000.00 元',
    });
  });

  it('the first department sees what became of its clue: the case and the amount', async () => {
    const { sentClueId, receivedClueId, caseId, caseNumber } = await withOutcome(15);
    const response = await as('prosecutor1', 'GET', '/api/clues/sent?pageSize=200');
    expect(response.statusCode, response.body).toBe(200);
    const { items, total } = response.json<TSentClueList>();
    expect(total).toBeLessThanOrEqual(200);
    const mine = items.filter((i) => i.clue.id === sentClueId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      clue: { id: sentClueId },
      received: { clueId: receivedClueId, status: 'opened', statusLabel: '已立案' },
      case: {
        id: caseId,
        caseNumber,
        typeLabel: '行政公益诉讼',
        closed: false,
      },
      outcomes: [{ label: '追回国有财产', amountFen: 119000000, text: '1,190,000.00 元' }],
      recoveredFen: 119000000,
    });
    expect(caseNumber).toMatch(new RegExp(`^成华检公益立〔${year}〕\\d+号$`));
    expect(mine[0]!.transfer.receivedAt).not.toBeNull();
    // The feedback is there; the receiving department's case itself is not.
    expect((await as('prosecutor1', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await as('prosecutor1', 'GET', `/api/clues/sent?departmentId=${departments.get('第五检察部')}`))
        .statusCode,
    ).toBe(403);
  });

  it('every change is in the audit log', async () => {
    const { sentClueId, caseId } = await withOutcome(16);
    const clueAudit = (await as('chief', 'GET', `/api/audit?targetType=clue&targetId=${sentClueId}`)).json<{
      items: { action: string }[];
    }>();
    expect(clueAudit.items.map((i) => i.action).sort()).toEqual(['clue.create', 'clue.transfer']);
    const caseAudit = (await as('chief', 'GET', `/api/audit?targetType=case&targetId=${caseId}`)).json<{
      items: { action: string; actionLabel: string }[];
    }>();
    expect(caseAudit.items.map((i) => i.actionLabel).sort()).toEqual(['立案', '记录办案成效']);
    expect((await as('chief', 'GET', '/api/audit/verify')).json<{ ok: boolean }>().ok).toBe(true);
  });

  it('flags the same id number in an open case, without merging', async () => {
    const { caseId, caseNumber } = await opened(17);
    const { idNumber } = fraud(17);
    const response = await as('assistant5', 'POST', '/api/clues', {
      source: 'publicReport',
      pilField: 'pensionSubsistenceFunds',
      title: '群众举报张某冒领补贴',
      description: '举报人称张某服刑期间仍领取补贴',
      parties: [{ kind: 'person', name: '张某', idNumber }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { clue, possibleDuplicates } = response.json<{
      clue: TClueDetail;
      possibleDuplicates: TPossibleDuplicate[];
    }>();
    expect(possibleDuplicates).toEqual([
      {
        kind: 'case',
        id: caseId,
        caseNumber,
        department: '第五检察部',
        reason: `同一公民身份号码（张某，${idNumber}）`,
      },
    ]);
    expect(clue.status).toBe('pending');
    expect(clue.possibleDuplicates).toEqual(possibleDuplicates);
  });

  it('flags the same organisation with a similar description, not a different one', async () => {
    await opened(18);
    const { organisation } = fraud(18);
    const similar = await as('head5', 'POST', '/api/clues', {
      source: 'media',
      pilField: 'other',
      title: '媒体报道街道办低保补贴问题',
      description: '某街道办工作人员为服刑人员虚报冒领低保补贴',
      parties: [{ kind: 'organisation', name: organisation }],
    });
    const flagged = similar.json<{ possibleDuplicates: TPossibleDuplicate[] }>().possibleDuplicates;
    expect(flagged.map((d) => d.reason)).toEqual([`同一单位「${organisation}」且线索内容相似`]);

    const unrelated = await as('head5', 'POST', '/api/clues', {
      source: 'media',
      pilField: 'other',
      title: '街道办辖区河道垃圾',
      description: '辖区河道两岸堆放建筑垃圾，影响行洪',
      parties: [{ kind: 'organisation', name: organisation }],
    });
    expect(unrelated.json<{ possibleDuplicates: unknown[] }>().possibleDuplicates).toEqual([]);
  });

  it('refuses a wrong id number, naming the party', async () => {
    const response = await as('prosecutor1', 'POST', '/api/clues', {
      ...subsidyFraud,
      parties: [{ kind: 'person', name: '李某', idNumber: '110105194912310021' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toBe(
      '字段 parties.0.idNumber（李某）：身份证号校验位不正确（应为 X）',
    );
  });

  it('transfers to an outside body, then records its receipt and feedback', async () => {
    const { sentClueId: internalClueId } = await transferred(19);
    const { clue } = (await as('prosecutor1', 'POST', '/api/clues', { ...subsidyFraud, parties: [] })).json<{
      clue: TClueDetail;
    }>();
    const sent = (
      await as('prosecutor1', 'POST', `/api/clues/${clue.id}/decision`, {
        decision: 'transfer',
        transfer: { toOutsideBody: '成都市成华区民政局', reason: '属民政部门职责' },
      })
    ).json<TClueDetail>();
    const transferId = sent.transfers[0]!.id;
    const response = await as('prosecutor1', 'POST', `/api/clue-transfers/${transferId}/feedback`, {
      receivedAt: '2026-03-02T10:00:00+08:00',
      receivedBy: '王某',
      feedback: '已责令停发并追回',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TClueTransfer>()).toMatchObject({
      toOutsideBody: '成都市成华区民政局',
      receivedBy: '王某',
      feedback: '已责令停发并追回',
    });
    const other = await as('head5', 'POST', `/api/clue-transfers/${transferId}/feedback`, {
      feedback: '越权',
    });
    expect(other.statusCode).toBe(404);
    const internal = (await as('prosecutor1', 'GET', '/api/clues/sent?pageSize=200'))
      .json<TSentClueList>()
      .items.find((i) => i.clue.id === internalClueId)!;
    expect(internal.transfer.toDepartment).toBeTruthy();
    const refused = await as('prosecutor1', 'POST', `/api/clue-transfers/${internal.transfer.id}/feedback`, {
      feedback: 'x',
    });
    expect(refused.statusCode).toBe(409);
  });

  it('declines with a reason; lists filter by status and free text', async () => {
    const { idNumber } = fraud(20);
    await transferred(20);
    const { clue: pending } = (
      await as('head5', 'POST', '/api/clues', {
        source: 'publicReport',
        pilField: 'other',
        title: '群众举报张某冒领补贴',
        description: '举报人称张某服刑期间仍领取补贴',
        parties: [{ kind: 'person', name: '张某', idNumber }],
      })
    ).json<{ clue: TClueDetail }>();
    const { clue } = (
      await as('head5', 'POST', '/api/clues', {
        source: 'publicReport',
        pilField: 'other',
        title: '小区噪音扰民',
        description: '夜间施工噪音',
      })
    ).json<{ clue: TClueDetail }>();
    const declined = await as('head5', 'POST', `/api/clues/${clue.id}/decision`, {
      decision: 'decline',
      reason: '属民事纠纷，不属公益诉讼范围',
    });
    expect(declined.json<TClueDetail>()).toMatchObject({
      status: 'declined',
      declineReason: '属民事纠纷，不属公益诉讼范围',
    });
    const byStatus = (await as('head5', 'GET', '/api/clues?status=declined&pageSize=200')).json<TClueList>();
    expect(byStatus.items.map((c) => c.id)).toContain(clue.id);
    expect(byStatus.items.map((c) => c.id)).not.toContain(pending.id);
    expect(byStatus.items.every((c) => c.status === 'declined')).toBe(true);
    const byText = (await as('head5', 'GET', `/api/clues?q=${encodeURIComponent('噪音')}`)).json<TClueList>();
    expect(byText.total).toBe(1);
    // The received copy of the transferred clue and the report, both naming the same person.
    const byParty = (await as('head5', 'GET', `/api/clues?q=${idNumber}&pageSize=1`)).json<TClueList>();
    expect(byParty.total).toBe(2);
    expect(byParty.items).toHaveLength(1);
  });

  it('scopes clues by department; analysts only register; admin sees none', async () => {
    const { receivedClueId } = await transferred(21);
    const fifth = (await as('prosecutor1', 'GET', '/api/clues')).json<TClueList>();
    expect(fifth.items.every((c) => c.department.name === '第一检察部')).toBe(true);
    expect((await as('prosecutor1', 'GET', `/api/clues/${receivedClueId}`)).statusCode).toBe(404);
    expect((await as('clerk6', 'GET', '/api/clues')).json<TClueList>().total).toBe(0);
    const all = (await as('chief', 'GET', '/api/clues')).json<TClueList>();
    expect(all.total).toBeGreaterThan(fifth.total);

    const byModel = await as('analyst', 'POST', '/api/clues', {
      source: 'dataModel',
      pilField: 'pensionSubsistenceFunds',
      title: '服刑人员领取低保模型命中（已人工复核）',
      description: '模型命中并经人工复核',
      departmentId: departments.get('第五检察部'),
    });
    expect(byModel.statusCode, byModel.body).toBe(201);
    expect((await as('analyst', 'GET', '/api/clues')).statusCode).toBe(403);
    expect((await as('admin', 'GET', '/api/clues')).statusCode).toBe(403);
    const elsewhere = await as('prosecutor1', 'POST', '/api/clues', {
      ...subsidyFraud,
      departmentId: departments.get('第五检察部'),
    });
    expect(elsewhere.statusCode).toBe(403);
  });
});
