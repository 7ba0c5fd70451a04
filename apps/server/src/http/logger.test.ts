import { Writable } from 'node:stream';
import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createLogger } from './logger.ts';

/**
 * The server log must never hold what a user typed (a clue's text names people, minors included)
 * nor the SQL and its parameters. Requests carrying a marker string fail in every way we know (bad
 * JSON, NUL, a validation error, a database fault during an insert, a value the database refuses);
 * the captured log must show the failures and never the marker.
 */
describe.each(testEngines())('the server log (%s)', (kind) => {
  const marker = '张小明身份证510108200901011234';
  let t: TestApp;
  let cookie: string;
  let lines = '';

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines += chunk.toString();
        done();
      },
    });
    t = await createTestApp(kind, { logger: createLogger({ level: 'info', destination }) });
    cookie = await t.login('prosecutor1');
  });
  afterAll(() => t.close());

  const logged = () => lines.split('\n').filter(Boolean);

  it('holds no request body, query string, SQL or SQL parameter, even when the database fails', async () => {
    const clue = { source: 'publicReport', title: `举报${marker}`, description: `当事人${marker}` };
    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/clues',
        headers: { cookie, ...headers },
        payload: payload as never,
      });

    // Refused before the database: malformed JSON, a NUL, a field too long, a query string.
    expect((await post(`{"title": "${marker}",`, { 'content-type': 'application/json' })).statusCode).toBe(
      400,
    );
    expect((await post({ ...clue, title: `${marker}\u0000` })).statusCode).toBe(400);
    expect((await post({ ...clue, title: marker.repeat(100) })).statusCode).toBe(400);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/clues?q=${encodeURIComponent(marker)}`,
      headers: { cookie },
    });
    expect(search.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: marker, password: marker },
    });
    expect(login.statusCode).toBe(401);

    // A database fault while inserting the clue (a trigger stands in for a full disk or a bug):
    // drizzle's error carries the statement and every parameter.
    await t.database.query(`
      create function procura_test_fault() returns trigger language plpgsql as $$
      begin
        if new.description like '%故障%' then raise exception 'simulated fault while writing'; end if;
        if new.description like '%越界%' then
          raise exception 'value "%" is out of range for type integer', new.title using errcode = '22003';
        end if;
        return new;
      end $$`);
    await t.database.query(
      'create trigger procura_test_fault before insert on clues for each row execute function procura_test_fault()',
    );
    try {
      const fault = await post({ ...clue, description: `故障${marker}` });
      expect(fault.statusCode).toBe(500);
      expect(fault.body).not.toContain(marker);
      // A value the database refuses as out of range is the client's mistake: 400, logged as a warning.
      const refused = await post({ ...clue, description: `越界${marker}` });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ message: string }>().message).toBe('数值超出允许范围');
    } finally {
      await t.database.query('drop trigger procura_test_fault on clues');
      await t.database.query('drop function procura_test_fault()');
    }

    const log = lines;
    expect(log).not.toContain(marker);
    expect(log).not.toContain(encodeURIComponent(marker));
    expect(log.toLowerCase()).not.toMatch(/insert into|"clues"|params:/);

    // …while still saying what failed, where.
    const entries = logged().map((line) => JSON.parse(line) as Record<string, unknown>);
    const unhandled = entries.find((entry) => entry.msg === 'unhandled error');
    expect(unhandled).toBeDefined();
    const err = unhandled!.err as {
      type: string;
      message: string;
      cause?: { code?: string; message: string };
    };
    expect(err.type).toBe('DrizzleQueryError');
    expect(err.cause?.message).toContain('simulated fault while writing');
    expect(err.cause?.code).toBe('P0001');
    const warned = entries.find((entry) => entry.msg === 'the database refused a value of the request');
    expect((warned!.err as { cause?: { code?: string } }).cause?.code).toBe('22003');
    const requests = entries.filter((entry) => entry.msg === 'incoming request');
    expect(requests.map((entry) => (entry.req as { url: string }).url)).toContain('/api/clues?[已隐去]');
  });
});
