import { describe, expect, it } from 'vitest';
import { nextRunAt, repeatLabel } from './next-run.ts';

/** China time as an ISO string, for readable expectations. */
const china = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
const at = (chinaTime: string) => new Date(`${chinaTime}:00+08:00`);

describe('nextRunAt', () => {
  it('monthly: day N at 02:00 China time, this month if still ahead, else next month', () => {
    expect(china(nextRunAt('monthly', 5, at('2026-03-04T23:00')))).toBe('2026-03-05T02:00');
    expect(china(nextRunAt('monthly', 5, at('2026-03-05T02:00')))).toBe('2026-04-05T02:00');
    expect(china(nextRunAt('monthly', 28, at('2026-12-28T03:00')))).toBe('2027-01-28T02:00');
  });

  it('monthly: the UTC date differs from the China date just after midnight China time', () => {
    // 2026-03-05 00:30 in China is still 03-04 in UTC: the run of the 5th is 90 minutes away.
    expect(china(nextRunAt('monthly', 5, at('2026-03-05T00:30')))).toBe('2026-03-05T02:00');
  });

  it('every N days: from the last due time, skipping times missed while the server was down', () => {
    const last = at('2026-03-01T02:00');
    expect(china(nextRunAt('days', 7, at('2026-03-01T02:01'), last))).toBe('2026-03-08T02:00');
    expect(china(nextRunAt('days', 7, at('2026-03-20T10:00'), last))).toBe('2026-03-22T02:00');
  });

  it('every N days, first time: the next 02:00', () => {
    expect(china(nextRunAt('days', 3, at('2026-03-01T01:00')))).toBe('2026-03-01T02:00');
    expect(china(nextRunAt('days', 3, at('2026-03-01T09:00')))).toBe('2026-03-02T02:00');
  });

  it('labels', () => {
    expect(repeatLabel('monthly', 5)).toBe('每月 5 日');
    expect(repeatLabel('days', 1)).toBe('每天');
    expect(repeatLabel('days', 7)).toBe('每 7 天');
  });
});
