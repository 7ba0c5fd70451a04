import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestionFixtures } from '../suggestions/suggestion-fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Years PostgreSQL refuses (0) or that mean a typing slip (1, 1899, 9999) answered 500 (year 0,
 * year 1 on lists) or were stored (a suggestion delivered in year 1, a rest day in 9999). Dates are
 * 1900 … 2100: anything else is 400 naming the field.
 */
describe.each(testEngines())('dates outside 1900–2100 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const f = suggestionFixtures(() => t, cookies);

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const user of ['head5', 'admin', 'chief']) cookies[user] = await t.login(user);
  });
  afterAll(() => t.close());

  const expectRefused = (response: { statusCode: number; json: <T>() => T; body: string }, field: string) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ message: string }>().message).toBe(
      `字段 ${field}：日期超出允许范围（1900—2100 年）`,
    );
  };

  it.each(['0000', '0001', '1899', '2101', '9999'])(
    'year %s is refused in filters and entries',
    async (year) => {
      expectRefused(await f.as('chief', 'GET', `/api/cases?from=${year}-01-01`), 'from');
      expectRefused(await f.as('chief', 'GET', `/api/clues?to=${year}-12-31`), 'to');
      expectRefused(
        await f.as('chief', 'GET', `/api/juvenile/sessions?from=${year}-01-01&to=${year}-01-31`),
        'from',
      );
      expectRefused(await f.as('chief', 'GET', `/api/audit?from=${year}-01-01T00:00:00Z`), 'from');
      expectRefused(await f.as('admin', 'PUT', `/api/calendar/days/${year}-05-05`, { kind: 'rest' }), 'date');
      const issued = await f.issued(await f.openCase());
      expectRefused(
        await f.as('head5', 'POST', `/api/suggestions/${issued.id}/delivery`, {
          deliveredOn: `${year}-06-01`,
        }),
        'deliveredOn',
      );
    },
  );

  it('the edges 1900 and 2100 are accepted', async () => {
    expect((await f.as('chief', 'GET', '/api/cases?from=1900-01-01&to=2100-12-31')).statusCode).toBe(200);
    expect((await f.as('admin', 'PUT', '/api/calendar/days/2100-05-05', { kind: 'rest' })).statusCode).toBe(
      200,
    );
  });
});
