import { extensionRequestStateIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { suggestions, users } from './core.ts';
import { oneOf } from './one-of.ts';
import { pilConsultations } from './pil-mechanisms.ts';
import { organisations } from './portal.ts';

// 外部单位门户 (issue 15), the organisation's side of a suggestion: extension requests of the reply
// deadline decided by the prosecutor, and the consultations (磋商) an organisation joined.

/**
 * 延期申请: the organisation asks for more time to reply (reason, proposed day); the suggestion's
 * handler grants it (the reply deadline moves to `newDueOn`) or refuses it, with a reason.
 */
export const suggestionExtensionRequests = pgTable(
  'suggestion_extension_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    proposedDueOn: date('proposed_due_on', { mode: 'string' }).notNull(),
    /** The reply deadline's due day when the request was made. */
    previousDueOn: date('previous_due_on', { mode: 'string' }),
    state: text('state', { enum: extensionRequestStateIds }).notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    newDueOn: date('new_due_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('suggestion_extension_requests_suggestion_idx').on(t.suggestionId),
    oneOf('suggestion_extension_requests', t.state, extensionRequestStateIds),
    check(
      'suggestion_extension_requests_decided',
      sql`(${t.state} = 'pending') = (${t.decidedAt} IS NULL) AND (${t.state} = 'granted') = (${t.newDueOn} IS NOT NULL)`,
    ),
  ],
);

/** The organisations that took part in a 磋商 and see it on their portal (picked by the prosecutor). */
export const consultationOrganisations = pgTable(
  'consultation_organisations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => pilConsultations.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_organisations_key').on(t.consultationId, t.organisationId),
    index('consultation_organisations_organisation_idx').on(t.organisationId),
  ],
);
