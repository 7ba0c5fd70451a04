import dayjs, { type Dayjs } from 'dayjs';
import type { TPeriod } from './api.ts';

export const periodKinds = { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' } as const;
export type TPeriodKind = keyof typeof periodKinds;

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** This month, quarter or year around `today` (a China day), as [from, to). */
export function periodOf(kind: Exclude<TPeriodKind, 'custom'>, today: Dayjs): TPeriod {
  if (kind === 'month') {
    const start = today.startOf('month');
    return { from: day(start), to: day(start.add(1, 'month')) };
  }
  if (kind === 'quarter') {
    const start = today.startOf('month').subtract(today.month() % 3, 'month');
    return { from: day(start), to: day(start.add(3, 'month')) };
  }
  const start = today.startOf('year');
  return { from: day(start), to: day(start.add(1, 'year')) };
}

/** A picked range of days, both inclusive, as [from, to). */
export function periodFromRange(start: Dayjs, end: Dayjs): TPeriod {
  return { from: day(start), to: day(end.add(1, 'day')) };
}

/** '2026年1月1日至2026年12月31日'. */
export function describePeriod(period: TPeriod): string {
  const show = (d: Dayjs) => d.format('YYYY年M月D日');
  return `${show(dayjs(period.from))}至${show(dayjs(period.to).subtract(1, 'day'))}`;
}
