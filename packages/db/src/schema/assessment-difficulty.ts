import { caseTypeIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { assessmentPeriods } from './assessment.ts';
import { oneOf } from './one-of.ts';

/**
 * 难度系数 of a period's scheme: one coefficient per case type, multiplying its cases in
 * `casesHandled`. Edited with the scheme, copied with it, frozen when the period closes; a type
 * without a row counts 1.0.
 */
export const assessmentDifficulty = pgTable(
  'assessment_difficulty',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    caseType: text('case_type', { enum: caseTypeIds }).notNull(),
    coefficient: numeric('coefficient', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('assessment_difficulty_type_key').on(t.periodId, t.caseType),
    oneOf('assessment_difficulty', t.caseType, caseTypeIds),
    check('assessment_difficulty_coefficient_check', sql`${t.coefficient} > 0 and ${t.coefficient} <= 10`),
  ],
);
