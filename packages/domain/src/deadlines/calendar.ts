import { z } from 'zod';
import { calendarDayKindIds } from '../states.ts';
import { addDays, type IsoDate, isIsoDate, toDayNumber, weekday, yearOf } from './period.ts';

/**
 * Which days are statutory rest days. It is data, passed in, because the State Council publishes
 * each year's arrangement only in the preceding winter: the engine must be able to run on an
 * admin's imported notice, not only on what a package shipped with.
 */
export interface HolidayCalendar {
  /** Years whose arrangement is loaded. Outside them only weekends are known, and results say so. */
  readonly years: ReadonlySet<number>;
  /** Holiday days off, weekends inside a holiday block included. */
  readonly restDays: ReadonlySet<IsoDate>;
  /** 调休 working days: weekends that are worked. */
  readonly workdays: ReadonlySet<IsoDate>;
  /** Optional names ('国庆节') so explanations can say which holiday moved a deadline. */
  readonly names?: ReadonlyMap<IsoDate, string>;
}

/** One line of an arrangement as an admin types it in or imports it. */
export const calendarEntrySchema = z.object({
  date: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(calendarDayKindIds),
  name: z.string().trim().min(1).optional(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const emptyCalendar: HolidayCalendar = {
  years: new Set(),
  restDays: new Set(),
  workdays: new Set(),
  names: new Map(),
};

/**
 * Builds a calendar from entries. `years` declares which years the entries fully describe; it
 * defaults to the years the entries fall in, and may list a year with no entries (a year whose
 * notice moves nothing still counts as loaded).
 */
export function calendarFromEntries(
  entries: readonly CalendarEntry[],
  options: { years?: readonly number[] } = {},
): HolidayCalendar {
  const restDays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const names = new Map<IsoDate, string>();
  for (const entry of entries) {
    const { date, kind, name } = calendarEntrySchema.parse(entry);
    // The last entry for a date wins, so a correction can simply be appended.
    (kind === 'rest' ? restDays : workdays).add(date);
    (kind === 'rest' ? workdays : restDays).delete(date);
    if (name) names.set(date, name);
  }
  const years = new Set(options.years ?? entries.map((e) => yearOf(e.date)));
  return { years, restDays, workdays, names };
}

/**
 * Later calendars override earlier ones date by date; years are united. To undo a wrong rest day,
 * overlay it as 'work'.
 */
export function mergeCalendar(
  base: HolidayCalendar,
  ...overlays: readonly HolidayCalendar[]
): HolidayCalendar {
  const years = new Set(base.years);
  const restDays = new Set(base.restDays);
  const workdays = new Set(base.workdays);
  const names = new Map(base.names ?? []);
  for (const overlay of overlays) {
    for (const year of overlay.years) years.add(year);
    for (const date of overlay.restDays) {
      restDays.add(date);
      workdays.delete(date);
    }
    for (const date of overlay.workdays) {
      workdays.add(date);
      restDays.delete(date);
    }
    for (const [date, name] of overlay.names ?? []) names.set(date, name);
  }
  return { years, restDays, workdays, names };
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** 调休 working days win over weekends; listed holidays win over weekdays. */
export function isRestDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(date)) return false;
  return calendar.restDays.has(date) || isWeekend(date);
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return !isRestDay(date, calendar);
}

/**
 * Wraps a calendar and remembers every year it was asked about that it does not cover, so a result
 * computed on weekends only can say so instead of passing silently.
 */
export interface CalendarProbe {
  readonly calendar: HolidayCalendar;
  isRestDay(date: IsoDate): boolean;
  missingYears(): number[];
}

export function probeCalendar(calendar: HolidayCalendar): CalendarProbe {
  const missing = new Set<number>();
  return {
    calendar,
    isRestDay(date) {
      const year = yearOf(date);
      if (!calendar.years.has(year)) missing.add(year);
      return isRestDay(date, calendar);
    },
    missingYears: () => [...missing].sort((a, b) => a - b),
  };
}

export function missingYearWarnings(years: readonly number[], what: 'extension' | 'workdays'): string[] {
  const effect = what === 'extension' ? '期限仅按周末顺延' : '工作日仅按周末计算';
  return years.map((year) => `${year} 年节假日安排未载入，${effect}，请管理员导入国务院通知后复核`);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: IsoDate, calendar: HolidayCalendar | CalendarProbe): IsoDate {
  const probe = asProbe(calendar);
  let day = date;
  while (probe.isRestDay(day)) day = addDays(day, 1);
  return day;
}

/** The n-th working day after `date` (the start day itself is not counted, 民法典 第二百零一条). */
export function addWorkingDays(date: IsoDate, n: number, calendar: HolidayCalendar | CalendarProbe): IsoDate {
  const probe = asProbe(calendar);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (!probe.isRestDay(day)) left--;
  }
  return day;
}

/** Working days in (from, to]: the inverse of addWorkingDays. */
export function countWorkingDays(
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar | CalendarProbe,
): number {
  const probe = asProbe(calendar);
  let count = 0;
  for (let day = addDays(from, 1); toDayNumber(day) <= toDayNumber(to); day = addDays(day, 1)) {
    if (!probe.isRestDay(day)) count++;
  }
  return count;
}

function asProbe(calendar: HolidayCalendar | CalendarProbe): CalendarProbe {
  return 'isRestDay' in calendar ? calendar : probeCalendar(calendar);
}
