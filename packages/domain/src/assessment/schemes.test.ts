import { describe, expect, it } from 'vitest';
import {
  appealClosesOn,
  appealRefusal,
  cappedTotals,
  copyScheme,
  exampleScheme,
  frozenReason,
  mayPropose,
  type Scheme,
  schemeProblems,
} from './schemes.ts';

const scheme = (patch: Partial<Scheme> = {}): Scheme => ({ ...copyScheme(exampleScheme), ...patch });

describe('assessment schemes', () => {
  it('accepts the example scheme, every title marked 示例', () => {
    expect(schemeProblems(exampleScheme)).toEqual([]);
    for (const r of exampleScheme.pointRules) expect(r.title).toContain('示例');
    for (const i of exampleScheme.indicators) expect(i.name).toContain('示例');
  });

  it('refuses weights that do not sum to 100, naming each indicator and the sum', () => {
    const s = scheme();
    s.indicators = [
      { ...s.indicators[0]!, name: '采纳率', weight: 60 },
      { ...s.indicators[1]!, name: '按期率', weight: 30.5 },
    ];
    expect(schemeProblems(s)).toEqual(['业绩指标权重合计应为 100，现为 90.5（采纳率 60、按期率 30.5）']);
  });

  it('sums weights exactly: 33.33 + 33.33 + 33.34 is 100', () => {
    const s = scheme();
    s.indicators = [33.33, 33.33, 33.34].map((weight, i) => ({ ...s.indicators[i]!, weight }));
    expect(schemeProblems(s)).toEqual([]);
  });

  it('refuses a computed indicator without its key and an entered one with a key', () => {
    const s = scheme();
    s.indicators = s.indicators.map((i) =>
      i.code === 'Q1'
        ? { ...i, computedKey: null }
        : i.code === 'F1'
          ? { ...i, computedKey: 'casesHandled' }
          : i,
    );
    expect(schemeProblems(s)).toEqual([
      '指标「（示例）检察建议采纳率」为自动计算指标，须选择计算口径',
      '指标「（示例）外部评价」为填报指标，不应设置计算口径',
    ]);
  });

  it('refuses a computed key that is not in the catalogue, naming the indicator and the key', () => {
    const s = scheme();
    s.indicators = s.indicators.map((i) => (i.code === 'E1' ? { ...i, computedKey: 'casesWon' } : i));
    expect(schemeProblems(s)).toEqual([
      '指标「（示例）办案数（按难度系数折算）」的计算口径「casesWon」不在平台计算指标目录中',
    ]);
  });

  it('refuses zero points, a cap below one entry, duplicate codes and grades out of order', () => {
    const s = scheme();
    const [first, second] = s.pointRules;
    s.pointRules = [
      { ...first!, points: 0 },
      { ...second!, code: first!.code, capPerPeriod: 0.5, points: 1 },
    ];
    s.gradeBands = [
      { grade: 'excellent', minScore: 80, quotaPercent: 120 },
      { grade: 'competent', minScore: 85, quotaPercent: null },
    ];
    expect(schemeProblems(s)).toEqual([
      '积分条款 1「（示例）参加第一议题学习」的分值不能为 0',
      '积分条款编号 1 重复',
      '积分条款 1「（示例）参加党组会前学习」的每期上限 0.5 小于一次的分值',
      '等次「称职」的最低分应低于「优秀」的 80',
      '等次「优秀」的比例应在 0 至 100 之间',
    ]);
  });

  it('copies a scheme so that editing the copy leaves the original as it was', () => {
    const last = scheme();
    const next = copyScheme(last);
    next.indicators[0]!.weight = 99;
    next.pointRules[0]!.points = 5;
    expect(last.indicators[0]!.weight).toBe(20);
    expect(last.pointRules[0]!.points).toBe(1);
    expect(next.indicators.map((i) => i.code)).toEqual(last.indicators.map((i) => i.code));
  });

  it('freezes a closed period with a message naming it', () => {
    expect(frozenReason({ name: '2025年度', status: 'open' })).toBeNull();
    expect(frozenReason({ name: '2025年度', status: 'closed' })).toBe(
      '考核周期「2025年度」已关闭，其方案和条目不能再修改（已关闭周期的分数保持不变）',
    );
  });

  it('lets a proposer at or above the rule level propose', () => {
    expect(mayPropose({ proposer: 'self' }, 'self')).toBe(true);
    expect(mayPropose({ proposer: 'departmentHead' }, 'self')).toBe(false);
    expect(mayPropose({ proposer: 'departmentHead' }, 'departmentHead')).toBe(true);
    expect(mayPropose({ proposer: 'personnel' }, 'departmentHead')).toBe(false);
    expect(mayPropose({ proposer: 'personnel' }, 'personnel')).toBe(true);
  });

  it('allows one appeal within the window and refuses a late one with the day it closed', () => {
    expect(appealClosesOn('2026-12-28', 7)).toBe('2027-01-04');
    const base = { effectiveOn: '2026-12-28', appealDays: 7, alreadyAppealed: false };
    expect(appealRefusal({ ...base, today: '2027-01-04' })).toBeNull();
    expect(appealRefusal({ ...base, today: '2027-01-05' })).toBe(
      '复核申请期限已于 2027年1月4日 届满，不能再申请复核',
    );
    expect(appealRefusal({ ...base, today: '2026-12-29', alreadyAppealed: true })).toBe(
      '每个条目只能申请一次复核，该条目已申请过',
    );
    expect(appealRefusal({ ...base, effectiveOn: null, today: '2026-12-29' })).toBe(
      '该条目尚未生效，生效后才能申请复核',
    );
  });

  it('holds each rule to its cap per person, deductions included', () => {
    const rules = [
      { code: '1', capPerPeriod: 3 },
      { code: '6', capPerPeriod: 4 },
      { code: '9', capPerPeriod: null },
    ];
    const totals = cappedTotals(
      [
        ...Array.from({ length: 5 }, () => ({ userId: 1, ruleCode: '1', points: 1 })),
        ...Array.from({ length: 3 }, () => ({ userId: 1, ruleCode: '6', points: -2 })),
        { userId: 1, ruleCode: '9', points: 3 },
        { userId: 1, ruleCode: null, points: 0.5 },
        { userId: 2, ruleCode: '1', points: 1 },
      ],
      rules,
    );
    expect(totals.get(1)?.byRule.get('1')).toBe(3);
    expect(totals.get(1)?.byRule.get('6')).toBe(-4);
    expect(totals.get(1)?.total).toBe(2.5);
    expect(totals.get(2)?.total).toBe(1);
  });
});
