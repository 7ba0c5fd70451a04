import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { notFound } from '../errors.ts';
import { presentNotification } from './list-notifications.ts';
import type { TNotification } from './schema.ts';

const { notifications } = schema;

/** Marks one of the user's own notifications read (idempotent); someone else's is 404. */
export async function markNotificationRead(
  db: Executor,
  id: number,
  user: SessionUser,
): Promise<TNotification> {
  const mine = and(eq(notifications.id, id), eq(notifications.userId, user.id));
  const [row] = await db.select().from(notifications).where(mine);
  if (!row) throw notFound('通知');
  if (row.readAt) return presentNotification(row);
  const [updated] = await db.update(notifications).set({ readAt: now() }).where(mine).returning();
  return presentNotification(updated!);
}
