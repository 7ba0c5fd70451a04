import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatPeriod, weekdayName } from './explain.ts';
import { addDays, addMonths, addYears, diffDays, isIsoDate, toDayNumber, weekday } from './period.ts';

describe('addMonths (民法典 第二百零二条)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-01', 2, '2026-10-01'],
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-02-28', 1, '2026-03-28'],
  ])('%s + %i 个月 = %s', (start, months, end) => {
    expect(addMonths(start, months)).toBe(end);
  });

  it('a year from 02-29 ends on 02-28, the month having no corresponding day', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('day arithmetic', () => {
  it('crosses months, years and leap days in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-09-16', 15)).toBe('2026-10-01');
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('knows weekdays: 2026-02-28 is a Saturday, 2026-10-08 a Thursday', () => {
    expect(weekday('2026-02-28')).toBe(6);
    expect(weekday('2026-10-08')).toBe(4);
    expect(weekdayName('2026-09-20')).toBe('星期日');
  });

  it('rejects what is not a real date', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addDays('2026/01/01', 1)).toThrow(RangeError);
  });
});

describe('Chinese wording', () => {
  it('writes months and years in Chinese, days in digits', () => {
    expect(formatPeriod({ amount: 1, unit: 'month' })).toBe('一个月');
    expect(formatPeriod({ amount: 2, unit: 'month' })).toBe('两个月');
    expect(formatPeriod({ amount: 3, unit: 'month' })).toBe('三个月');
    expect(formatPeriod({ amount: 12, unit: 'month' })).toBe('十二个月');
    expect(formatPeriod({ amount: 2, unit: 'year' })).toBe('两年');
    expect(formatPeriod({ amount: 15, unit: 'day' })).toBe('15 日');
    expect(formatPeriod({ amount: 5, unit: 'workday' })).toBe('5 个工作日');
    expect(chineseNumeral(21)).toBe('二十一');
    expect(chineseNumeral(10)).toBe('十');
  });
});
