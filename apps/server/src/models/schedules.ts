import { findModel } from '@procura/collide';
import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { desc, eq, type SQL } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { notFound } from '../errors.ts';
import { nextRunAt, type Repeat, repeatLabel } from './next-run.ts';
import type { TCreateScheduleBody, TSchedule } from './schema.ts';

const { collideSchedules: schedules, users } = schema;

const selectSchedules = (db: Executor, where?: SQL) =>
  db
    .select({ schedule: schedules, creator: { id: users.id, name: users.displayName } })
    .from(schedules)
    .innerJoin(users, eq(users.id, schedules.createdBy))
    .where(where)
    .orderBy(desc(schedules.id));

function present({ schedule, creator }: Awaited<ReturnType<typeof selectSchedules>>[number]): TSchedule {
  const repeat = schedule.repeat as Repeat;
  return {
    id: schedule.id,
    modelId: schedule.modelId,
    repeat,
    every: schedule.every,
    label: repeatLabel(repeat, schedule.every),
    enabled: schedule.enabled,
    nextRunAt: schedule.nextRunAt.toISOString(),
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    lastError: schedule.lastError,
    createdBy: creator,
  };
}

export async function listSchedules(
  db: Executor,
  query: { modelId?: string },
): Promise<{ items: TSchedule[] }> {
  const rows = await selectSchedules(db, query.modelId ? eq(schedules.modelId, query.modelId) : undefined);
  return { items: rows.map(present) };
}

/** 定期运行: the model runs on the newest data set of each input's kind when due. */
export async function createSchedule(
  database: Database,
  options: { input: TCreateScheduleBody; user: SessionUser; ip: string | null; now?: Date },
): Promise<TSchedule> {
  const { input, user } = options;
  if (!findModel(input.modelId)) throw notFound(`模型 ${input.modelId} `);
  const id = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schedules)
      .values({
        modelId: input.modelId,
        repeat: input.repeat,
        every: input.every,
        nextRunAt: nextRunAt(input.repeat, input.every, options.now ?? now()),
        createdBy: user.id,
      })
      .returning({ id: schedules.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'model.schedule',
      targetType: 'modelSchedule',
      targetId: row!.id,
      ip: options.ip,
      detail: { modelId: input.modelId, repeat: input.repeat, every: input.every },
    });
    return row!.id;
  });
  const [row] = await selectSchedules(database.db, eq(schedules.id, id));
  return present(row!);
}

export async function setScheduleEnabled(
  database: Database,
  options: { id: number; enabled: boolean; user: SessionUser; ip: string | null; now?: Date },
): Promise<TSchedule> {
  await database.db.transaction(async (tx) => {
    const [schedule] = await tx.select().from(schedules).where(eq(schedules.id, options.id));
    if (!schedule) throw notFound('定期运行');
    await tx
      .update(schedules)
      .set({
        enabled: options.enabled,
        // Re-enabled: the next due time from now, not a backlog of missed ones.
        ...(options.enabled && !schedule.enabled
          ? { nextRunAt: nextRunAt(schedule.repeat as Repeat, schedule.every, options.now ?? now()) }
          : {}),
      })
      .where(eq(schedules.id, options.id));
    await recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'model.schedule',
      targetType: 'modelSchedule',
      targetId: options.id,
      ip: options.ip,
      detail: { enabled: options.enabled },
    });
  });
  const [row] = await selectSchedules(database.db, eq(schedules.id, options.id));
  return present(row!);
}
