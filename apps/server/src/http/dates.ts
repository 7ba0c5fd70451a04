import { z } from 'zod';

/**
 * Dates a user may enter: 1900 … 2100. PostgreSQL refuses year 0 and the deadline engine has no
 * use for year 1 or 9999; both answered 500 (or stored nonsense) before.
 */
export const minYear = 1900;
export const maxYear = 2100;

const rangeMessage = `日期超出允许范围（${minYear}—${maxYear} 年）`;
const inRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= minYear && year <= maxYear;
};

/** 'YYYY-MM-DD', a real day of 1900 … 2100. */
export const ZDay = z.iso.date('日期格式应为 YYYY-MM-DD').refine(inRange, rangeMessage);

/** An ISO date-time with its offset, in 1900 … 2100. */
export const ZDateTime = z.iso
  .datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' })
  .refine(inRange, rangeMessage);
