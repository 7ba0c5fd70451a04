import { testEngines } from '@procura/db/testing';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyLimit } from '../app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

interface ErrorBody {
  code: string;
  message: string;
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

const validUser = {
  username: 'badinput',
  displayName: '坏输入',
  role: 'clerk',
  departmentId: null,
  password: 'Initial2026pw',
};

describe.each(testEngines())('bad input (%s)', (kind) => {
  let t: TestApp;
  let adminCookie: string;
  let counts: { users: number; audit: number; sessions: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    adminCookie = await t.login('admin');
  });
  afterAll(() => t.close());

  async function snapshot() {
    const [row] = await t.database.query<{ users: number; audit: number; sessions: number }>(
      `select (select count(*)::int from users) as users,
              (select count(*)::int from audit_log) as audit,
              (select count(*)::int from sessions) as sessions`,
    );
    return row!;
  }

  // Every request in this block is refused: nothing in the database may change.
  beforeEach(async () => {
    counts = await snapshot();
  });
  afterEach(async () => {
    expect(await snapshot()).toEqual(counts);
  });

  const asAdmin = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { cookie: adminCookie, ...options.headers } });

  function expectError(response: { statusCode: number; json: <T>() => T }, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe(code);
    expect(hasChinese(body.message)).toBe(true);
    return body;
  }

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const response = await asAdmin({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "badinput",',
    });
    expect(expectError(response, 400, 'INVALID_JSON').message).toBe('请求体不是有效的 JSON');

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: "{username: 'admin'}",
    });
    expectError(login, 400, 'INVALID_JSON');
  });

  it('an empty JSON body → 400 INVALID_JSON', async () => {
    const response = await asAdmin({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectError(response, 400, 'INVALID_JSON');
  });

  it('a body that is not JSON → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'text/plain']) {
      const response = await asAdmin({
        method: 'POST',
        url: '/api/users',
        headers: { 'content-type': type },
        payload: 'username=badinput',
      });
      expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('an unknown field → 400 VALIDATION naming the field', async () => {
    const response = await asAdmin({
      method: 'POST',
      url: '/api/users',
      payload: { ...validUser, isRoot: true },
    });
    expect(expectError(response, 400, 'VALIDATION').message).toContain('isRoot');

    const patch = await asAdmin({ method: 'PATCH', url: '/api/users/1', payload: { passwordHash: 'x' } });
    expect(expectError(patch, 400, 'VALIDATION').message).toContain('passwordHash');

    const query = await asAdmin({ method: 'GET', url: '/api/users?sort=name' });
    expect(expectError(query, 400, 'VALIDATION').message).toContain('sort');
  });

  it.each([
    ['username', { username: 123 }],
    ['role', { role: 'superuser' }],
    ['departmentId', { departmentId: '2' }],
    ['displayName', { displayName: '' }],
    ['username', { username: 'has space' }],
  ])('a wrong %s → 400 VALIDATION naming the field', async (field, wrong) => {
    const response = await asAdmin({
      method: 'POST',
      url: '/api/users',
      payload: { ...validUser, ...wrong },
    });
    expect(expectError(response, 400, 'VALIDATION').message).toContain(`字段 ${field}`);
  });

  it('a missing field → 400 VALIDATION naming the field', async () => {
    const { role: _role, ...withoutRole } = validUser;
    const response = await asAdmin({ method: 'POST', url: '/api/users', payload: withoutRole });
    expect(expectError(response, 400, 'VALIDATION').message).toContain('字段 role');
  });

  it('a path parameter that is not a number → 400 VALIDATION', async () => {
    const response = await asAdmin({ method: 'GET', url: '/api/users/abc' });
    expect(expectError(response, 400, 'VALIDATION').message).toContain('id');
  });

  it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const response = await asAdmin({
      method: 'POST',
      url: '/api/users',
      payload: { ...validUser, displayName: 'x'.repeat(bodyLimit) },
    });
    expect(expectError(response, 413, 'PAYLOAD_TOO_LARGE').message).toBe('请求体过大（上限 1 MB）');

    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(bodyLimit) },
    });
    expectError(anonymous, 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/users/1/promote'],
    ['DELETE', '/api/users/1'],
    ['GET', '/api'],
  ] as const)('an unknown API path %s %s → 404 JSON NOT_FOUND', async (method, url) => {
    for (const headers of [{}, { cookie: adminCookie }]) {
      const response = await t.app.inject({ method, url, headers });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = expectError(response, 404, 'NOT_FOUND');
      expect(body.message).toContain(url);
    }
  });

  it('an unknown non-API page before the web app is built → 503 with a Chinese hint', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/cases/2026' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('npm run build:web');
  });

  it('GET /api/docs/json is an OpenAPI document listing the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/auth/login', '/api/audit/verify']),
    );
    expect(Object.keys(document.paths['/api/users']!)).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('GET /api/health reports the database engine', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });
});
