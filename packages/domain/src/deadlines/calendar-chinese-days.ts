// The raw data file rather than the package's functions: its isWorkday() silently treats a year it
// has no data for as weekends only, and parses dates in local time. We need the bare lists.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { HolidayCalendar } from './calendar.ts';
import { type IsoDate, yearOf } from './period.ts';

/** Values look like "National Day,国庆节,3": English name, Chinese name, a holiday index. */
interface ChineseDaysData {
  holidays: Record<IsoDate, string>;
  workdays: Record<IsoDate, string>;
  inLieuDays: Record<IsoDate, string>;
}

const source: ChineseDaysData = data;

/** Years for which chinese-days carries the State Council arrangement. */
export function chineseDaysYears(): number[] {
  const years = new Set(Object.keys(source.holidays).map(yearOf));
  return [...years].sort((a, b) => a - b);
}

/**
 * A calendar for the requested years from chinese-days. Years the package does not cover are left
 * out of `years`, so deadlines touching them carry a warning instead of a silent weekend-only guess.
 */
export function calendarFromChineseDays(years: readonly number[]): HolidayCalendar {
  const covered = new Set(chineseDaysYears());
  const loaded = new Set(years.filter((year) => covered.has(year)));
  const restDays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const names = new Map<IsoDate, string>();
  const take = (entries: Record<IsoDate, string>, into: Set<IsoDate>) => {
    for (const [date, label] of Object.entries(entries)) {
      if (!loaded.has(yearOf(date))) continue;
      into.add(date);
      names.set(date, label.split(',')[1] ?? label);
    }
  };
  take(source.holidays, restDays);
  take(source.workdays, workdays);
  return { years: loaded, restDays, workdays, names };
}
