import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import type { TNotification, TNotificationList } from './schema.ts';

const { notifications } = schema;

export function presentNotification(row: typeof notifications.$inferSelect): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The user's unread notifications: what the list's `unread` says (the bell's and the workbench's count). */
export async function countUnreadNotifications(db: Executor, user: SessionUser): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return Number(row?.value ?? 0);
}

/** The user's latest 100 notifications (or only the unread ones) and the unread count. */
export async function listNotifications(
  db: Executor,
  options: { user: SessionUser; unreadOnly: boolean },
): Promise<TNotificationList> {
  const mine = eq(notifications.userId, options.user.id);
  const unread = and(mine, isNull(notifications.readAt));
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(options.unreadOnly ? unread : mine)
      .orderBy(desc(notifications.id))
      .limit(100),
    countUnreadNotifications(db, options.user),
  ]);
  return { items: rows.map(presentNotification), unread: total };
}
