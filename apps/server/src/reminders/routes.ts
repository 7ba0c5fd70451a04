import type { App, RouteDeps } from '../http/app-types.ts';
import { startReminders } from './reminder-timer.ts';

/** 提醒: no HTTP routes; a background check tells handlers of 临期 and 逾期 items (see docs/deadlines.md). */
export async function reminderRoutes(app: App, { database, clock }: RouteDeps) {
  let stop: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    stop = startReminders(database, {
      now: clock,
      log: (error, message) => app.log.error({ err: error }, message),
    });
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}
