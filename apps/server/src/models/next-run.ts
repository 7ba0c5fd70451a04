/** Scheduled runs start at 02:00 China time, when nobody is working and the data of the day is in. */
const runHour = 2;
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

export type Repeat = 'monthly' | 'days';

/**
 * The first due time strictly after `after`: on day `every` of a month (1–28, a day every month
 * has), or every `every` days counted from `from` (the last due time; at creation, the next
 * 02:00). China has no daylight saving, so a fixed offset is exact.
 */
export function nextRunAt(repeat: Repeat, every: number, after: Date, from?: Date): Date {
  if (repeat === 'days') {
    let due = from ? from.getTime() + every * dayMs : next0200(after).getTime();
    while (due <= after.getTime()) due += every * dayMs;
    return new Date(due);
  }
  const local = new Date(after.getTime() + chinaOffsetMs);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth();
  for (;;) {
    const due = new Date(Date.UTC(year, month, every, runHour) - chinaOffsetMs);
    if (due.getTime() > after.getTime()) return due;
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
}

function next0200(after: Date): Date {
  const local = new Date(after.getTime() + chinaOffsetMs);
  const today =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), runHour) - chinaOffsetMs;
  return new Date(today > after.getTime() ? today : today + dayMs);
}

export function repeatLabel(repeat: Repeat, every: number): string {
  return repeat === 'monthly' ? `每月 ${every} 日` : every === 1 ? '每天' : `每 ${every} 天`;
}
