import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachFixtures } from '../testing/reach-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe.each(testEngines())('who opens a sealed record (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = reachFixtures(() => t, cookies);
  const users = ['chief', 'deputy', 'head5', 'prosecutor1', 'head6', 'prosecutor6', 'clerk6'];

  beforeAll(async () => {
    t = await createTestApp(kind);
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
});
