import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docEnd, docStart, renderMetricsDoc } from './doc.ts';
import { allMetrics } from './index.ts';

describe('docs/statistics.md', () => {
  it('states every figure’s 口径 exactly as the code defines it', () => {
    const text = readFileSync(new URL('../../../../../docs/statistics.md', import.meta.url), 'utf8');
    const generated = text.slice(text.indexOf(docStart), text.indexOf(docEnd) + docEnd.length);
    // On a difference: node apps/server/src/cockpit/metrics/write-doc.ts
    expect(generated).toBe(renderMetricsDoc());
    for (const metric of allMetrics) expect(generated).toContain(metric.definition);
  });

  it('gives every figure one id, a Chinese name and a definition', () => {
    const ids = allMetrics.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const metric of allMetrics) {
      expect(metric.name).toMatch(/\p{Script=Han}/u);
      expect(metric.definition.length).toBeGreaterThan(20);
    }
  });
});
