import { describe, expect, it } from 'vitest';
import { caseTypeIds } from '../states.ts';
import {
  computedIndicatorKeys,
  computedIndicatorList,
  computedIndicators,
  exampleDifficulty,
} from './indicators.ts';

describe('computed indicator catalogue', () => {
  it('has one entry per key, each with a Chinese name and a 口径', () => {
    expect(computedIndicatorList.map((indicator) => indicator.key)).toEqual([...computedIndicatorKeys]);
    for (const key of computedIndicatorKeys) {
      const indicator = computedIndicators[key];
      expect(indicator.name).toMatch(/[\u4e00-\u9fa5]/);
      expect(indicator.definition.length).toBeGreaterThan(20);
      expect(indicator.unit).not.toBe('');
    }
  });

  it('names are unique and every case type has a difficulty coefficient', () => {
    const names = computedIndicatorList.map((indicator) => indicator.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(exampleDifficulty).sort()).toEqual([...caseTypeIds].sort());
  });

  it('rates say what happens without a base', () => {
    for (const indicator of computedIndicatorList.filter((i) => i.measure === 'rate')) {
      expect(indicator.definition).toContain('无基数');
    }
  });
});
