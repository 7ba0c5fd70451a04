import { z } from 'zod';
import { ZIdParam } from '../http/ids.ts';

export const ZYear = z.coerce
  .number('年度应为数字')
  .int('年度应为整数')
  .min(2000, '年度应在 2000—2100 之间')
  .max(2100, '年度应在 2000—2100 之间');

export const ZYearQuery = z.strictObject({ year: ZYear.optional() });
export const ZProfileParams = z.strictObject({ userId: ZIdParam });
export const ZExportQuery = z.strictObject({
  year: ZYear.optional(),
  kind: z.enum(['results', 'grades', 'candidates'], '导出类别应为 results、grades 或 candidates'),
});
export const ZRecalculateBody = z.strictObject({
  year: ZYear,
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
});
export const ZTargetBody = z.strictObject({
  year: ZYear,
  indicatorKey: z.string().trim().min(1, '请选择指标').max(100),
  target: z.number('目标值应为数字').min(0, '目标值不能为负').max(1e12).nullable(),
});

const ZDimension = z.object({
  dimension: z.string(),
  label: z.string(),
  score: z.number(),
  percent: z.number(),
});

const ZIndicatorRow = z.object({
  key: z.string(),
  name: z.string(),
  dimension: z.string(),
  dimensionLabel: z.string(),
  unit: z.string(),
  source: z.enum(['computed', 'entered']),
  definition: z.string(),
  weight: z.number(),
  direction: z.enum(['higher', 'lower']),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  base: z.number().nullable(),
  benchmark: z.number().nullable(),
  benchmarkKind: z.enum(['best', 'target']),
  applicable: z.boolean(),
  score: z.number(),
  rule: z.string(),
  listUrl: z.string().nullable(),
  records: z.array(z.object({ type: z.string(), id: z.number(), label: z.string(), url: z.string() })),
  hiddenRecords: z.number(),
});

export const ZProfile = z.object({
  person: z.object({ id: z.number(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  schemeName: z.string(),
  total: z.number(),
  dimensions: z.array(ZDimension),
  segments: z.array(
    z.object({
      departmentId: z.number(),
      departmentName: z.string(),
      from: z.string(),
      to: z.string(),
      days: z.number(),
      total: z.number(),
      rank: z.number(),
      of: z.number(),
      scaleNote: z.string().nullable(),
      dimensions: z.array(ZDimension),
      indicators: z.array(ZIndicatorRow),
    }),
  ),
  trend: z.array(
    z.object({ label: z.string(), from: z.string(), to: z.string(), total: z.number().nullable() }),
  ),
  /** 党员积分 of the period (each rule held to its cap) and the approved entries behind it. */
  partyPoints: z.object({
    total: z.number(),
    entries: z.array(
      z.object({
        id: z.number(),
        kind: z.string(),
        title: z.string(),
        ruleLabel: z.string().nullable(),
        points: z.number(),
        occurredOn: z.string(),
        record: z.object({ label: z.string(), link: z.string().nullable() }).nullable(),
      }),
    ),
  }),
});

export const ZPeople = z.array(z.object({ id: z.number(), name: z.string(), departmentName: z.string() }));

export const ZResults = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  schemeName: z.string(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string() })),
  rows: z.array(
    z.object({
      rank: z.number(),
      userId: z.number(),
      name: z.string(),
      departmentName: z.string(),
      departments: z.string(),
      quality: z.number(),
      efficiency: z.number(),
      effect: z.number(),
      total: z.number(),
      bandGrade: z.string(),
      bandGradeLabel: z.string(),
      grade: z.string(),
      gradeLabel: z.string(),
      gradeNote: z.string().nullable(),
      partyPoints: z.number(),
      values: z.record(z.string(), z.number().nullable()),
    }),
  ),
  quotas: z.array(
    z.object({
      grade: z.string(),
      gradeLabel: z.string(),
      maxShare: z.number(),
      allowed: z.number(),
      proposed: z.number(),
      withinQuota: z.boolean(),
    }),
  ),
});

export const ZCatalogue = z.array(
  z.object({
    key: z.string(),
    name: z.string(),
    dimension: z.string(),
    unit: z.string(),
    direction: z.string(),
    measure: z.string(),
    definition: z.string(),
    listPath: z.string(),
  }),
);

const ZRecordLink = z.object({ label: z.string(), url: z.string() });
export const ZSnapshotDiff = z.object({
  snapshot: z.object({ id: z.number(), computedAt: z.string() }),
  previous: z.object({ id: z.number(), computedAt: z.string() }).nullable(),
  changes: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      totalBefore: z.number().nullable(),
      totalAfter: z.number().nullable(),
      gradeBefore: z.string().nullable(),
      gradeAfter: z.string().nullable(),
      indicators: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          valueBefore: z.number().nullable(),
          valueAfter: z.number().nullable(),
          scoreBefore: z.number().nullable(),
          scoreAfter: z.number().nullable(),
          added: z.array(ZRecordLink),
          removed: z.array(ZRecordLink),
          why: z.string(),
        }),
      ),
    }),
  ),
});

export const ZSnapshotList = z.array(
  z.object({
    id: z.number(),
    schemeName: z.string(),
    computedAt: z.string(),
    computedBy: z.string(),
    note: z.string().nullable(),
  }),
);
