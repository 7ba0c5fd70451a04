import { z } from 'zod';
import { ZDay } from '../http/dates.ts';

/** The list whose rows a figure counts: GET `path` with `query` (the period and the segment's filters). */
export const ZListLink = z.object({ path: z.string(), query: z.record(z.string(), z.string()) }).nullable();

const metricFields = {
  /** The metric's id (cockpit/metrics/*.ts). */
  metricId: z.string(),
  name: z.string(),
  /** 口径. */
  definition: z.string(),
  unit: z.string(),
  /** Values in fen, shown in 元. */
  money: z.boolean(),
};

export const ZFigure = z.object({
  ...metricFields,
  /** null: not shown to this user (a figure of the whole procuratorate for a department head). */
  value: z.number().nullable(),
  /** The same period last year (同比). */
  previous: z.number().nullable(),
  /** Sealed juvenile records counted in `value` but absent from this user's list. */
  hidden: z.number(),
  list: ZListLink,
  note: z.string().nullable(),
});
export type TFigure = z.infer<typeof ZFigure>;

export const ZBreakdownItem = z.object({
  key: z.string(),
  label: z.string(),
  /** 'YYYY-MM' for a per-month breakdown. */
  month: z.string().nullable(),
  value: z.number(),
  previous: z.number(),
  hidden: z.number(),
  list: ZListLink,
});
export type TBreakdownItem = z.infer<typeof ZBreakdownItem>;

export const ZBreakdown = z.object({
  id: z.string(),
  title: z.string(),
  ...metricFields,
  /** What the items are: line, department, type, stage, topic, pilField. */
  dimension: z.string(),
  perMonth: z.boolean(),
  items: z.array(ZBreakdownItem),
});
export type TBreakdown = z.infer<typeof ZBreakdown>;

export const ZCockpit = z.object({
  from: z.string(),
  /** Exclusive: the period is [from, to). */
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  scope: z.object({ departmentId: z.number().nullable(), label: z.string() }),
  sections: z.array(z.object({ id: z.string(), title: z.string(), figures: z.array(ZFigure) })),
  breakdowns: z.array(ZBreakdown),
});
export type TCockpit = z.infer<typeof ZCockpit>;

const maxDays = 3700;

/** A period of China days [from, to): `to` is the day after the last one counted. */
export const ZCockpitQuery = z
  .strictObject({ from: ZDay, to: ZDay })
  .refine((q) => q.from < q.to, { message: '结束日期应晚于开始日期', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= maxDays, {
    message: '统计期间最长 10 年',
    path: ['to'],
  });
export type TCockpitQuery = z.infer<typeof ZCockpitQuery>;

export const statisticsGroupings = {
  department: '按部门',
  line: '按业务条线',
  handler: '按承办检察官',
} as const;
export type TStatisticsGrouping = keyof typeof statisticsGroupings;

export const ZStatisticsQuery = z
  .strictObject({
    from: ZDay,
    to: ZDay,
    by: z.enum(Object.keys(statisticsGroupings) as [TStatisticsGrouping, ...TStatisticsGrouping[]]),
  })
  .refine((q) => q.from < q.to, { message: '结束日期应晚于开始日期', path: ['to'] });
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>;

export const ZMetricDefinitions = z.array(
  z.object({ group: z.string(), id: z.string(), name: z.string(), definition: z.string(), unit: z.string() }),
);
