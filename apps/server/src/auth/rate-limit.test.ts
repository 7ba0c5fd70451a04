import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

// The limit lives in the server's memory, not the database: one engine is enough.
const [kind] = testEngines();

describe(`login rate limit per address (${kind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind!, { loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('refuses the fourth attempt in a minute from one address with 429 in Chinese, even with the right password', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chief', password } });
    for (let i = 0; i < 3; i++) expect((await attempt('Wrong1password')).statusCode).toBe(401);
    const limited = await attempt('Chenghua2026');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
  });
});
