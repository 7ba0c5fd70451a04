import { daysFromParts, parseDateDays } from './date.ts';
import { type CleanResult, cleaned, quote, refused } from './result.ts';
import { toHalfWidth } from './width.ts';

/** Day number of the first day of a month cell, or the reason it is not a month. */
export function parseMonthDays(raw: unknown): number | string {
  if (raw === null || raw === undefined) return '月份为空';
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 190001 && raw <= 210012) {
    return parseMonthDays(String(raw));
  }
  if (typeof raw === 'string') {
    const text = toHalfWidth(raw).trim();
    if (text === '') return '月份为空';
    const month = monthOnly(text);
    if (month !== undefined) return month ?? `${quote(raw)}不是可识别的月份`;
  }
  const days = parseDateDays(raw);
  if (typeof days === 'string') return `${quote(raw)}不是可识别的月份`;
  const date = new Date(days * 86_400_000);
  return daysFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)!;
}

/** `2022-03`, `2022年3月`, `202203`, `2022/3`, `2022.03`; undefined when the text is not month-shaped. */
function monthOnly(text: string): number | null | undefined {
  let year = '';
  let i = 0;
  while (i < text.length && year.length < 4 && text[i]! >= '0' && text[i]! <= '9') year += text[i++];
  if (year.length !== 4) return undefined;
  let separator = '';
  while (i < text.length && (text[i]! < '0' || text[i]! > '9')) separator += text[i++];
  let month = '';
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') month += text[i++];
  const rest = text.slice(i);
  const monthShaped =
    (separator === '' && month.length === 2 && rest === '') ||
    (['-', '/', '.'].includes(separator) && month.length >= 1 && month.length <= 2 && rest === '') ||
    (separator === '年' && month.length >= 1 && month.length <= 2 && (rest === '月' || rest === '月份'));
  if (!monthShaped) return undefined;
  return daysFromParts(+year, +month, 1);
}

/** Cleans a month to `YYYY-MM` (`2022-03`, `2022年3月`, `202203`, `2022/3`, or a full date). */
export function cleanMonth(raw: unknown): CleanResult<string> {
  const days = parseMonthDays(raw);
  if (typeof days === 'string') return refused(days);
  return cleaned(new Date(days * 86_400_000).toISOString().slice(0, 7));
}
