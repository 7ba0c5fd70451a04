import { dimensionIds, dimensionLabels, type TDimension } from '@procura/domain/assessment/indicators';
import type { AssessmentScheme } from '@procura/domain/assessment/scoring';
import type { SessionUser } from '../auth/load-user.ts';
import { catalogueOf, type SegmentResult } from './assess.ts';
import type { ContributingRecord } from './compute.ts';

/** Juvenile records are counted for everyone but listed only to the juvenile department. */
export function seesJuvenileRecords(user: SessionUser): boolean {
  return user.department?.line === 'juvenile';
}

export interface IndicatorRow {
  key: string;
  name: string;
  dimension: TDimension;
  dimensionLabel: string;
  unit: string;
  source: 'computed' | 'entered';
  definition: string;
  weight: number;
  direction: 'higher' | 'lower';
  value: number | null;
  numerator: number | null;
  base: number | null;
  benchmark: number | null;
  benchmarkKind: 'best' | 'target';
  applicable: boolean;
  score: number;
  rule: string;
  listUrl: string | null;
  records: { type: string; id: number; label: string; url: string }[];
  hiddenRecords: number;
}

export interface SegmentView {
  departmentId: number;
  departmentName: string;
  from: string;
  to: string;
  days: number;
  total: number;
  rank: number;
  of: number;
  /** How the weight of indicators that were not scored was shared out. */
  scaleNote: string | null;
  dimensions: { dimension: TDimension; label: string; score: number; percent: number }[];
  indicators: IndicatorRow[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function presentSegment(
  segment: SegmentResult,
  scheme: AssessmentScheme,
  viewer: SessionUser,
): SegmentView {
  const juvenileOk = seesJuvenileRecords(viewer);
  const indicators: IndicatorRow[] = scheme.indicators.map((indicator, index) => {
    const score = segment.indicators[index];
    const catalogue = catalogueOf(indicator.computedKey);
    const computed = indicator.computedKey ? segment.computed[indicator.computedKey] : undefined;
    const records: readonly ContributingRecord[] = computed?.records ?? [];
    const shown = records.filter((r) => juvenileOk || !r.juvenile);
    return {
      key: indicator.key,
      name: indicator.name,
      dimension: indicator.dimension,
      dimensionLabel: dimensionLabels[indicator.dimension],
      unit: catalogue?.unit ?? '',
      source: indicator.source,
      definition:
        catalogue?.definition ?? '录入指标：本人填报，部门负责人审核、政治部审批后计入（附证明材料）。',
      weight: indicator.weight,
      direction: indicator.direction,
      value: score?.value ?? null,
      numerator: computed?.numerator ?? null,
      base: computed?.base ?? null,
      benchmark: score?.benchmark ?? null,
      benchmarkKind: score?.benchmarkKind ?? 'best',
      applicable: score?.applicable ?? false,
      score: round2(score?.score ?? 0),
      rule: score?.rule ?? '',
      listUrl: catalogue?.listPath ?? null,
      records: shown.map((r) => ({ type: r.type, id: r.id, label: r.label, url: r.url })),
      hiddenRecords: records.length - shown.length,
    };
  });
  const totalWeight = scheme.indicators.reduce((s, i) => s + i.weight, 0);
  const applicableWeight = indicators.filter((i) => i.applicable).reduce((s, i) => s + i.weight, 0);
  const dimensions = dimensionIds.map((dimension) => {
    const rows = indicators.filter((i) => i.dimension === dimension && i.applicable);
    const weight = rows.reduce((s, i) => s + i.weight, 0);
    const raw = rows.reduce((s, i) => s + i.score, 0);
    return {
      dimension,
      label: dimensionLabels[dimension],
      score: round2(segment.byDimension[dimension]),
      percent: weight > 0 ? round2((raw / weight) * 100) : 0,
    };
  });
  return {
    departmentId: segment.departmentId,
    departmentName: segment.departmentName,
    from: segment.from,
    to: segment.to,
    days: segment.days,
    total: round2(segment.total),
    rank: segment.rank,
    of: segment.of,
    scaleNote:
      applicableWeight < totalWeight && applicableWeight > 0
        ? `不计分指标的权重按比例分配：总分 = 各项得分之和 × ${totalWeight} ÷ ${applicableWeight}`
        : null,
    dimensions,
    indicators,
  };
}
