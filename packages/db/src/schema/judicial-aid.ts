import { judicialAidCategoryIds, judicialAidDecisionIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, users } from './core.ts';
import { juvenileMinors } from './juvenile.ts';
import { oneOf } from './one-of.ts';

/**
 * 司法救助, for a case of any line: one row per application, through decision (批准 / 不予救助)
 * and payment. The juvenile department's assistance lives here too (migration moved its
 * records), so every figure counts one assistance once.
 */
export const judicialAids = pgTable(
  'judicial_aids',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** The minor the assistance is for, on a juvenile case. */
    minorId: integer('minor_id').references(() => juvenileMinors.id),
    applicantName: text('applicant_name').notNull(),
    /** Null for records moved from the juvenile module, which had none. */
    applicantIdNumber: text('applicant_id_number'),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    category: text('category', { enum: judicialAidCategoryIds }).notNull(),
    /** The hardship in the applicant's words. */
    reason: text('reason'),
    decision: text('decision', { enum: judicialAidDecisionIds }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** Null for moved juvenile records (the decider was not recorded). */
    decidedBy: integer('decided_by').references(() => users.id),
    decisionNote: text('decision_note'),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paidFen: bigint('paid_fen', { mode: 'number' }),
    /** Why more than approved was paid (the user confirmed it). */
    overPaidReason: text('over_paid_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('judicial_aids_case_idx').on(t.caseId),
    index('judicial_aids_paid_on_idx').on(t.paidOn),
    oneOf('judicial_aids', t.category, judicialAidCategoryIds),
    oneOf('judicial_aids', t.decision, judicialAidDecisionIds),
    check('judicial_aids_amounts_positive', sql`${t.approvedFen} >= 0 AND ${t.paidFen} >= 0`),
    check(
      'judicial_aids_money_after_grant',
      sql`${t.decision} = 'granted' OR (${t.approvedFen} IS NULL AND ${t.paidFen} IS NULL AND ${t.paidOn} IS NULL)`,
    ),
    check('judicial_aids_paid_with_date', sql`(${t.paidFen} IS NULL) = (${t.paidOn} IS NULL)`),
    check(
      'judicial_aids_paid_within_approved',
      sql`${t.paidFen} IS NULL OR ${t.paidFen} <= ${t.approvedFen} OR ${t.overPaidReason} IS NOT NULL`,
    ),
  ],
);
