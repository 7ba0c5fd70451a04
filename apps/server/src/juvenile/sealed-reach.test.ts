import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorIdNumber as minorIdNumberOf, reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { testClock } from '../testing/test-clock.ts';

describe.each(testEngines())('who opens a sealed record (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = reachFixtures(() => t, cookies);
  const users = ['chief', 'deputy', 'head5', 'prosecutor1', 'head6', 'prosecutor6', 'clerk6'];

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: testClock });
    for (const user of users) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('the case page and the juvenile case page answer alike: the juvenile department and the chief', async () => {
    const sealed = await f.sealedClueAndCase('郑小伟', 11);
    const answers: Record<string, [number, number, number]> = {};
    for (const user of users) {
      answers[user] = [
        (await f.as(user, 'GET', `/api/cases/${sealed.caseId}`)).statusCode,
        (await f.as(user, 'GET', `/api/juvenile/cases/${sealed.caseId}`)).statusCode,
        (await f.as(user, 'GET', `/api/clues/${sealed.clueId}`)).statusCode,
      ];
    }
    expect(answers).toEqual({
      chief: [200, 200, 200],
      deputy: [404, 404, 404],
      head5: [404, 404, 404],
      prosecutor1: [404, 404, 404],
      head6: [200, 200, 200],
      prosecutor6: [200, 200, 200],
      clerk6: [200, 200, 200],
    });
    // Both pages show the chief the minor masked unless the full view is asked for.
    const casePage = (await f.as('chief', 'GET', `/api/cases/${sealed.caseId}`)).json<{ title: string }>();
    expect(casePage.title).toBe('郑**盗窃电动车案');
  });

  it('duplicate checks at clue intake never reveal a sealed record or one out of reach', async () => {
    const sealed = await f.sealedClueAndCase('冯小东', 12);
    const other = await f.otherDepartmentClue('蒋小梅', 13);
    const register = (user: string, name: string, idNumber: string) =>
      f.as(user, 'POST', '/api/clues', {
        source: 'publicReport',
        title: '又一起电动车被盗',
        ...(user === 'head5' ? { pilField: 'other' } : {}),
        description: '群众反映电动车被盗',
        parties: [{ kind: 'person', name, idNumber }],
      });
    type Flag = {
      kind: string;
      id: number | null;
      caseNumber: string | null;
      department: string;
      reason: string;
    };
    const flags = async (user: string, name: string, idNumber: string) => {
      const response = await register(user, name, idNumber);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ possibleDuplicates: Flag[] }>().possibleDuplicates;
    };

    // Outside the juvenile department a sealed record is not there at all.
    for (const user of ['deputy', 'head5']) {
      // (Each registration here is itself a new match for the next user: only 第六检察部's matter.)
      const found = await flags(user, '冯小东', sealed.idNumber);
      expect(
        found.filter((d) => d.department === '第六检察部'),
        user,
      ).toEqual([]);
    }
    // Those who may open it see it, as on its page.
    for (const user of ['chief', 'clerk6']) {
      const found = await flags(user, '冯小东', sealed.idNumber);
      expect(found.map((d) => d.id)).toContain(sealed.caseId);
    }
    // Another department's record: flagged, but without id, case number or name.
    const anonymous = await flags('head5', '蒋小梅', minorIdNumberOf(13));
    expect(anonymous).toEqual([
      {
        kind: 'clue',
        id: null,
        caseNumber: null,
        department: '第四检察部',
        reason: '同一公民身份号码（您无权查看该记录，请与该部门核实）',
      },
    ]);
    expect(JSON.stringify(anonymous)).not.toContain('蒋');
    expect(other.id).toBeGreaterThan(0);
  });

  it("a sealed case's suggestion and a sealed clue's material follow the case page", async () => {
    const sealed = await f.sealedClueAndCase('卫小龙', 14);
    const drafted = await f.as('head6', 'POST', '/api/suggestions', {
      caseId: sealed.caseId,
      kind: 'socialGovernance',
      addressee: '成华区某中学',
      facts: '学校未落实校园安全管理制度',
      legalBasis: '《中华人民共和国未成年人保护法》第三十五条',
      requests: '健全校园安全管理制度',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const suggestionId = drafted.json<{ id: number }>().id;
    const material = await t.app.inject({
      method: 'POST',
      url: `/api/clues/${sealed.clueId}/attachments?name=${encodeURIComponent('笔录.pdf')}`,
      headers: { cookie: cookies.clerk6!, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    expect(material.statusCode, material.body).toBe(201);
    const attachmentId = material.json<{ id: number }>().id;
    const answers: Record<string, number[]> = {};
    for (const user of ['chief', 'deputy', 'head5', 'head6']) {
      answers[user] = [
        (await f.as(user, 'GET', `/api/suggestions/${suggestionId}`)).statusCode,
        (await f.as(user, 'GET', `/api/clues/${sealed.clueId}/attachments/${attachmentId}`)).statusCode,
      ];
    }
    expect(answers).toEqual({ chief: [200, 200], deputy: [404, 404], head5: [404, 404], head6: [200, 200] });
  });
});
