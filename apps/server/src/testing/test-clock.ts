import { chinaDate } from '@procura/domain/china-time';
import { type Clock, fixedClock } from '../clock.ts';

/**
 * The instant server tests that depend on "today" run at: a Wednesday, 10:00 in China. Pass
 * `testClock` to createTestApp and give dates relative to `testNow`, never the wall clock's.
 */
export const testNow = new Date('2026-11-25T10:00:00+08:00');

export const testClock = fixedClock(testNow);

/** A China calendar day relative to the test clock's today ('YYYY-MM-DD'). */
export function testDay(offsetDays: number): string {
  return chinaDate(new Date(testNow.getTime() + offsetDays * 86_400_000));
}

/** A clock that stands still until the test moves it on (for time windows). */
export function manualClock(start: Date = testNow): { clock: Clock; advance: (ms: number) => Date } {
  let at = start.getTime();
  return {
    clock: () => new Date(at),
    advance(ms) {
      at += ms;
      return new Date(at);
    },
  };
}
