import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computedIndicatorList } from './indicators.ts';

/** docs/assessment.md's section 计算指标与口径 (up to the next second-level heading). */
function section(): string {
  const text = readFileSync(new URL('../../../../docs/assessment.md', import.meta.url), 'utf8');
  const start = text.indexOf('## 计算指标与口径');
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + 3);
  const end = rest.search(/^## /m);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('docs/assessment.md 计算指标与口径', () => {
  it('states every computed indicator with its key and its 口径 word for word', () => {
    const text = section();
    for (const indicator of computedIndicatorList) {
      expect(text).toContain(`### ${indicator.name}（\`${indicator.key}\`）`);
      expect(text).toContain(`口径：${indicator.definition}`);
    }
  });

  it('lists no indicator the catalogue does not have', () => {
    const keys = [...section().matchAll(/^### .+（`(\w+)`）$/gm)].map((m) => m[1]);
    expect(keys).toEqual(computedIndicatorList.map((i) => i.key));
  });
});
