import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * On the embedded database every SQL statement waits its turn on the one connection, so under
 * load a list's throughput follows how many statements it sends (docs/reliability.md: the case
 * list answered 29 req/s at 50 connections against 893 for /api/health). A list request sends the
 * session with its user in one statement and its page with the total in another.
 */
describe('statements per list request (pglite)', () => {
  let t: TestApp;
  let cookie: string;
  let statements = 0;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    cookie = await t.login('chief');
    const { client } = t.database.driver as unknown as { client: { query: (...args: unknown[]) => unknown } };
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  afterAll(() => t?.close());

  const count = async (url: string) => {
    statements = 0;
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return statements;
  };

  it('an authenticated request reads its session and user in one statement', async () => {
    expect(await count('/api/auth/me')).toBe(1);
  });

  it('the case list and the juvenile case list send two statements when empty', async () => {
    expect(await count('/api/cases')).toBe(2);
    expect(await count('/api/juvenile/cases')).toBe(2);
  });
});
