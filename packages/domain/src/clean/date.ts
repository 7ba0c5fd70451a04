import { type CleanResult, cleaned, quote, refused } from './result.ts';
import { toHalfWidth } from './width.ts';

/** Days between 1970-01-01 and Excel's day 0 (1899-12-30, which absorbs Excel's 1900 leap-year bug). */
const excelEpochDays = -25569;
const msPerDay = 86_400_000;

/** A calendar date as days since 1970-01-01 (what DuckDB's DATE stores). */
export function daysFromParts(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : monthLengths[month - 1]!)) return null;
  // days from civil (H. Hinnant): no Date object on the hot path
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` of a day number. */
export function isoFromDays(days: number): string {
  return new Date(days * msPerDay).toISOString().slice(0, 10);
}

/** `2022年3月5日` of a day number, for explanations. */
export function chineseDate(days: number): string {
  const date = new Date(days * msPerDay);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

const excelSerialToDays = (serial: number): number => Math.floor(serial) + excelEpochDays;

/**
 * Reads a date-like text as digit groups (value and length) and the separators between them,
 * stopping at a time part (`2022-03-05 08:00:00`). No regular expression: linear, no backtracking.
 */
function digitGroups(text: string): { values: number[]; lengths: number[]; separators: string } {
  const values: number[] = [];
  const lengths: number[] = [];
  let separators = '';
  let value = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + code - 48;
      length++;
      continue;
    }
    if (length > 0) {
      values.push(value);
      lengths.push(length);
      value = 0;
      length = 0;
    }
    if ((code === 32 || code === 84) && values.length === 3) break; // ' ' or 'T' before a time
    if (code === 32 && values.length === 0) continue;
    separators += text[i];
  }
  if (length > 0) {
    values.push(value);
    lengths.push(length);
  }
  return { values, lengths, separators };
}

const dateSeparators = new Set(['--', '//', '..', '年月', '年月日', '--日']);

/** Day number of a date cell, or the reason it is not one. */
export function parseDateDays(raw: unknown): number | string {
  if (raw === null || raw === undefined) return '日期为空';
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return '日期无效';
    // exceljs gives dates at UTC midnight; a time part does not change the day.
    return Math.floor(raw.getTime() / msPerDay);
  }
  if (typeof raw === 'number') {
    if (raw >= 19000101 && raw <= 21001231 && Number.isInteger(raw)) return parseDateDays(String(raw));
    if (raw >= 1 && raw < 73051) return excelSerialToDays(raw);
    return `${quote(raw)}不是日期`;
  }
  const text = toHalfWidth(String(raw)).trim();
  if (text === '') return '日期为空';
  const { values, lengths, separators } = digitGroups(text);
  let days: number | null = null;
  if (values.length === 1 && separators === '') {
    const only = values[0]!;
    if (lengths[0] === 8)
      days = daysFromParts(Math.floor(only / 10000), Math.floor(only / 100) % 100, only % 100);
    else if (lengths[0] === 5) days = excelSerialToDays(only);
  } else if (values.length === 2 && separators === '.' && lengths[0] === 5) {
    days = excelSerialToDays(values[0]!); // "44625.5": serial with a time fraction
  } else if (values.length === 3 && lengths[0] === 4 && dateSeparators.has(separators)) {
    if (lengths[1]! <= 2 && lengths[2]! <= 2) days = daysFromParts(values[0]!, values[1]!, values[2]!);
  }
  return days ?? `${quote(raw)}不是可识别的日期`;
}

/** Cleans a date (`2022-03-05`, `2022/3/5`, `2022年3月5日`, `20220305`, `2022.03.05`, Excel serial, Date). */
export function cleanDate(raw: unknown): CleanResult<string> {
  const days = parseDateDays(raw);
  return typeof days === 'number' ? cleaned(isoFromDays(days)) : refused(days);
}
