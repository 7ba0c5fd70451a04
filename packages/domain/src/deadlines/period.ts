// Plain calendar arithmetic on 'YYYY-MM-DD' strings. Everything goes through UTC day numbers so the
// server's or browser's time zone can never shift a date by one.

/** A calendar date, 'YYYY-MM-DD'. ISO dates of equal length sort correctly as strings. */
export type IsoDate = string;

/** `workday` periods count only working days; the others are calendar periods (民法典 第二百零一、二百零二条). */
export type PeriodUnit = 'day' | 'month' | 'year' | 'workday';

export interface Period {
  readonly amount: number;
  readonly unit: PeriodUnit;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new RangeError(`日期格式应为 YYYY-MM-DD 的有效日期：${date}`);
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to - from` in days. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The corresponding day `months` later; when the final month has no such day, its last day
 * (民法典 第二百零二条): 01-31 + 1 month = 02-28, or 02-29 in a leap year.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Years are twelve months, so 02-29 + 1 year = 02-28 (no corresponding day). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return parts(date).y;
}

/** The calendar end of a day/month/year period; workday periods need a calendar (see calendar.ts). */
export function addCalendarPeriod(start: IsoDate, period: Period): IsoDate {
  switch (period.unit) {
    case 'day':
      return addDays(start, period.amount);
    case 'month':
      return addMonths(start, period.amount);
    case 'year':
      return addYears(start, period.amount);
    case 'workday':
      throw new RangeError('工作日期间须结合节假日安排计算');
  }
}

export function assertPeriod(period: Period): void {
  if (!Number.isInteger(period.amount) || period.amount <= 0) {
    throw new RangeError(`期间须为正整数：${period.amount}`);
  }
}
