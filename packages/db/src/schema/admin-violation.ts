import { adminActKindIds, adminCorrectionIds, clueOriginKindIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, clues, suggestions, users } from './core.ts';
import { oneOf } from './one-of.ts';

/**
 * 行政违法行为监督: where a clue about an administrative violation came from when a criminal case
 * brought it to light (刑检 → 行政检察). One row per clue; a transfer copies it to the clue the
 * receiving department gets. The criminal case is linked when it is in Procura, and its number is
 * kept either way (most criminal cases live in the 统一业务应用系统).
 */
export const clueCriminalOrigins = pgTable(
  'clue_criminal_origins',
  {
    clueId: integer('clue_id')
      .primaryKey()
      .references(() => clues.id),
    kind: text('kind', { enum: clueOriginKindIds }).notNull(),
    criminalCaseId: integer('criminal_case_id').references(() => cases.id),
    criminalCaseNumber: text('criminal_case_number').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf('clue_criminal_origins', t.kind, clueOriginKindIds)],
);

/**
 * A 行违 case's record, one row per case: the organ, the act supervised, the violation found, the
 * 检察建议 to the organ (the suggestions module keeps its reply deadline) and the follow-up.
 */
export const adminViolationRecords = pgTable(
  'admin_violation_records',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    organ: text('organ').notNull(),
    /** 统一社会信用代码 of the organ, when known. */
    organCode: text('organ_code'),
    actKind: text('act_kind', { enum: adminActKindIds }).notNull(),
    /** The act's name when actKind is 'other'. */
    actKindOther: text('act_kind_other'),
    /** The act itself, e.g. the decision's 文号 and what it decided. */
    actDescription: text('act_description'),
    violation: text('violation').notNull(),
    suggestionId: integer('suggestion_id').references(() => suggestions.id),
    correction: text('correction', { enum: adminCorrectionIds }),
    correctionMeasures: text('correction_measures'),
    correctedOn: date('corrected_on', { mode: 'string' }),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('admin_violation_records', t.actKind, adminActKindIds),
    oneOf('admin_violation_records', t.correction, adminCorrectionIds),
    check(
      'admin_violation_records_other_named',
      sql`(${t.actKind} = 'other') = (${t.actKindOther} IS NOT NULL)`,
    ),
    check(
      'admin_violation_records_correction_dated',
      sql`(${t.correction} IS NULL) = (${t.correctedOn} IS NULL)`,
    ),
  ],
);
