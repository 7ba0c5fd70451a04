import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** Headers a browser obeys: what it may run, who may frame the app, what it may keep in its cache. */
describe.each(testEngines())('security headers (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = await t.login('prosecutor1');
  });
  afterAll(() => t.close());

  it('every answer carries the CSP (no inline script, no framing) and the other helmet headers', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/login', '/api/docs']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("script-src-attr 'none'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval')/);
      // Served over plain HTTP on an intranet address: requests must not be rewritten to https.
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('API answers, exports and attachment downloads are never cached', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'prosecutor1', password: 'Chenghua2026' },
    });
    expect(login.headers['cache-control']).toBe('no-store');

    const clue = await t.app.inject({
      method: 'POST',
      url: '/api/clues',
      headers: { cookie },
      payload: { source: 'publicReport', title: '缓存测试线索', description: '附件不得留在缓存中' },
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const clueId = clue.json<{ clue: { id: number } }>().clue.id;
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/clues/${clueId}/attachments?name=${encodeURIComponent('举报材料.pdf')}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json<{ id: number }>().id;

    for (const url of [
      `/api/clues/${clueId}`,
      '/api/clues',
      '/api/clues/export',
      `/api/clues/${clueId}/attachments/${attachmentId}`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    // Errors too: a 404 for a record must not be cached either.
    const missing = await t.app.inject({ method: 'GET', url: '/api/clues/999999', headers: { cookie } });
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});
