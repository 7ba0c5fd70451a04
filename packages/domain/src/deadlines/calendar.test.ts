import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFromEntries,
  countWorkingDays,
  emptyCalendar,
  isRestDay,
  isWorkingDay,
  mergeCalendar,
  nextWorkingDay,
} from './calendar.ts';
import { calendarFromChineseDays, chineseDaysYears } from './calendar-chinese-days.ts';

const cal = calendarFromChineseDays([2025, 2026]);

describe('calendarFromChineseDays', () => {
  it('covers 2026 but not 2027, and leaves 2027 out of years', () => {
    expect(chineseDaysYears()).toContain(2026);
    expect(chineseDaysYears()).not.toContain(2027);
    expect([...calendarFromChineseDays([2026, 2027]).years]).toEqual([2026]);
  });

  it('has the 2026 National Day holiday 10-01..10-07 and the 调休 Saturday 10-10', () => {
    for (let d = 1; d <= 7; d++) expect(isRestDay(`2026-10-0${d}`, cal)).toBe(true);
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(cal.names?.get('2026-10-01')).toBe('国庆节');
  });

  it('has Spring Festival 2026-02-15..02-23 and the working Saturdays 02-14 and 02-28', () => {
    expect(isRestDay('2026-02-15', cal)).toBe(true);
    expect(isRestDay('2026-02-23', cal)).toBe(true);
    expect(isWorkingDay('2026-02-24', cal)).toBe(true);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
  });

  it('only loads the requested years', () => {
    const only2025 = calendarFromChineseDays([2025]);
    expect(only2025.restDays.has('2026-10-01')).toBe(false);
    expect(only2025.restDays.has('2025-10-01')).toBe(true);
  });
});

describe('admin entries', () => {
  const notice2027 = calendarFromEntries([
    { date: '2027-01-01', kind: 'rest', name: '元旦' },
    { date: '2027-02-07', kind: 'work', name: '春节' },
  ]);

  it('infers the years from the entries and validates dates', () => {
    expect([...notice2027.years]).toEqual([2027]);
    expect(() => calendarFromEntries([{ date: '2027-02-30', kind: 'rest' }])).toThrow();
    expect([...calendarFromEntries([], { years: [2028] }).years]).toEqual([2028]);
  });

  it('merges over chinese-days; a later entry for the same date wins', () => {
    const merged = mergeCalendar(
      cal,
      notice2027,
      calendarFromEntries([{ date: '2026-10-07', kind: 'work' }]),
    );
    expect([...merged.years].sort()).toEqual([2025, 2026, 2027]);
    expect(isRestDay('2027-01-01', merged)).toBe(true);
    expect(isWorkingDay('2027-02-07', merged)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-07', merged)).toBe(true);
    expect(isRestDay('2026-10-07', cal)).toBe(true); // the base is untouched
    expect(merged.names?.get('2027-01-01')).toBe('元旦');
  });
});

describe('working days', () => {
  it('counts across National Day 2026 including the 调休 Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
    expect(countWorkingDays('2026-09-30', '2026-10-10', cal)).toBe(3);
    expect(nextWorkingDay('2026-10-03', cal)).toBe('2026-10-08');
    expect(nextWorkingDay('2026-10-08', cal)).toBe('2026-10-08');
  });

  it('falls back to weekends in an empty calendar', () => {
    expect(addWorkingDays('2027-01-01', 1, emptyCalendar)).toBe('2027-01-04');
  });
});
