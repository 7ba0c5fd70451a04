import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../testing/role-login.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { TDatasetList, TModelDetail, TModelSummary } from './schema.ts';

describe.each(testEngines())('what the model pages say (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = await loginAs(t, 'analyst');
  });
  afterAll(() => t?.close());

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('each legal basis is one clean citation with at most one 待核实 mark', async () => {
    const { items } = await get<{ items: TModelSummary[] }>('/api/models');
    for (const model of items) {
      for (const basis of model.legalBasis) {
        expect(basis.split('待核实').length - 1, basis).toBeLessThanOrEqual(1);
        expect(basis, basis).not.toMatch(/条文号未核实|条文待核实|\[P\]|laws\//);
      }
    }
    const subsidy = items.find((m) => m.id === 'prisoner-subsidy')!;
    expect(subsidy.legalBasis).toContain(
      '《社会救助暂行办法》及民政部门最低生活保障审核确认办法（服刑人员不得享受最低生活保障等社会救助）（待核实）',
    );
    expect(subsidy.legalBasis).toContain(
      '行政诉讼法第二十五条第四款（国有财产保护等领域的行政公益诉讼，诉前检察建议）',
    );
  });

  it('the hit explanation is shown as an example sentence, not a template', async () => {
    const detail = await get<TModelDetail>('/api/models/prisoner-subsidy');
    expect(detail.explanationExample).toBe(
      '张某（510108********1234）于2022年3月5日至2024年6月30日服刑期间领取补(救)助金3次，共计3,600.00元。',
    );
    expect(JSON.stringify(detail)).not.toContain('{name}');
  });

  it('data-set kinds have distinct Chinese names, so the picker needs no internal key', async () => {
    const { kinds } = await get<TDatasetList>('/api/datasets');
    const labels = kinds.map((k) => k.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/[a-z]/);
    expect(labels).toContain('禁驾记录（吸毒、肇事逃逸、醉驾吊销）');
  });
});
