import { describe, expect, it } from 'vitest';
import { quartersOf } from './dates.ts';
import {
  type AssessmentScheme,
  assignGrades,
  combineSegments,
  scoreDepartment,
  scoreIndicator,
} from './scoring.ts';

const scheme: AssessmentScheme = {
  name: '测试方案',
  difficulty: {},
  indicators: [
    {
      key: 'cases',
      name: '办案',
      dimension: 'efficiency',
      weight: 60,
      direction: 'higher',
      source: 'entered',
    },
    {
      key: 'overdue',
      name: '超期',
      dimension: 'efficiency',
      weight: 20,
      direction: 'lower',
      source: 'entered',
    },
    {
      key: 'rate',
      name: '采纳率',
      dimension: 'quality',
      weight: 20,
      direction: 'higher',
      source: 'entered',
      measure: 'rate',
    },
  ],
  bands: [
    { grade: 'excellent', minScore: 90, maxShare: 0.2 },
    { grade: 'competent', minScore: 60 },
    { grade: 'basicallyCompetent', minScore: 40 },
    { grade: 'incompetent', minScore: 0 },
  ],
};
const period = { from: '2026-01-01', to: '2027-01-01' };

describe('scoreIndicator', () => {
  it('higher is better: weight × value ÷ best, capped at the weight', () => {
    const s = scoreIndicator({
      key: 'k',
      weight: 20,
      direction: 'higher',
      value: 3,
      compared: 3,
      benchmark: 4,
      benchmarkKind: 'best',
    });
    expect(s.score).toBe(15);
    expect(s.rule).toContain('权重 20 × 本人值 3 ÷ 本部门最优值 4');
  });
  it('lower is better with a best of zero does not divide by zero', () => {
    const s = scoreIndicator({
      key: 'k',
      weight: 10,
      direction: 'lower',
      value: 1,
      compared: 1,
      benchmark: 0,
      benchmarkKind: 'best',
    });
    expect(s.score).toBe(5);
  });
  it('a rate without base is not scored, and says so', () => {
    const s = scoreIndicator({
      key: 'k',
      weight: 10,
      direction: 'higher',
      value: null,
      compared: null,
      benchmark: 50,
      benchmarkKind: 'best',
    });
    expect(s.applicable).toBe(false);
    expect(s.rule).toContain('无基数');
  });
});

describe('scoreDepartment', () => {
  it('scores against the best, shares a missing rate weight, ranks', () => {
    const result = scoreDepartment({
      scheme,
      period,
      departmentId: 1,
      members: [
        { userId: 1, ...period, values: { cases: 10, overdue: 0, rate: 50 } },
        { userId: 2, ...period, values: { cases: 5, overdue: 1, rate: null } },
      ],
    });
    // user 1: 60 × 10/10 + 20 × 1/1 + 20 × 50/50 = 100
    expect(result[0]?.total).toBeCloseTo(100);
    // user 2: 60 × 5/10 = 30; 20 × (1+0)/(1+1) = 10; rate not applicable → (30 + 10) × 100/80 = 50
    expect(result[1]?.total).toBeCloseTo(50);
    expect(result.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('a head target beyond the best becomes the benchmark', () => {
    const [one] = scoreDepartment({
      scheme,
      period,
      departmentId: 1,
      members: [{ userId: 1, ...period, values: { cases: 10, overdue: 0, rate: 50 } }],
      targets: { cases: 20 },
    });
    const cases = one?.indicators.find((i) => i.key === 'cases');
    expect(cases?.benchmarkKind).toBe('target');
    expect(cases?.score).toBe(30);
    expect(cases?.rule).toContain('负责人设定的目标值 20');
  });

  it('a person moved mid-period is compared pro rata and weighted by days', () => {
    // 2026-01-01..2026-04-01 is 90 days of 365: 3 cases count as 3 × 365 / 90.
    const [moved] = scoreDepartment({
      scheme,
      period,
      departmentId: 2,
      members: [
        { userId: 9, from: '2026-01-01', to: '2026-04-01', values: { cases: 3, overdue: 0, rate: null } },
        { userId: 8, ...period, values: { cases: 10, overdue: 0, rate: null } },
      ],
    });
    expect(moved?.days).toBe(90);
    const cases = moved?.indicators.find((i) => i.key === 'cases');
    expect(cases?.compared).toBeCloseTo((3 * 365) / 90);
    expect(cases?.rule).toContain('按在本部门 90 天折算');
    const combined = combineSegments([
      { ...(moved as NonNullable<typeof moved>), total: 80, days: 90 },
      { ...(moved as NonNullable<typeof moved>), total: 60, days: 275 },
    ]);
    expect(combined.total).toBeCloseTo((80 * 90 + 60 * 275) / 365);
  });
});

describe('assignGrades', () => {
  it('checks the 优秀 quota and drops the lowest over it', () => {
    const people = [95, 94, 93, 70, 65, 50, 30, 92, 91, 20].map((total, i) => ({ userId: i + 1, total }));
    const { grades, quotas } = assignGrades(people, scheme.bands);
    // 10 people × 20 % = 2 优秀; the bands propose 5 (95, 94, 93, 92, 91).
    expect(quotas).toEqual([
      { grade: 'excellent', maxShare: 0.2, allowed: 2, proposed: 5, withinQuota: false },
    ]);
    expect(grades.filter((g) => g.grade === 'excellent').map((g) => g.total)).toEqual([95, 94]);
    const third = grades.find((g) => g.total === 93);
    expect(third?.grade).toBe('competent');
    expect(third?.note).toContain('第 3 位');
    expect(grades.find((g) => g.total === 20)?.grade).toBe('incompetent');
  });
});

describe('quartersOf', () => {
  it('cuts a year into four', () => {
    expect(quartersOf(period).map((q) => q.from)).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
  });
});

describe('an indicator that tells no one apart', () => {
  it('is not scored when everyone has 0, even lower-is-better: no full marks for doing nothing', () => {
    const [only] = scoreDepartment({
      scheme,
      period,
      departmentId: 1,
      members: [{ userId: 1, ...period, values: { cases: 0, overdue: 0, rate: null } }],
    });
    expect(only?.indicators.map((i) => i.applicable)).toEqual([false, false, false]);
    expect(only?.total).toBe(0);
  });
});
