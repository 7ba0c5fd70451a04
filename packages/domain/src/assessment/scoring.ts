/**
 * 业绩评分: pure functions from indicator values to scores, grades and the quota check.
 *
 * - 跳起摸高: each indicator is scored against a benchmark, the best value in the department for the
 *   period, or a target the department head sets beyond it (a target short of the best is ignored:
 *   the best is the floor of ambition). The rule applied is returned next to every score as text.
 * - higher is better: score = weight × min(value ÷ benchmark, 1).
 *   lower is better:  score = weight × min((1 + benchmark) ÷ (1 + value), 1) (the +1 keeps a
 *   benchmark of 0 from dividing by zero; zero overdue against a best of zero scores full).
 * - not applicable (不计分): a rate without a base (value null), or an indicator nobody in the
 *   department has any of (all values 0, either direction: it tells no one apart). Its weight is shared out among the
 *   applicable ones: total = Σ scores × Σ all weights ÷ Σ applicable weights.
 * - a person moved mid-period (memberships) is scored in each department against that department,
 *   additive values (counts, amounts) being compared pro rata to the days spent there (value ×
 *   period days ÷ days in the department); the totals are weighted by the days in each.
 * - grades: from the bands on the total, then the quota check (at most ⌊n × share⌋ of a grade among
 *   the n people graded together); those over quota, lowest first, drop to the next band.
 *
 * The scheme here is an input type; the stored, versioned schemes (assessment-schemes) map onto it.
 */
import { daysBetween } from './dates.ts';
import {
  computedIndicators,
  exampleDifficulty,
  type TComputedKey,
  type TDimension,
  type TDirection,
  type TMeasure,
} from './indicators.ts';
import type { TGrade } from './schemes.ts';
import { gradeLabels } from './schemes.ts';

// The grades and their labels: one list (states.ts) and one label table (schemes.ts).
export { gradeLabels, type TGrade } from './schemes.ts';

export interface SchemeIndicator {
  /** Unique within the scheme. */
  readonly key: string;
  readonly name: string;
  readonly dimension: TDimension;
  readonly weight: number;
  readonly direction: TDirection;
  readonly source: 'computed' | 'entered';
  /** For source 'computed': which catalogue entry supplies the value. */
  readonly computedKey?: TComputedKey;
  /** Entered indicators: how the value adds up (defaults to count). */
  readonly measure?: TMeasure;
}

export interface GradeBand {
  readonly grade: TGrade;
  /** Lowest total (inclusive) for the grade; bands are checked from the highest minimum down. */
  readonly minScore: number;
  /** Share of the people graded together who may hold the grade (0.2 = 20 %); absent: no quota. */
  readonly maxShare?: number;
}

export interface AssessmentScheme {
  readonly name: string;
  readonly indicators: readonly SchemeIndicator[];
  /** 难度系数 by case type; a type missing counts 1.0. */
  readonly difficulty: Readonly<Record<string, number>>;
  readonly bands: readonly GradeBand[];
}

/** 示例方案 (not an official text): weights sum to 100; bands and quota are examples to adjust. */
export const exampleScheme: AssessmentScheme = {
  name: '示例：检察官业绩考评方案',
  difficulty: exampleDifficulty,
  indicators: [
    computed('casesHandled', 20),
    computed('cluesOpened', 10),
    computed('suggestionsIssued', 10),
    computed('suggestionAdoptionRate', 10),
    computed('deadlineOnTimeRate', 10),
    computed('deadlinesOverdue', 5),
    computed('moneyRecovered', 10),
    computed('outreachEvents', 5),
    {
      key: 'externalEvaluation',
      name: '外部评价',
      dimension: 'effect',
      weight: 10,
      direction: 'higher',
      source: 'entered',
      measure: 'rate',
    },
    {
      key: 'research',
      name: '理论调研',
      dimension: 'quality',
      weight: 10,
      direction: 'higher',
      source: 'entered',
    },
  ],
  bands: [
    { grade: 'excellent', minScore: 85, maxShare: 0.2 },
    { grade: 'competent', minScore: 60 },
    { grade: 'basicallyCompetent', minScore: 45 },
    { grade: 'incompetent', minScore: 0 },
  ],
};

function computed(key: TComputedKey, weight: number): SchemeIndicator {
  const indicator = computedIndicators[key];
  return {
    key,
    name: indicator.name,
    dimension: indicator.dimension,
    weight,
    direction: indicator.direction,
    source: 'computed',
    computedKey: key,
  };
}

export function indicatorMeasure(indicator: SchemeIndicator): TMeasure {
  if (indicator.computedKey) return computedIndicators[indicator.computedKey].measure;
  return indicator.measure ?? 'count';
}

// ─── one indicator ──────────────────────────────────────────────────────────────────────────

