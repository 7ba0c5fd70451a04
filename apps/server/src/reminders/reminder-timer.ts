import type { Database } from '@procura/db';
import { sendDueReminders } from './send-due-reminders.ts';

export const reminderEveryMs = 60 * 60_000;
/**
 * The first check waits a few minutes after start-up rather than running at once: a server
 * restarted in a loop (or a short test run) does not tick, and nothing is lost, since a reminder
 * not yet sent is sent at the next check.
 */
export const reminderFirstDelayMs = 10 * 60_000;

/**
 * Checks for items that became 临期 or 逾期, hourly (the states change once a day; an hour keeps
 * a restart's delay short). The clock is injectable for tests. The returned stop waits for a
 * check in progress, so the database is not closed under it.
 */
export function startReminders(
  database: Database,
  options: {
    now?: () => Date;
    everyMs?: number;
    firstDelayMs?: number;
    log: (error: unknown, message: string) => void;
  },
): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sendDueReminders(database, now())
      .then(() => undefined)
      .catch((error: unknown) => options.log(error, 'reminder tick failed'))
      .finally(() => {
        running = null;
      });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, options.everyMs ?? reminderEveryMs);
    interval.unref();
  }, options.firstDelayMs ?? reminderFirstDelayMs);
  first.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(interval);
    await running;
  };
}
