import { portalClueFieldIds } from '@procura/domain/states';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clues, users } from './core.ts';
import { oneOf } from './one-of.ts';
import { organisations } from './portal.ts';

// 外部单位门户·移送线索 (issue 15): a clue an outside organisation sent through the portal, and
// the feedback (反馈) the procuratorate writes back to it.

/**
 * The clue as the organisation sent it: which organisation, who, when (the server's clock) and the
 * line of work it chose. The clue itself lives in `clues` like any other; a transfer inside the
 * procuratorate makes a new clue there, and the portal follows `clue_transfers` to it.
 */
export const portalClues = pgTable(
  'portal_clues',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    field: text('field', { enum: portalClueFieldIds }).notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('portal_clues_clue_key').on(t.clueId),
    index('portal_clues_organisation_idx').on(t.organisationId, t.sentAt),
    oneOf('portal_clues', t.field, portalClueFieldIds),
  ],
);

/** 反馈: free text a prosecutor writes to the sending organisation, shown on its portal. */
export const portalClueFeedback = pgTable(
  'portal_clue_feedback',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    portalClueId: integer('portal_clue_id')
      .notNull()
      .references(() => portalClues.id),
    /** The clue (the one sent, or the one a transfer made of it) the prosecutor wrote it on. */
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    text: text('text').notNull(),
    writtenBy: integer('written_by')
      .notNull()
      .references(() => users.id),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_clue_feedback_portal_clue_idx').on(t.portalClueId)],
);
