import {
  addWorkingDays,
  type HolidayCalendar,
  missingYearWarnings,
  nextWorkingDay,
  probeCalendar,
} from './calendar.ts';
import type { IsoDate } from './period.ts';

export type DeadlineStatus = 'open' | 'dueSoon' | 'overdue' | 'done' | 'paused';

export interface StatusOptions {
  /** Set when the act was done: the deadline is 'done' whatever the dates. */
  readonly completedOn?: IsoDate | null;
  /** How many working days count as 临期; 3 unless the procuratorate sets otherwise. */
  readonly soonWorkingDays?: number;
}

/**
 * done: completed. paused: no due date (an open pause). overdue: today is after the due date.
 * dueSoon: the due date falls on or before the 3rd working day counting from today (today
 * counts if it is a working day), so a deadline due today is dueSoon, not overdue.
 */
export function deadlineStatusDetail(
  due: IsoDate | null,
  today: IsoDate,
  calendar: HolidayCalendar,
  options: StatusOptions = {},
): { status: DeadlineStatus; warnings: string[] } {
  if (options.completedOn) return { status: 'done', warnings: [] };
  if (due === null) return { status: 'paused', warnings: [] };
  if (today > due) return { status: 'overdue', warnings: [] };
  const probe = probeCalendar(calendar);
  const soon = options.soonWorkingDays ?? 3;
  const first = nextWorkingDay(today, probe);
  const lastSoon = addWorkingDays(first, Math.max(soon - 1, 0), probe);
  const status = due <= lastSoon ? 'dueSoon' : 'open';
  return { status, warnings: missingYearWarnings(probe.missingYears(), 'workdays') };
}

export function deadlineStatus(
  due: IsoDate | null,
  today: IsoDate,
  calendar: HolidayCalendar,
  options: StatusOptions = {},
): DeadlineStatus {
  return deadlineStatusDetail(due, today, calendar, options).status;
}
