import { describe, expect, it } from 'vitest';
import {
  chinaClock,
  chinaDate,
  chinaDayAfter,
  chinaDayAndClock,
  chinaDayStart,
  chinaNoon,
  chinaYear,
} from './china-time.ts';

describe('china time', () => {
  // 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in China.
  const newYear = new Date('2025-12-31T16:30:00Z');

  it('counts days and years in China, not in UTC', () => {
    expect(chinaDate(newYear)).toBe('2026-01-01');
    expect(chinaYear(newYear)).toBe(2026);
    expect(chinaDate(new Date('2026-03-05T15:59:59Z'))).toBe('2026-03-05');
  });

  it('names the time of day on a 24-hour clock', () => {
    expect(chinaClock(new Date('2026-03-05T01:05:00Z'))).toBe('09:05');
    expect(chinaClock(new Date('2026-03-05T12:00:00Z'))).toBe('20:00');
    expect(chinaDayAndClock(newYear)).toBe('1/1 00:30');
  });

  it('turns a China day into the instants that bound it', () => {
    expect(chinaDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDayAfter('2026-01-01').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(chinaNoon('2026-01-01').toISOString()).toBe('2026-01-01T04:00:00.000Z');
  });
});
