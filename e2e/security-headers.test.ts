import { describe, expect, it } from 'vitest';
import { cspViolations, loginThroughPage, serverAndBrowser } from './browser.ts';

const demoPassword = 'Chenghua2026';
const e2e = serverAndBrowser('security-headers');

/**
 * The Content-Security-Policy forbids inline and foreign scripts. The built app and the API
 * explorer must still work under it, with not one violation reported by Chromium.
 */
describe('security headers in the browser', () => {
  it('the built web app has no inline script and is served with the CSP', async () => {
    const response = await fetch(`${e2e.server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(content!.trim()).toBe('');
    }
  });

  it('the app loads and its pages run without a CSP violation', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const violations = await cspViolations(page);
    await loginThroughPage(page, e2e.server.url, 'chief', demoPassword);
    const menu = page.getByTestId('side-menu');
    await expect.poll(() => menu.textContent()).toContain('线索');
    for (const path of ['/clues', '/cases', '/juvenile', '/deadlines']) {
      await page.goto(`${e2e.server.url}${path}`);
      await expect.poll(() => page.locator('.ant-table').count()).toBeGreaterThan(0);
    }
    await context.close();

    // The mailbox poster shows its QR code as a data: URL image.
    const clerk = await e2e.browser.newContext({ locale: 'zh-CN' });
    const posterPage = await clerk.newPage();
    const posterViolations = await cspViolations(posterPage);
    await loginThroughPage(posterPage, e2e.server.url, 'clerk6', demoPassword);
    await posterPage.goto(`${e2e.server.url}/mailbox/schools/1/poster`);
    await expect
      .poll(() =>
        posterPage
          .getByTestId('poster-qr')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    await clerk.close();

    expect([...violations, ...posterViolations]).toEqual([]);
  });

  it('the API explorer at /api/docs still lists and calls the API', async () => {
    // The explorer renders only the operations near the viewport once the document is large
    // (at 1280×720 it showed 7 of 130, more as one scrolls): a tall window shows more than 50.
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 8000 },
    });
    const page = await context.newPage();
    const violations = await cspViolations(page);
    const response = await page.goto(`${e2e.server.url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(50);

    // Try /api/health from the explorer.
    const health = page.locator('.opblock', { hasText: '/api/health' }).first();
    await health.locator('.opblock-summary').click();
    await health.getByRole('button', { name: 'Try it out' }).click();
    await health.getByRole('button', { name: 'Execute' }).click();
    await expect
      .poll(() => health.locator('.live-responses-table').textContent())
      .toContain('"status": "ok"');

    expect(violations).toEqual([]);
    await context.close();
  });
});
