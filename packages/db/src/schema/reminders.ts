import { reminderKindIds, reminderStateIds } from '@procura/domain/states';
import { bigint, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { oneOf } from './one-of.ts';

/**
 * Reminders already sent (临期, 逾期): one row per item and state. The unique index is what makes
 * a reminder go out once, across hourly ticks, restarts and two server processes ticking at once
 * (insert … on conflict do nothing; only the transaction whose insert happened notifies).
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: reminderKindIds }).notNull(),
    /** deadlines.id or juvenile_follow_up_visits.id, by kind. */
    targetId: integer('target_id').notNull(),
    state: text('state', { enum: reminderStateIds }).notNull(),
    /** The due date the reminder named. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The users told. */
    recipientIds: jsonb('recipient_ids').$type<number[]>().notNull().default([]),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminders_sent_item_key').on(t.kind, t.targetId, t.state),
    oneOf('reminders_sent', t.kind, reminderKindIds),
    oneOf('reminders_sent', t.state, reminderStateIds),
  ],
);
