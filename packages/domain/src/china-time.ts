/**
 * China's calendar and clock (Asia/Shanghai, UTC+8 all year, no daylight saving). Deadlines,
 * case numbers, file names and the date filters count in China's days whatever zone the server
 * runs in. Pure: Intl only.
 */

export const chinaTimeZone = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: chinaTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const yearFormat = new Intl.DateTimeFormat('en', { timeZone: chinaTimeZone, year: 'numeric' });
const clockFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: chinaTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dayAndClockFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: chinaTimeZone,
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The calendar day in China ('YYYY-MM-DD') of an instant. */
export function chinaDate(at: Date): string {
  return dayFormat.format(at);
}

/** Today in China ('YYYY-MM-DD'). */
export const todayInChina = (): string => chinaDate(new Date());

/** The calendar year in China of an instant (case and document numbers are counted per year). */
export function chinaYear(at: Date): number {
  return Number(yearFormat.format(at));
}

/** The time of day in China, 24-hour ('09:05'). */
export function chinaClock(at: Date): string {
  return clockFormat.format(at);
}

/** Month, day and time of day in China ('3/5 09:05'), as a booking is named. */
export function chinaDayAndClock(at: Date): string {
  return dayAndClockFormat.format(at);
}

/** The instant a China calendar day ('YYYY-MM-DD') begins. */
export const chinaDayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/** The instant after a China calendar day ends: the next day's start. */
export const chinaDayAfter = (date: string): Date => new Date(chinaDayStart(date).getTime() + 86_400_000);

/** Noon of a China calendar day: an event known only by its day (a delivery, a reply). */
export const chinaNoon = (date: string): Date => new Date(`${date}T12:00:00+08:00`);
