import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * The built web app as a browser receives it: hashed files kept for a year and compressed, the
 * page that names them checked on every load, so a new release is picked up at once.
 */
describe('web app files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'procura-web-dist-'));
  const script = `export const pages = ${JSON.stringify('检察'.repeat(2000))};\n`;
  const html = `<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>${' '.repeat(2000)}`;
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), html);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(html));
    writeFileSync(join(dist, 'assets/index-Ab12Cd34.js'), script);
    writeFileSync(join(dist, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets/index-Ab12Cd34.js.gz'), gzipSync(script));
    t = await createTestApp('pglite', { webDist: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('a hashed script is sent compressed and kept for a year', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('a browser without brotli gets gzip, one without either the plain file', async () => {
    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('the page itself, at / and at any client route, is checked again on every load', async () => {
    for (const url of ['/', '/index.html', '/cases/12']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('/assets/index-Ab12Cd34.js');
    }
  });

  it('a script of an older release answers 404, not the page in its place', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/index-Old00000.js' });
    expect(response.statusCode).toBe(404);
  });
});
