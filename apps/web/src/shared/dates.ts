import { todayInChina } from '@procura/domain/china-time';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Dates and times as the procuratorate counts them, in China time (Asia/Shanghai) whatever the
 * browser's time zone: a case opened at 07:00 on 3 December is opened on 3 December also in a
 * browser set to UTC, where it is still 2 December.
 */
const chinaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** The China calendar day and clock of an instant: ['2026-12-03', '07:05:09']. */
function inChina(iso: string): [string, string] {
  const part: Record<string, string> = {};
  for (const { type, value } of chinaParts.formatToParts(new Date(iso))) part[type] = value;
  return [`${part.year}-${part.month}-${part.day}`, `${part.hour}:${part.minute}:${part.second}`];
}

/** 'YYYY-MM-DD' in China; a date without a time ('2026-12-03') is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateOnly.test(iso) ? iso : inChina(iso)[0];
}

/** 'YYYY-MM-DD HH:mm' in China. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [day, clock] = inChina(iso);
  return `${day} ${clock.slice(0, 5)}`;
}

/** 'YYYY-MM-DD HH:mm:ss' in China. */
export function formatDateTimeSeconds(iso: string): string {
  const [day, clock] = inChina(iso);
  return `${day} ${clock}`;
}

/** 'HH:mm' in China. */
export function formatClock(iso: string): string {
  return inChina(iso)[1].slice(0, 5);
}

/** Today in China, as the date pickers hold a day (midnight of that day in the browser's zone). */
export function chinaToday(): Dayjs {
  return dayjs(todayInChina());
}

/** An instant as a date-time picker shows it: the day and clock it was in China. */
export function chinaPickerValue(iso: string): Dayjs {
  const [day, clock] = inChina(iso);
  return dayjs(`${day}T${clock}`);
}

/** What a date-time picker holds (a day and a clock, read as China time) as an instant to send. */
export function chinaInstant(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm:ss.SSS')}+08:00`;
}

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The China calendar day ('YYYY-MM-DD') of an instant, whatever the browser's time zone. */
export function chinaDay(iso: string): string {
  return chinaDayFormat.format(new Date(iso));
}
