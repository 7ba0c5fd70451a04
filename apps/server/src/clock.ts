import { AsyncLocalStorage } from 'node:async_hooks';
import { chinaDate } from '@procura/domain/china-time';

/**
 * Where the server reads the time. The app runs every request under the clock it was built with
 * (`buildApp({ clock })`): the system's in production, a fixed one in tests, so that "today" (a
 * deadline's state, a date that may not lie in the future, the year of a case number) never
 * depends on the day the suite runs. Sessions, login lockouts and timeouts measure real elapsed
 * time and keep the system clock; column defaults (`created_at`) are the database's.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at one instant. */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new Error(`无效的时刻：${String(at)}`);
  return () => new Date(ms);
}

/** A clock set to `start` now that runs on in real time (the browser tests' server). */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

const current = new AsyncLocalStorage<Clock>();

/** Runs `fn` (a request, a background job) with `clock` answering every `now()` inside it. */
export function withClock<T>(clock: Clock, fn: () => T): T {
  return current.run(clock, fn);
}

/** The current instant by the clock of the request or job being served (the system's outside one). */
export function now(): Date {
  return (current.getStore() ?? systemClock)();
}

/** Today in China ('YYYY-MM-DD') by that clock. */
export function today(): string {
  return chinaDate(now());
}
