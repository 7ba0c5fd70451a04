import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, exists, not, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ReminderKind, ReminderState } from './due-item.ts';

const { remindersSent } = schema;

/** Whether the reminder of an item (the row's `targetId` column) in a state is out. */
function sent(db: Executor, kind: ReminderKind, targetId: PgColumn, state: ReminderState): SQL {
  return exists(
    db
      .select({ id: remindersSent.id })
      .from(remindersSent)
      .where(
        and(
          eq(remindersSent.kind, kind),
          eq(remindersSent.targetId, targetId),
          eq(remindersSent.state, state),
        ),
      ),
  );
}

/** Items whose 逾期 reminder is not out yet (after it nothing more is ever sent about them). */
export const overdueNotSent = (db: Executor, kind: ReminderKind, targetId: PgColumn): SQL =>
  not(sent(db, kind, targetId, 'overdue'));

/** A select column: whether the item was already reminded as 临期. */
export const dueSoonSent = (db: Executor, kind: ReminderKind, targetId: PgColumn) =>
  sql<boolean>`${sent(db, kind, targetId, 'dueSoon')}`.mapWith(Boolean);
