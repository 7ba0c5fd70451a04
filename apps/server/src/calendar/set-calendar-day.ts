import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { recomputeOpenDeadlines } from '../deadlines/recompute-deadline.ts';
import { notFound } from '../errors.ts';
import { presentCalendarDay } from './present-calendar.ts';
import type { TCalendarDay, TSetDayBody } from './schema.ts';
import { seedYear } from './seed-year.ts';

const { holidayCalendarDays: days } = schema;

/** Adds or changes one day (休 or 班); open deadlines are recomputed on the new calendar. */
export async function setCalendarDay(
  database: Database,
  options: {
    date: string;
    input: TSetDayBody;
    user: Pick<SessionUser, 'id' | 'displayName'>;
    ip: string | null;
  },
): Promise<TCalendarDay> {
  const { date, input } = options;
  const actor = actorOf(options.user);
  const year = Number(date.slice(0, 4));
  return database.db.transaction(async (tx) => {
    await seedYear(tx, year, actor);
    const [before] = await tx.select().from(days).where(eq(days.date, date));
    const values = {
      kind: input.kind,
      name: input.name ?? null,
      source: 'admin' as const,
      updatedBy: actor.id,
    };
    const [row] = before
      ? await tx
          .update(days)
          .set({ ...values, updatedAt: now() })
          .where(eq(days.id, before.id))
          .returning()
      : await tx
          .insert(days)
          .values({ ...values, date, year })
          .returning();
    await recordAudit(tx, {
      actor,
      action: 'calendar.setDay',
      targetType: 'calendar',
      targetId: date,
      ip: options.ip,
      detail: { date, kind: input.kind, name: input.name ?? null, before: before?.kind ?? null },
    });
    await recomputeOpenDeadlines(tx, year);
    return presentCalendarDay(row!);
  });
}

/** Removes one day from a year's arrangement: it becomes an ordinary weekday or weekend. */
export async function deleteCalendarDay(
  database: Database,
  options: { date: string; user: Pick<SessionUser, 'id' | 'displayName'>; ip: string | null },
): Promise<void> {
  const { date } = options;
  const actor = actorOf(options.user);
  const year = Number(date.slice(0, 4));
  await database.db.transaction(async (tx) => {
    await seedYear(tx, year, actor);
    const [removed] = await tx
      .delete(days)
      .where(and(eq(days.date, date), eq(days.year, year)))
      .returning();
    if (!removed) throw notFound(`${date} 的节假日安排`);
    await recordAudit(tx, {
      actor,
      action: 'calendar.deleteDay',
      targetType: 'calendar',
      targetId: date,
      ip: options.ip,
      detail: { date, kind: removed.kind, name: removed.name },
    });
    await recomputeOpenDeadlines(tx, year);
  });
}
