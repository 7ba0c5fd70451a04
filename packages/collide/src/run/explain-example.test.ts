import { describe, expect, it } from 'vitest';
import { findModel, listModels } from '../models/registry.ts';
import { explanationExample } from './explain-example.ts';

describe('explanationExample: a model template as an example hit reads', () => {
  it('fills every placeholder with a made-up value of its kind', () => {
    expect(explanationExample(findModel('prisoner-subsidy')!)).toBe(
      '张某（510108********1234）于2022年3月5日至2024年6月30日服刑期间领取补(救)助金3次，共计3,600.00元。',
    );
    expect(explanationExample(findModel('banned-driver')!)).toContain(
      '禁驾记录：醉酒驾驶（2022年3月5日至2027年3月4日）',
    );
  });

  it('leaves no braces, keys or blanks in any built-in model', () => {
    for (const spec of listModels()) {
      const example = explanationExample(spec);
      expect(example, spec.id).not.toMatch(/[{}]|……|[a-z]+\.[a-zA-Z]+/);
    }
  });
});
