import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, asc, eq } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import type { DueItem } from './due-item.ts';

const { remindersSent, users } = schema;

/**
 * Records and sends one reminder in one transaction. The unique index on (kind, target, state)
 * decides who sends: a second tick or a second server process inserts nothing and tells nobody.
 * Returns the users told (empty when it was already sent or nobody can be told yet).
 */
export async function sendReminder(database: Database, item: DueItem, at: Date): Promise<number[]> {
  return database.db.transaction(async (tx) => {
    const { userIds, fallback } = await recipientsOf(tx, item);
    // Nobody to tell (no handler, no head): not recorded, so the next tick tries again.
    if (userIds.length === 0) return [];
    const [inserted] = await tx
      .insert(remindersSent)
      .values({
        kind: item.kind,
        targetId: item.targetId,
        state: item.state,
        dueOn: item.dueOn,
        recipientIds: userIds,
        sentAt: at,
      })
      .onConflictDoNothing({ target: [remindersSent.kind, remindersSent.targetId, remindersSent.state] })
      .returning({ id: remindersSent.id });
    if (!inserted) return [];
    const text = fallback ? `${item.text}（尚无在岗承办人，请部门负责人安排）` : item.text;
    for (const userId of userIds) {
      await notify(tx, { userId, kind: `reminder.${item.state}`, text, link: item.link });
    }
    return userIds;
  });
}

/** The handler while assigned and active; otherwise the active heads of the item's department. */
async function recipientsOf(tx: Executor, item: DueItem): Promise<{ userIds: number[]; fallback: boolean }> {
  if (item.handlerId !== null) {
    const [handler] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, item.handlerId), eq(users.disabled, false)));
    if (handler) return { userIds: [handler.id], fallback: false };
  }
  const heads = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.departmentId, item.departmentId),
        eq(users.role, 'departmentHead'),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.id));
  return { userIds: heads.map((h) => h.id), fallback: true };
}
