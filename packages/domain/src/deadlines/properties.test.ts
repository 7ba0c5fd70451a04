import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingBases } from './basis.ts';
import {
  addWorkingDays,
  countWorkingDays,
  type HolidayCalendar,
  isRestDay,
  isWorkingDay,
} from './calendar.ts';
import { calendarFromChineseDays } from './calendar-chinese-days.ts';
import { computeDeadline } from './compute.ts';
import { addDays, addMonths, fromDayNumber, type IsoDate, type PeriodUnit, toDayNumber } from './period.ts';

const cal = calendarFromChineseDays([2023, 2024, 2025, 2026]);
const basis = countingBases.startDayExcluded;

// 2022 through 2027 so some results fall outside the loaded years and take the weekend-only path.
const dateArb = fc
  .integer({ min: toDayNumber('2022-01-01'), max: toDayNumber('2027-06-30') })
  .map((n): IsoDate => fromDayNumber(n));
const periodArb = fc.record({
  amount: fc.integer({ min: 1, max: 40 }),
  unit: fc.constantFrom<PeriodUnit>('day', 'month', 'year', 'workday'),
});
const calendarArb = fc.constantFrom<HolidayCalendar>(cal, calendarFromChineseDays([]));
const runs = { numRuns: 300 };

describe('deadline properties', () => {
  it('(a) the due date is never a rest day unless noHolidayExtension', () => {
    fc.assert(
      fc.property(dateArb, periodArb, calendarArb, (start, period, calendar) => {
        const { due } = computeDeadline({ start, period, calendar, basis });
        expect(due).not.toBeNull();
        expect(isRestDay(due as IsoDate, calendar)).toBe(false);
      }),
      runs,
    );
  });

  it('(b) due ≥ the unextended end, and every day skipped in between is a rest day', () => {
    fc.assert(
      fc.property(dateArb, periodArb, calendarArb, fc.boolean(), (start, period, calendar, inCustody) => {
        const result = computeDeadline({ start, period, calendar, basis, noHolidayExtension: inCustody });
        const end = result.endBeforeExtension as IsoDate;
        const due = result.due as IsoDate;
        expect(due >= end).toBe(true);
        if (inCustody) expect(due).toBe(end);
        for (let day = end; day < due; day = addDays(day, 1)) {
          expect(isWorkingDay(day, calendar)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('(c) month addition, and the due date, are monotonic in the start date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 1, max: 24 }), (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addMonths(early, n) <= addMonths(late, n)).toBe(true);
        const period = { amount: n, unit: 'month' as const };
        const dueEarly = computeDeadline({ start: early, period, calendar: cal, basis }).due as IsoDate;
        const dueLate = computeDeadline({ start: late, period, calendar: cal, basis }).due as IsoDate;
        expect(dueEarly <= dueLate).toBe(true);
      }),
      runs,
    );
  });

  it('(d) adding n working days then counting working days between gives n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), calendarArb, (start, n, calendar) => {
        const end = addWorkingDays(start, n, calendar);
        expect(countWorkingDays(start, end, calendar)).toBe(n);
        if (n > 0) expect(isWorkingDay(end, calendar)).toBe(true);
      }),
      runs,
    );
  });

  it('closing an open pause on day T gives T + the remaining days', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (start, months, offset, length) => {
          const period = { amount: months, unit: 'month' as const };
          const from = addDays(start, offset);
          const open = computeDeadline({
            start,
            period,
            calendar: cal,
            basis,
            pauses: [{ from, to: null, reason: '鉴定' }],
          });
          fc.pre(open.state === 'paused');
          const to = addDays(from, length);
          const closed = computeDeadline({
            start,
            period,
            calendar: cal,
            basis,
            pauses: [{ from, to, reason: '鉴定' }],
          });
          expect(closed.pausedDays).toBe(length + 1);
          const remaining = toDayNumber(closed.endBeforeExtension as IsoDate) - toDayNumber(to);
          expect(open.explanation).toContain(`尚余 ${remaining} 日`);
        },
      ),
      runs,
    );
  });
});
