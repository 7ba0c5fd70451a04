import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail } from '../cases/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TJuvenileCaseList } from './schema.ts';

/**
 * On the embedded database every statement waits its turn on the one connection, so under load
 * the juvenile case list's throughput follows how many statements it sends (docs/reliability.md):
 * the session with its user, then the page with its minors, their inquiry counts and the total.
 */
describe('statements per juvenile list request (pglite)', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let statements = 0;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    for (const user of ['chief', 'head6']) cookies[user] = await t.login(user);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: cookies.head6! },
      payload: { type: 'juvenileVictim', title: '王小华、赵小丽被欺凌案' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json<TCaseDetail>().id;
    for (const name of ['王小华', '赵小丽']) {
      const minor = await t.app.inject({
        method: 'POST',
        url: `/api/juvenile/cases/${caseId}/minors`,
        headers: { cookie: cookies.head6! },
        payload: { role: 'victim', name, gender: 'female' },
      });
      expect(minor.statusCode, minor.body).toBe(200);
    }
    const { client } = t.database.driver as unknown as { client: { query: (...args: unknown[]) => unknown } };
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  afterAll(() => t?.close());

  it('a page with minors is read in one statement after the session', async () => {
    for (const user of ['chief', 'head6']) {
      statements = 0;
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/juvenile/cases',
        headers: { cookie: cookies[user]! },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(statements).toBe(2);
      const item = response.json<TJuvenileCaseList>().items.find((c) => c.title.includes('被欺凌案'));
      expect(item?.title).toBe('王**、赵**被欺凌案');
      expect(item?.minors.map((m) => [m.name, m.role, m.inquiries])).toEqual([
        ['王**', 'victim', 0],
        ['赵**', 'victim', 0],
      ]);
    }
  });
});
