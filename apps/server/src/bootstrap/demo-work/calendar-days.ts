import { chinaDate } from '@procura/domain/china-time';

/** Day arithmetic on 'YYYY-MM-DD' (calendar days, no time zone involved). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day itself on a weekday; a Saturday or Sunday moves to the Monday after. */
export function weekday(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (dow === 6) return addDays(day, 2);
  if (dow === 0) return addDays(day, 1);
  return day;
}

/** An instant on that day in China, at hour:minute. */
export function chinaAt(day: string, hour: number, minute = 0): Date {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

export { chinaDate };
