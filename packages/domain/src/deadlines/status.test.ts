import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from './calendar-chinese-days.ts';
import { deadlineStatus, deadlineStatusDetail } from './status.ts';

const cal = calendarFromChineseDays([2026]);

describe('deadlineStatus', () => {
  it('done and paused come before dates', () => {
    expect(deadlineStatus('2026-01-05', '2026-03-01', cal, { completedOn: '2026-01-04' })).toBe('done');
    expect(deadlineStatus(null, '2026-03-01', cal)).toBe('paused');
  });

  it('overdue only after the due date; the due date itself is dueSoon', () => {
    expect(deadlineStatus('2026-03-02', '2026-03-03', cal)).toBe('overdue');
    expect(deadlineStatus('2026-03-03', '2026-03-03', cal)).toBe('dueSoon');
  });

  it('dueSoon = on or before the 3rd working day counting today', () => {
    // Friday 2026-03-06: Fri, Mon 03-09, Tue 03-10.
    expect(deadlineStatus('2026-03-10', '2026-03-06', cal)).toBe('dueSoon');
    expect(deadlineStatus('2026-03-11', '2026-03-06', cal)).toBe('open');
    // Over National Day: 09-30, 10-08, 10-09 are the next three working days.
    expect(deadlineStatus('2026-10-09', '2026-09-30', cal)).toBe('dueSoon');
    expect(deadlineStatus('2026-10-10', '2026-09-30', cal)).toBe('open');
    // On a holiday, today does not count: 10-08, 10-09, 10-10 (调休 Saturday).
    expect(deadlineStatus('2026-10-10', '2026-10-03', cal)).toBe('dueSoon');
    expect(deadlineStatus('2026-10-12', '2026-10-03', cal)).toBe('open');
  });

  it('warns when the look-ahead runs into an unloaded year', () => {
    const detail = deadlineStatusDetail('2027-01-04', '2026-12-31', cal);
    expect(detail.status).toBe('dueSoon');
    expect(detail.warnings[0]).toMatch(/^2027 年节假日安排未载入/);
  });
});
