import { tempDir } from '@procura/collide/testing/files';
import { schema } from '@procura/db';
import { testEngines } from '@procura/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueueOf } from '../models/run-queue.ts';
import type { THitList, TRun, TUploadResult } from '../models/schema.ts';
import { validId } from '../models/test-files.ts';
import { daysFromToday } from '../testing/reach-fixtures.ts';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const dataDir = tempDir('blacklist-dataset-');
const dataDirBefore = process.env.PROCURA_DATA_DIR;
process.env.PROCURA_DATA_DIR = dataDir;
afterAll(() => {
  if (dataDirBefore === undefined) delete process.env.PROCURA_DATA_DIR;
  else process.env.PROCURA_DATA_DIR = dataDirBefore;
});

describe.each(testEngines())('the food-blacklist model reads the confirmed blacklist (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const ok = async <T>(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await as(user, method, url, payload);
    expect([200, 201, 202], response.body).toContain(response.statusCode);
    return response.json<T>();
  };

  const confirmed = { name: '王某某', id: validId('19800101', 71) };
  const unconfirmed = { name: '李某某', id: validId('19810202', 72) };
  const holder = { name: '赵某某', id: validId('19820303', 73) };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [pil] = await t.database.db
      .select({ name: schema.departments.name })
      .from(schema.departments)
      .where(eq(schema.departments.line, 'publicInterest'))
      .limit(1);
    cookies.own = await loginAs(t, 'prosecutor', pil!.name);
    cookies.analyst = await t.login('analyst');
  });
  afterAll(() => t?.close());

  it('a confirmed entry makes a hit on a licence holder; an unconfirmed referral does not', async () => {
    const opened = await ok<{ id: number }>('own', 'POST', '/api/cases', {
      type: 'civilPublicInterest',
      title: '王某某等生产销售有毒有害食品民事公益诉讼案',
      pilField: 'foodDrugSafety',
    });
    const refer = (operator: { name: string; id: string }) =>
      ok<{ referrals: { id: number; operatorName: string }[] }>(
        'own',
        'POST',
        `/api/cases/${opened.id}/blacklist-referrals`,
        {
          operatorName: operator.name,
          operatorCode: operator.id,
          regulator: '成都市成华区市场监督管理局',
          referredOn: daysFromToday(-30),
          reason: '生产销售有毒有害食品被判处刑罚，属严重违法失信情形',
        },
      );
    await refer(unconfirmed);
    const referred = await refer(confirmed);
    const confirmedId = referred.referrals.find((r) => r.operatorName === confirmed.name)!.id;
    await ok('own', 'PUT', `/api/blacklist-referrals/${confirmedId}/confirmation`, {
      confirmedOn: daysFromToday(-10),
      effectiveOn: daysFromToday(-5),
    });

    const list = await ok<TUploadResult & { entries: number }>(
      'analyst',
      'POST',
      '/api/blacklist-referrals/dataset',
    );
    expect(list.entries).toBe(1);
    expect(list.dataset.kind).toBe('blacklist');

    const holders = [
      '身份证号,姓名,企业名称',
      ...[confirmed, unconfirmed, holder].map((p) => `${p.id},${p.name},某某餐饮店`),
    ].join('\n');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/datasets?kind=holders&fileName=${encodeURIComponent('食品经营许可持证人.csv')}`,
      headers: { cookie: cookies.analyst!, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(holders),
    });
    expect([200, 201], uploaded.body).toContain(uploaded.statusCode);
    const run = await ok<TRun>('analyst', 'POST', '/api/model-runs', {
      modelId: 'food-blacklist',
      datasets: { holders: uploaded.json<TUploadResult>().dataset.id, blacklist: list.dataset.id },
    });
    await runQueueOf(t.database).idle();
    expect((await ok<TRun>('analyst', 'GET', `/api/model-runs/${run.id}`)).status).toBe('succeeded');
    const hits = await ok<THitList>('analyst', 'GET', `/api/model-runs/${run.id}/hits`);
    expect(hits.items.map((h) => h.subject)).toEqual([confirmed.id]);
  });
});
