import { attachmentPurposeIds, fileKindIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { assessmentEntries } from './assessment.ts';
import { bytea, clues, suggestions, users } from './core.ts';
import { oneOf } from './one-of.ts';
import { patrolFindings } from './patrols.ts';
import { cooperationAgreements } from './pil-mechanisms.ts';

/**
 * Files people hand in: the material of a clue (report letters, photos, scanned records) and the
 * attachments of an addressee's reply to a suggestion. Kept in the database, like case documents,
 * so a backup or a move between engines carries them and an upload is saved whole or not at all.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    clueId: integer('clue_id').references(() => clues.id),
    suggestionId: integer('suggestion_id').references(() => suggestions.id),
    /** A 网络巡查 finding's screenshots. */
    patrolFindingId: integer('patrol_finding_id').references(() => patrolFindings.id),
    /** Evidence of an assessment entry (a bonus, party points, an entered indicator). */
    assessmentEntryId: integer('assessment_entry_id').references(() => assessmentEntries.id),
    /** A 会签文件's text and its annexes. */
    cooperationAgreementId: integer('cooperation_agreement_id').references(() => cooperationAgreements.id),
    /** material (a clue's) | reply (a suggestion reply's) */
    purpose: text('purpose', { enum: attachmentPurposeIds }).notNull(),
    fileName: text('file_name').notNull(),
    /** The kind recognised from the bytes (pdf, jpeg, docx, …), not from the name alone. */
    kind: text('kind', { enum: fileKindIds }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_clue_idx').on(t.clueId),
    index('attachments_suggestion_idx').on(t.suggestionId),
    index('attachments_patrol_finding_idx').on(t.patrolFindingId),
    index('attachments_assessment_entry_idx').on(t.assessmentEntryId),
    index('attachments_cooperation_agreement_idx').on(t.cooperationAgreementId),
    check(
      'attachments_one_owner',
      sql`num_nonnulls(${t.clueId}, ${t.suggestionId}, ${t.patrolFindingId}, ${t.assessmentEntryId}, ${t.cooperationAgreementId}) = 1`,
    ),
    oneOf('attachments', t.purpose, attachmentPurposeIds),
    oneOf('attachments', t.kind, fileKindIds),
  ],
);
