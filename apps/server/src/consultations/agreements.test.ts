import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { addMonths } from '@procura/domain/pil-mechanisms';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';
import type { TAgreement, TAgreementList, TCaseAgreement, TClueAgreement } from './agreement-schema.ts';

describe.each(testEngines())('cooperation agreements (%s)', (kind) => {
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

  const memo = (extra: Record<string, unknown> = {}) => ({
    title: '关于建立生态环境修复司法工作协作机制的合作备忘录',
    bodies: ['成都市成华区人民法院', '成都市成华区公安分局', '区生态环境局', '区自然资源局'],
    mechanisms: ['infoSharing', 'clueTransfer', 'jointMeeting'],
    signedOn: daysFromToday(-200),
    meetingEveryMonths: 3,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    cookies.own = await loginAs(t, 'prosecutor', await departmentOf('publicInterest'));
    cookies.other = await loginAs(t, 'prosecutor', await departmentOf('civilAdministrative'));
  });
  afterAll(() => t?.close());

  it('shows the next joint meeting, overdue until one is held, then moved on by the interval', async () => {
    const created = await as('own', 'POST', '/api/cooperation-agreements', memo());
    expect(created.statusCode, created.body).toBe(200);
    const agreement = created.json<TAgreement>();
    expect(agreement.mechanismLabels).toEqual(['信息共享', '线索移送', '联席会议']);
    expect(agreement.nextMeetingOn).toBe(addMonths(daysFromToday(-200), 3));
    expect(agreement.meetingOverdue).toBe(true);

    const held = await as('own', 'POST', `/api/cooperation-agreements/${agreement.id}/meetings`, {
      heldOn: daysFromToday(-10),
      minutes: '通报本季度移送线索 4 件，商定联合开展河道巡查。',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json<TAgreement>()).toMatchObject({
      nextMeetingOn: addMonths(daysFromToday(-10), 3),
      meetingOverdue: false,
    });
    const list = (await as('own', 'GET', '/api/cooperation-agreements')).json<TAgreementList>();
    expect(list.items.map((a) => a.id)).toContain(agreement.id);
    const audit = await t.database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.targetType, 'cooperationAgreement'),
          eq(schema.auditLog.targetId, String(agreement.id)),
        ),
      );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cooperationAgreement.create', 'cooperationAgreement.addMeeting']),
    );
  });

  it('refuses incomplete agreements in Chinese', async () => {
    const message = async (payload: unknown) => {
      const r = await as('own', 'POST', '/api/cooperation-agreements', payload);
      expect(r.statusCode).toBe(400);
      return r.json<{ message: string }>().message;
    };
    expect(await message(memo({ mechanisms: [] }))).toContain('请选择至少一项协作机制');
    expect(await message(memo({ bodies: [] }))).toContain('请填写会签单位');
    expect(await message(memo({ mechanisms: ['infoSharing'] }))).toBe(
      '约定了联席会议周期，协作机制应包含“联席会议”',
    );
    expect(await message(memo({ signedOn: daysFromToday(1) }))).toContain('晚于今天');
  });

  it('lets a case cite an agreement; other departments get 404 for the agreement and the case alike', async () => {
    const agreement = (await as('own', 'POST', '/api/cooperation-agreements', memo())).json<TAgreement>();
    const opened = await as('own', 'POST', '/api/cases', {
      type: 'civilPublicInterest',
      pilField: 'ecology',
      title: '某河道非法采砂生态破坏民事公益诉讼案',
    });
    const caseId = opened.json<{ id: number }>().id;
    const cited = await as('own', 'PUT', `/api/cases/${caseId}/cooperation-agreement`, {
      agreementId: agreement.id,
    });
    expect(cited.statusCode, cited.body).toBe(200);
    expect(cited.json<TCaseAgreement>().agreement?.title).toBe(agreement.title);
    const read = (await as('own', 'GET', `/api/cooperation-agreements/${agreement.id}`)).json<TAgreement>();
    expect(read.caseIds).toEqual([caseId]);
    // Listed by number and title, not by id.
    expect(read.citingCases).toEqual([
      {
        id: caseId,
        caseNumber: opened.json<{ caseNumber: string }>().caseNumber,
        title: '某河道非法采砂生态破坏民事公益诉讼案',
      },
    ]);
    expect(read.unlistedCitations).toBe(0);

    const outOfReach = await as('other', 'GET', `/api/cooperation-agreements/${agreement.id}`);
    const missing = await as('other', 'GET', '/api/cooperation-agreements/999999');
    expect(outOfReach.statusCode).toBe(404);
    expect(outOfReach.json()).toEqual(missing.json());
    const meeting = { heldOn: daysFromToday(-1), minutes: '会议纪要' };
    expect(
      (await as('other', 'POST', `/api/cooperation-agreements/${agreement.id}/meetings`, meeting)).statusCode,
    ).toBe(404);
    const othersList = (await as('other', 'GET', '/api/cooperation-agreements')).json<TAgreementList>();
    expect(othersList.items.map((a) => a.id)).not.toContain(agreement.id);

    // Another department's own case may not cite an agreement it cannot see.
    const theirs = await as('other', 'POST', '/api/cases', {
      type: 'supportedSuit',
      title: '某甲追索劳动报酬案',
    });
    const theirCase = theirs.json<{ id: number }>().id;
    const citeOut = await as('other', 'PUT', `/api/cases/${theirCase}/cooperation-agreement`, {
      agreementId: agreement.id,
    });
    expect(citeOut.statusCode).toBe(404);
    expect((await as('other', 'GET', `/api/cases/${caseId}/cooperation-agreement`)).statusCode).toBe(404);
  });

  it('keeps the agreement’s text as an attachment and lets a clue cite it, both within reach', async () => {
    const agreement = (await as('own', 'POST', '/api/cooperation-agreements', memo())).json<TAgreement>();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (user: string, id: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cooperation-agreements/${id}/attachments?name=${encodeURIComponent('合作备忘录.pdf')}`,
        headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
        payload: pdf,
      });
    const stored = await upload('own', agreement.id);
    expect(stored.statusCode, stored.body).toBe(201);
    const fileId = stored.json<{ id: number }>().id;
    const read = (await as('own', 'GET', `/api/cooperation-agreements/${agreement.id}`)).json<TAgreement>();
    expect(read.attachments.map((a) => a.fileName)).toEqual(['合作备忘录.pdf']);
    const file = await as('own', 'GET', `/api/cooperation-agreements/${agreement.id}/attachments/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // Another department: the same 404 as a missing agreement, for the upload and the file.
    expect((await upload('other', agreement.id)).statusCode).toBe(404);
    const theirRead = await as(
      'other',
      'GET',
      `/api/cooperation-agreements/${agreement.id}/attachments/${fileId}`,
    );
    const missingRead = await as('other', 'GET', `/api/cooperation-agreements/999999/attachments/${fileId}`);
    expect(theirRead.statusCode).toBe(404);
    expect(theirRead.json()).toEqual(missingRead.json());

    const clue = await as('own', 'POST', '/api/clues', {
      source: 'adminTransfer',
      title: '区生态环境局依备忘录移送的河道非法采砂线索',
      description: '区生态环境局依合作备忘录线索移送机制移送',
      pilField: 'ecology',
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const clueId = clue.json<{ clue: { id: number } }>().clue.id;
    const cited = await as('own', 'PUT', `/api/clues/${clueId}/cooperation-agreement`, {
      agreementId: agreement.id,
    });
    expect(cited.statusCode, cited.body).toBe(200);
    expect(cited.json<TClueAgreement>().agreement?.title).toBe(agreement.title);
    const citedBy = (
      await as('own', 'GET', `/api/cooperation-agreements/${agreement.id}`)
    ).json<TAgreement>();
    expect(citedBy.clueIds).toEqual([clueId]);
    expect(citedBy.citingClues).toEqual([
      { id: clueId, title: '区生态环境局依备忘录移送的河道非法采砂线索' },
    ]);
    expect((await as('other', 'GET', `/api/clues/${clueId}/cooperation-agreement`)).statusCode).toBe(404);
    const theirClue = await as('other', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      title: '他部门线索',
      description: '他部门线索内容',
    });
    const theirClueId = theirClue.json<{ clue: { id: number } }>().clue.id;
    const citeOut = await as('other', 'PUT', `/api/clues/${theirClueId}/cooperation-agreement`, {
      agreementId: agreement.id,
    });
    expect(citeOut.statusCode).toBe(404);
    const removed = await as('own', 'PUT', `/api/clues/${clueId}/cooperation-agreement`, {
      agreementId: null,
    });
    expect(removed.json<TClueAgreement>().agreement).toBeNull();
  });
});
