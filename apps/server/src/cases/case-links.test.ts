import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClueDetail } from '../clues/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TCaseDetail } from './schema.ts';

const company = { kind: 'organisation', name: '成都某环保科技有限公司' };
const adult = { kind: 'person', name: '王建国', idNumber: '11010519491231002X' };
const child = { kind: 'person', name: '李小红', idNumber: '510108201307022229' };

describe.each(testEngines())('the people of a case and the cases they share (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

  /** A clue of 第五检察部 with these parties, opened as a case; returns the case id. */
  async function caseAbout(title: string, parties: unknown[]): Promise<number> {
    const registered = await as('head5', 'POST', '/api/clues', {
      source: 'selfDiscovered',
      pilField: 'ecology',
      title,
      description: `${title}的线索`,
      parties,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const clueId = registered.json<{ clue: TClueDetail }>().clue.id;
    const opened = await as('head5', 'POST', `/api/clues/${clueId}/decision`, {
      decision: 'open',
      caseType: 'adminPublicInterest',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json<TClueDetail>().case!.id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['head5', 'prosecutor1', 'chief']) cookies[user] = await t.login(user);
  });
  afterAll(() => t?.close());

  it('shows the parties of the clues and the other cases about the same adult or organisation', async () => {
    const first = await caseAbout('某公司违法排污', [company, adult, child]);
    const second = await caseAbout('某公司未批先建', [company]);
    const third = await caseAbout('王建国冒领补贴', [adult]);
    const unrelated = await caseAbout('某河道垃圾堆放', [{ kind: 'organisation', name: '某街道办事处' }]);
    const childAgain = await caseAbout('李小红相关线索', [child]);

    const detail = (await as('head5', 'GET', `/api/cases/${first}`)).json<TCaseDetail>();
    expect(detail.parties.map((p) => p.name)).toEqual(['成都某环保科技有限公司', '王建国', '李**']);
    expect(detail.parties.find((p) => p.name === '李**')?.idNumber).toBeNull();
    const related = Object.fromEntries(detail.relatedCases.map((c) => [c.id, c.shared]));
    expect(related).toEqual({ [second]: ['成都某环保科技有限公司'], [third]: ['王建国'] });
    // A minor is never the link between two cases.
    expect(Object.keys(related)).not.toContain(String(childAgain));
    expect(Object.keys(related)).not.toContain(String(unrelated));

    // Another department's prosecutor does not reach these cases at all; the chief sees the links.
    expect((await as('prosecutor1', 'GET', `/api/cases/${first}`)).statusCode).toBe(404);
    const chiefView = (await as('chief', 'GET', `/api/cases/${third}`)).json<TCaseDetail>();
    expect(chiefView.relatedCases.map((c) => c.id)).toEqual([first]);
  });
});