export interface IndicatorScore {
  readonly key: string;
  readonly value: number | null;
  /** The value compared with the benchmark (pro rata for a part of the period). */
  readonly compared: number | null;
  readonly benchmark: number | null;
  readonly benchmarkKind: 'best' | 'target';
  readonly weight: number;
  readonly applicable: boolean;
  readonly score: number;
  /** The rule and the arithmetic, in words, shown next to the score. */
  readonly rule: string;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function scoreIndicator(input: {
  key: string;
  weight: number;
  direction: TDirection;
  value: number | null;
  compared: number | null;
  benchmark: number | null;
  benchmarkKind: 'best' | 'target';
  proRata?: string;
}): IndicatorScore {
  const { proRata, ...base } = input;
  const { weight, direction, compared, benchmark } = base;
  const against = input.benchmarkKind === 'target' ? '负责人设定的目标值' : '本部门最优值';
  if (compared === null) {
    return { ...base, applicable: false, score: 0, rule: '无基数，不计分；权重按比例分配给其余指标' };
  }
  if (benchmark === null || (direction === 'higher' && benchmark <= 0)) {
    return {
      ...base,
      applicable: false,
      score: 0,
      rule: '本部门本期无人有此项，不计分；权重按比例分配给其余指标',
    };
  }
  const shown = proRata ? `${proRata} ${fmt(compared)}` : `本人值 ${fmt(compared)}`;
  if (direction === 'higher') {
    const ratio = Math.min(compared / benchmark, 1);
    const score = weight * ratio;
    return {
      ...base,
      applicable: true,
      score,
      rule: `跳起摸高（越高越好）：得分 = 权重 ${fmt(weight)} × ${shown} ÷ ${against} ${fmt(benchmark)}${compared >= benchmark ? '（达到标杆，计满分）' : ''} = ${fmt(score)}`,
    };
  }
  const ratio = Math.min((1 + benchmark) / (1 + compared), 1);
  const score = weight * ratio;
  return {
    ...base,
    applicable: true,
    score,
    rule: `跳起摸高（越低越好）：得分 = 权重 ${fmt(weight)} × (1 + ${against} ${fmt(benchmark)}) ÷ (1 + ${shown}) = ${fmt(score)}`,
  };
}

// ─── a department ───────────────────────────────────────────────────────────────────────────

/** One person's time in one department within the period, with the values computed over it. */
export interface MemberValues {
  readonly userId: number;
  readonly from: string;
  readonly to: string;
  /** By scheme indicator key; null: no base (a rate), absent: 0 for additive indicators. */
  readonly values: Readonly<Record<string, number | null>>;
}

export interface MemberScore {
  readonly userId: number;
  readonly departmentId: number;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly total: number;
  readonly indicators: readonly IndicatorScore[];
  readonly byDimension: Readonly<Record<TDimension, number>>;
  /** 1 = best in the department. */
  readonly rank: number;
}

export function scoreDepartment(input: {
  scheme: AssessmentScheme;
  period: { from: string; to: string };
  departmentId: number;
  members: readonly MemberValues[];
  /** Targets set by the department head, by indicator key. */
  targets?: Readonly<Record<string, number>>;
}): MemberScore[] {
  const periodDays = daysBetween(input.period.from, input.period.to);
  const prepared = input.members.map((member) => {
    const days = daysBetween(member.from, member.to);
    const partial = days < periodDays;
    const compared: Record<string, number | null> = {};
    for (const indicator of input.scheme.indicators) {
      const raw = member.values[indicator.key];
      const value = raw === undefined ? (indicatorMeasure(indicator) === 'rate' ? null : 0) : raw;
      compared[indicator.key] =
        value !== null && partial && indicatorMeasure(indicator) !== 'rate' && days > 0
          ? (value * periodDays) / days
          : value;
    }
    return { member, days, partial, compared };
  });

  const benchmarks: Record<string, { value: number | null; kind: 'best' | 'target' }> = {};
  for (const indicator of input.scheme.indicators) {
    const values = prepared.map((p) => p.compared[indicator.key]).filter((v): v is number => v !== null);
    // Nobody in the department has any (all zero, lower-is-better too): it tells no one apart.
    const best =
      values.length === 0 || values.every((v) => v === 0)
        ? null
        : indicator.direction === 'higher'
          ? Math.max(...values)
          : Math.min(...values);
    const target = input.targets?.[indicator.key];
    const beyond =
      target !== undefined &&
      best !== null &&
      (indicator.direction === 'higher' ? target > best : target < best);
    benchmarks[indicator.key] = beyond ? { value: target, kind: 'target' } : { value: best, kind: 'best' };
  }

  const totalWeight = input.scheme.indicators.reduce((sum, i) => sum + i.weight, 0);
  const scored = prepared.map(({ member, days, partial, compared }) => {
    const indicators = input.scheme.indicators.map((indicator) => {
      const benchmark = benchmarks[indicator.key] ?? { value: null, kind: 'best' as const };
      const raw = member.values[indicator.key];
      const value = raw === undefined ? (indicatorMeasure(indicator) === 'rate' ? null : 0) : raw;
      return scoreIndicator({
        key: indicator.key,
        weight: indicator.weight,
        direction: indicator.direction,
        value,
        compared: compared[indicator.key] ?? null,
        benchmark: benchmark.value,
        benchmarkKind: benchmark.kind,
        ...(partial && indicatorMeasure(indicator) !== 'rate'
          ? { proRata: `本人值 ${fmt(value ?? 0)} 按在本部门 ${days} 天折算为全期 ${periodDays} 天` }
          : {}),
      });
    });
    const applicableWeight = indicators.filter((i) => i.applicable).reduce((s, i) => s + i.weight, 0);
    const scale = applicableWeight > 0 ? totalWeight / applicableWeight : 0;
    const total = indicators.reduce((sum, i) => sum + i.score, 0) * scale;
    const byDimension: Record<TDimension, number> = { quality: 0, efficiency: 0, effect: 0 };
    input.scheme.indicators.forEach((indicator, index) => {
      byDimension[indicator.dimension] += (indicators[index]?.score ?? 0) * scale;
    });
    return {
      userId: member.userId,
      departmentId: input.departmentId,
      from: member.from,
      to: member.to,
      days,
      total,
      indicators,
      byDimension,
      rank: 0,
    };
  });
  const ranked = [...scored].sort((a, b) => b.total - a.total);
  return scored.map((s) => ({ ...s, rank: 1 + ranked.filter((r) => r.total > s.total + 1e-9).length }));
}

/** A person's total over departments, weighted by the days in each. */
export function combineSegments(segments: readonly MemberScore[]): {
  total: number;
  byDimension: Record<TDimension, number>;
} {
  const days = segments.reduce((sum, s) => sum + s.days, 0);
  const byDimension: Record<TDimension, number> = { quality: 0, efficiency: 0, effect: 0 };
  if (days === 0) return { total: 0, byDimension };
  let total = 0;
  for (const segment of segments) {
    total += (segment.total * segment.days) / days;
    for (const d of Object.keys(byDimension) as TDimension[]) {
      byDimension[d] += (segment.byDimension[d] * segment.days) / days;
    }
  }
  return { total, byDimension };
}

// ─── grades and quotas ──────────────────────────────────────────────────────────────────────

export interface GradeResult {
  readonly userId: number;
  readonly total: number;
  /** The grade the bands give. */
  readonly bandGrade: TGrade;
  /** After the quota check. */
  readonly grade: TGrade;
  readonly note: string | null;
}

export interface QuotaCheck {
  readonly grade: TGrade;
  readonly maxShare: number;
  readonly allowed: number;
  /** How many the bands alone would give the grade. */
  readonly proposed: number;
  readonly withinQuota: boolean;
}

export function assignGrades(
  people: readonly { userId: number; total: number }[],
  bands: readonly GradeBand[],
): { grades: GradeResult[]; quotas: QuotaCheck[] } {
  const ordered = [...bands].sort((a, b) => b.minScore - a.minScore);
  const bandOf = (total: number): TGrade =>
    ordered.find((band) => total >= band.minScore - 1e-9)?.grade ?? 'incompetent';
  const ranked = [...people].sort((a, b) => b.total - a.total || a.userId - b.userId);
  const grades = new Map<number, GradeResult>();
  for (const person of ranked) {
    const grade = bandOf(person.total);
    grades.set(person.userId, { ...person, bandGrade: grade, grade, note: null });
  }
  const quotas: QuotaCheck[] = [];
  ordered.forEach((band, index) => {
    const share = band.maxShare;
    if (share === undefined) return;
    const allowed = Math.floor(people.length * share);
    const holders = ranked.filter((p) => grades.get(p.userId)?.grade === band.grade);
    quotas.push({
      grade: band.grade,
      maxShare: share,
      allowed,
      proposed: holders.length,
      withinQuota: holders.length <= allowed,
    });
    const next = ordered[index + 1]?.grade ?? band.grade;
    holders.slice(allowed).forEach((p, k) => {
      const current = grades.get(p.userId);
      if (!current) return;
      grades.set(p.userId, {
        ...current,
        grade: next,
        note: `${gradeLabels[band.grade]}名额 ${allowed} 人（${Math.round(share * 100)}% × ${people.length} 人，向下取整），按总分排在第 ${allowed + k + 1} 位，定为${gradeLabels[next]}`,
      });
    });
  });
  return { grades: people.map((p) => grades.get(p.userId) as GradeResult), quotas };
}
