import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TPatrol } from './schema.ts';

type Method = 'GET' | 'POST';

describe.each(testEngines())('网络巡查 (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function departmentName(line: 'civilAdministrative' | 'publicInterest'): Promise<string> {
    const [row] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, line))
      .limit(1);
    return row!.name;
  }

  const today = new Date().toISOString().slice(0, 10);

  async function patrol(
    user: string,
    platform: string,
    findings: { shopName: string; link?: string; kind: string }[],
  ): Promise<TPatrol> {
    const created = await as(user, 'POST', '/api/patrols', {
      kind: 'onlineFood',
      platform,
      patrolledBy: '张检、李检',
      patrolledOn: today,
      findings,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<TPatrol>();
  }

  const clueCount = async () => (await t.database.db.select({ n: count() }).from(schema.clues))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const pil = await departmentName('publicInterest');
    const civil = await departmentName('civilAdministrative');
    cookies.own = await loginAs(t, 'prosecutor', pil);
    cookies.other = await loginAs(t, 'prosecutor', civil);
    cookies.chief = await loginAs(t, 'chief');
  });
  afterAll(() => t?.close());

  it('makes one clue per selected finding, source 自行发现, linked back to its finding', async () => {
    const p = await patrol('own', '某外卖平台', [
      { shopName: '甲餐馆', link: 'https://waimai.example/shop/1', kind: 'unlicensed' },
      { shopName: '乙炸鸡', kind: 'beyondScope' },
      { shopName: '丙零食铺', kind: 'foodBlindBox' },
    ]);
    const made = await as('own', 'POST', `/api/patrols/${p.id}/clues`, {
      findingIds: p.findings.map((f) => f.id),
    });
    expect(made.statusCode, made.body).toBe(201);
    const { clues } = made.json<{ clues: { findingId: number; clueId: number }[] }>();
    expect(clues).toHaveLength(3);

    const first = await as('own', 'GET', `/api/clues/${clues[0]!.clueId}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ source: 'selfDiscovered' });
    expect(first.json<{ title: string }>().title).toContain('甲餐馆');
    expect(first.json<{ description: string }>().description).toContain('https://waimai.example/shop/1');

    const after = (await as('own', 'GET', `/api/patrols/${p.id}`)).json<TPatrol>();
    expect(after.findings.map((f) => f.clueId)).toEqual(clues.map((c) => c.clueId));
    // Registered like any clue: audited as clue.create.
    const audits = await t.database.db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'clue.create'));
    expect(audits[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses the whole batch when one finding is bad: no clue is made', async () => {
    const p = await patrol('own', '某外卖平台二', [
      { shopName: '丁面馆', kind: 'unlicensed' },
      { shopName: '戊烧烤', kind: 'other' },
    ]);
    const [a, b] = p.findings;
    const once = await as('own', 'POST', `/api/patrols/${p.id}/clues`, { findingIds: [a!.id] });
    expect(once.statusCode, once.body).toBe(201);

    const before = await clueCount();
    // b is fine, a already became a clue: nothing is made.
    const again = await as('own', 'POST', `/api/patrols/${p.id}/clues`, { findingIds: [b!.id, a!.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('丁面馆');
    // A finding of another patrol: refused as well.
    const other = await patrol('own', '某外卖平台三', [{ shopName: '己饭店', kind: 'unlicensed' }]);
    const mixed = await as('own', 'POST', `/api/patrols/${p.id}/clues`, {
      findingIds: [b!.id, other.findings[0]!.id],
    });
    expect(mixed.statusCode).toBe(404);
    expect(await clueCount()).toBe(before);
    const unchanged = (await as('own', 'GET', `/api/patrols/${p.id}`)).json<TPatrol>();
    expect(unchanged.findings[1]!.clueId).toBeNull();
  });

  it('flags a shop found again on the same platform in another patrol', async () => {
    const first = await patrol('own', '某药品网售平台', [
      { shopName: '庚大药房', link: 'https://drug.example/s/9', kind: 'controlledDrugs' },
      { shopName: '辛药店', kind: 'fakeDrugs' },
    ]);
    const second = await patrol('own', '某药品网售平台', [
      // Same link, name written differently: the same shop.
      { shopName: '庚 大药房（旗舰店）', link: 'https://drug.example/s/9 ', kind: 'controlledDrugs' },
      { shopName: '壬药店', kind: 'other' },
    ]);
    expect(second.findings[0]!.repeatOf).toEqual([
      { patrolId: first.id, patrolledOn: today, findingId: first.findings[0]!.id },
    ]);
    expect(second.findings[1]!.repeatOf).toEqual([]);
    // Same shop name on another platform is not a repeat.
    const elsewhere = await patrol('own', '另一平台', [{ shopName: '辛药店', kind: 'fakeDrugs' }]);
    expect(elsewhere.findings[0]!.repeatOf).toEqual([]);
  });

  it('answers another department exactly like a missing patrol (404)', async () => {
    const p = await patrol('own', '某外卖平台四', [{ shopName: '癸小吃', kind: 'unlicensed' }]);
    const missing = await as('other', 'GET', '/api/patrols/99999999');
    for (const [method, url, body] of [
      ['GET', `/api/patrols/${p.id}`, undefined],
      ['POST', `/api/patrols/${p.id}/findings`, { shopName: '某店', kind: 'other' }],
      ['POST', `/api/patrols/${p.id}/clues`, { findingIds: [p.findings[0]!.id] }],
    ] as const) {
      const res = await as('other', method, url, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual(missing.json());
    }
    const list = (await as('other', 'GET', '/api/patrols')).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(p.id);
    expect((await as('chief', 'GET', `/api/patrols/${p.id}`)).statusCode).toBe(200);
  });

  it('keeps screenshots on a finding, readable in the department only', async () => {
    const p = await patrol('own', '某外卖平台五', [{ shopName: '子记卤味', kind: 'unlicensed' }]);
    const findingId = p.findings[0]!.id;
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (user: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/patrol-findings/${findingId}/attachments?name=${encodeURIComponent('店铺首页截图.png')}`,
        headers: { cookie: cookies[user]!, 'content-type': 'application/octet-stream' },
        payload: png,
      });
    expect((await upload('other')).statusCode).toBe(404);
    const stored = await upload('own');
    expect(stored.statusCode, stored.body).toBe(201);
    const after = (await as('own', 'GET', `/api/patrols/${p.id}`)).json<TPatrol>();
    expect(after.findings[0]!.screenshots.map((a) => a.fileName)).toEqual(['店铺首页截图.png']);
    const fileId = after.findings[0]!.screenshots[0]!.id;
    const read = await as('own', 'GET', `/api/patrol-findings/${findingId}/attachments/${fileId}`);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(png)).toBe(true);
    expect(
      (await as('other', 'GET', `/api/patrol-findings/${findingId}/attachments/${fileId}`)).statusCode,
    ).toBe(404);
  });
});
