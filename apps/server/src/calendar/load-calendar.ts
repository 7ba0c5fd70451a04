import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  type CalendarEntry,
  calendarFromChineseDays,
  calendarFromEntries,
  type HolidayCalendar,
  mergeCalendar,
} from '@procura/domain/deadlines/index';
import { inArray } from 'drizzle-orm';

const { holidayCalendarDays: days } = schema;

/**
 * The calendar deadlines are computed with: a year with rows in holiday_calendar_days is exactly
 * those rows (seeded from chinese-days, then edited or imported by an admin); any other year comes
 * from chinese-days; a year neither knows is left out, so the engine warns about it.
 */
export async function loadCalendar(db: Executor, years: readonly number[]): Promise<HolidayCalendar> {
  const wanted = [...new Set(years)];
  const rows = wanted.length
    ? await db
        .select({ date: days.date, kind: days.kind, name: days.name, year: days.year })
        .from(days)
        .where(inArray(days.year, wanted))
    : [];
  const stored = new Set(rows.map((r) => r.year));
  const base = calendarFromChineseDays(wanted.filter((y) => !stored.has(y)));
  const entries: CalendarEntry[] = rows.map((r) => ({
    date: r.date,
    kind: r.kind as 'rest' | 'work',
    ...(r.name ? { name: r.name } : {}),
  }));
  return mergeCalendar(base, calendarFromEntries(entries, { years: [...stored] }));
}

/** The years a computation starting on `start` may look at: that year and the two after it. */
export function yearsFrom(start: string): number[] {
  const year = Number(start.slice(0, 4));
  return [year - 1, year, year + 1, year + 2];
}
