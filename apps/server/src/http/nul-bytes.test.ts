import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

interface ErrorBody {
  code: string;
  message: string;
}

/**
 * PostgreSQL text cannot hold U+0000. Each of these reached the database and answered 500 (the
 * failed login went unaudited): now 400 with a Chinese message naming the field, nothing stored.
 */
describe.each(testEngines())('a NUL character in a request (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = await t.login('prosecutor1');
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('in a clue title: 400 naming the field, no clue stored', async () => {
    const before = await count('clues');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/clues',
      headers: { cookie },
      payload: { source: 'publicReport', title: '举报\u0000某公司', description: '某公司违规排污' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>()).toEqual({
      code: 'VALIDATION',
      message: '字段 title：含有不允许的控制字符（NUL），请删除后重试',
    });
    expect(await count('clues')).toBe(before);
  });

  it('in a search: 400', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/clues?q=${encodeURIComponent('张\u0000三')}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('字段 q');
  });

  it('in an attachment name: 400, nothing stored', async () => {
    const clue = await t.app.inject({
      method: 'POST',
      url: '/api/clues',
      headers: { cookie },
      payload: { source: 'publicReport', title: '附件测试线索', description: '用于附件名测试' },
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const before = await count('attachments');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/clues/${clue.json<{ clue: { id: number } }>().clue.id}/attachments?name=${encodeURIComponent('材料\u0000.pdf')}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('字段 name');
    expect(await count('attachments')).toBe(before);
  });

  it("in the anonymous login's username: 400, and audited as a refused login", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ad\u0000min', password: 'whatever1' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION');
    const [entry] = await t.database.query<{
      action: string;
      actor_name: string;
      detail: { reason: string };
    }>('select action, actor_name, detail from audit_log order by id desc limit 1');
    expect(entry).toMatchObject({ action: 'auth.loginFailed', actor_name: 'ad\uFFFDmin' });
    expect(entry!.detail.reason).toContain('控制字符');
  });
});

/** Ids are PostgreSQL integers: 2^31 and beyond answered 500 on every record page. */
describe.each(testEngines())('an id beyond 2^31 − 1 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const username of ['chief', 'school1']) cookies[username] = await t.login(username);
  });
  afterAll(() => t.close());

  it.each([
    ['chief', '/api/clues/2147483648'],
    ['chief', '/api/cases/2147483648'],
    ['chief', '/api/suggestions/2147483648'],
    ['chief', '/api/juvenile/cases/2147483648'],
    ['chief', '/api/juvenile/follow-ups/2147483648'],
    ['chief', '/api/mailbox/letters/2147483648'],
    ['school1', '/api/employment-checks/2147483648'],
    ['chief', '/api/deadlines/2147483648'],
    ['chief', '/api/clues?departmentId=2147483648'],
    ['chief', '/api/cases/99999999999999999999'],
  ])('as %s, GET %s → 400 with a Chinese message', async (user, url) => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('in a body (reassignment of clues) → 400 naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/reassignments',
      headers: { cookie: cookies.chief! },
      payload: { clueIds: [2147483648], toHandlerId: 1, reason: '测试' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('编号无效');
  });
});
