import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from './core.ts';

/**
 * 考核结果快照: the period's computed results as they stood at one calculation (values, scores,
 * grades and the ids of every contributing record), so a recalculation after a late record can
 * say what changed and why (apps/server/src/assessment-scores/diff-snapshots.ts).
 */
export const assessmentSnapshots = pgTable(
  'assessment_snapshots',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    /** Exclusive: the day after the period's last day. */
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    schemeName: text('scheme_name').notNull(),
    /** The results of everyone assessed ({ people: [...] }, assessment-scores/snapshots.ts). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    computedBy: integer('computed_by')
      .notNull()
      .references(() => users.id),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [index('assessment_snapshots_period_idx').on(t.periodFrom, t.periodTo, t.id)],
);

/** 跳起摸高 目标值: set by a department head for one indicator and period, beyond the best. */
export const assessmentTargets = pgTable(
  'assessment_targets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The scheme indicator's key. */
    indicatorKey: text('indicator_key').notNull(),
    target: real('target').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_targets_key').on(t.departmentId, t.periodFrom, t.periodTo, t.indicatorKey)],
);
