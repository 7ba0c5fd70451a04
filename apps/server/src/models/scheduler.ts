import { findModel } from '@procura/collide';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, desc, eq, lte } from 'drizzle-orm';
import { DomainError } from '../errors.ts';
import { kindOf } from './dataset-kinds.ts';
import { nextRunAt, type Repeat } from './next-run.ts';
import { runQueueOf } from './run-queue.ts';
import { queueRun } from './start-run.ts';

const { collideSchedules: schedules, collideDatasets: datasets, users } = schema;

/**
 * Queues a run for every enabled schedule due at `now`, on the newest data set of each input's
 * kind, and moves the schedule to its next due time (missed times while the server was down are
 * not repeated). A schedule that cannot run yet records why. Returns the queued run ids.
 */
export async function runDueSchedules(database: Database, now: Date): Promise<number[]> {
  const due = await database.db
    .select({ schedule: schedules, creator: { id: users.id, name: users.displayName } })
    .from(schedules)
    .innerJoin(users, eq(users.id, schedules.createdBy))
    .where(and(eq(schedules.enabled, true), lte(schedules.nextRunAt, now)));
  const queued: number[] = [];
  for (const { schedule, creator } of due) {
    const next = nextRunAt(schedule.repeat as Repeat, schedule.every, now, schedule.nextRunAt);
    const runId = await database.db.transaction(async (tx) => {
      // Claimed by moving the due time: a second server process would find it no longer due.
      const [claimed] = await tx
        .update(schedules)
        .set({ nextRunAt: next, lastRunAt: now })
        .where(and(eq(schedules.id, schedule.id), eq(schedules.nextRunAt, schedule.nextRunAt)))
        .returning({ id: schedules.id });
      if (!claimed) return null;
      const model = findModel(schedule.modelId);
      const chosen: Record<string, number> = {};
      const missing: string[] = [];
      for (const input of model?.inputs ?? []) {
        const kind = kindOf(schedule.modelId, input.role);
        const [latest] = await tx
          .select({ id: datasets.id })
          .from(datasets)
          .where(eq(datasets.kind, kind.id))
          .orderBy(desc(datasets.uploadedAt), desc(datasets.id))
          .limit(1);
        if (latest) chosen[input.role] = latest.id;
        else missing.push(kind.label);
      }
      if (!model || missing.length > 0) {
        const reason = model ? `尚无数据集：${missing.join('、')}` : `模型 ${schedule.modelId} 已不存在`;
        await tx.update(schedules).set({ lastError: reason }).where(eq(schedules.id, schedule.id));
        return null;
      }
      await tx.update(schedules).set({ lastError: null }).where(eq(schedules.id, schedule.id));
      try {
        return await queueRun(tx, {
          modelId: schedule.modelId,
          datasets: chosen,
          startedBy: creator.id,
          actor: { id: creator.id, name: `${creator.name}（定期运行）` },
          ip: null,
          scheduleId: schedule.id,
        });
      } catch (error) {
        // Refused before anything was written (a snapshot file missing after a restore): the
        // schedule says why and tries again at its next time, rather than every minute.
        if (!(error instanceof DomainError)) throw error;
        await tx.update(schedules).set({ lastError: error.message }).where(eq(schedules.id, schedule.id));
        return null;
      }
    });
    if (runId !== null) queued.push(runId);
  }
  if (queued.length > 0) void runQueueOf(database).kick();
  return queued;
}

/** Checks for due schedules every minute; the clock is injectable for tests. */
export function startScheduler(
  database: Database,
  options: { now?: () => Date; everyMs?: number; log: (error: unknown, message: string) => void },
): () => void {
  const now = options.now ?? (() => new Date());
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runDueSchedules(database, now())
      .catch((error: unknown) => options.log(error, 'scheduler tick failed'))
      .finally(() => {
        busy = false;
      });
  }, options.everyMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
