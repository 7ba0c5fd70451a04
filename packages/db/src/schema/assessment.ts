import {
  appealStatusIds,
  assessmentEntryKindIds,
  assessmentEntryOriginIds,
  assessmentEntryStatusIds,
  assessmentPeriodKindIds,
  assessmentPeriodStatusIds,
  assessmentRecordTypeIds,
  computedIndicatorKeyIds,
  gradeIds,
  indicatorDimensionIds,
  indicatorDirectionIds,
  indicatorSourceIds,
  pointCategoryIds,
  pointProposerIds,
  pointTriggerIds,
  studySessionKindIds,
} from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

/** Points, weights and scores: two decimals, read as numbers. */
const decimal = (name: string) => numeric(name, { precision: 9, scale: 2, mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * 考核周期: a year or another span with its own scheme (the rows of the three tables below that
 * name it). A new period starts from a copy of the last one; a closed period is frozen.
 */
export const assessmentPeriods = pgTable(
  'assessment_periods',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: assessmentPeriodKindIds }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: assessmentPeriodStatusIds }).notNull().default('open'),
    /** The shipped 示例 scheme: to be replaced by the procuratorate's own. */
    isExample: boolean('is_example').notNull().default(false),
    /** Days after an entry takes effect within which 复核 may be asked once. */
    appealDays: integer('appeal_days').notNull(),
    /** Bumped on every saved change of the scheme (its version within the period). */
    revision: integer('revision').notNull().default(1),
    copiedFromId: integer('copied_from_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessment_periods_name_key').on(t.name),
    check('assessment_periods_dates', sql`${t.startsOn} <= ${t.endsOn}`),
    oneOf('assessment_periods', t.kind, assessmentPeriodKindIds),
    oneOf('assessment_periods', t.status, assessmentPeriodStatusIds),
  ],
);

/** 党员积分 rules of a period's scheme (categories: the six disciplines and 业务). */
export const assessmentPointRules = pgTable(
  'assessment_point_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    code: text('code').notNull(),
    category: text('category', { enum: pointCategoryIds }).notNull(),
    title: text('title').notNull(),
    points: decimal('points').notNull(),
    evidenceRequired: boolean('evidence_required').notNull(),
    capPerPeriod: decimal('cap_per_period'),
    proposer: text('proposer', { enum: pointProposerIds }).notNull(),
    trigger: text('trigger', { enum: pointTriggerIds }),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    uniqueIndex('assessment_point_rules_code_key').on(t.periodId, t.code),
    oneOf('assessment_point_rules', t.category, pointCategoryIds),
    oneOf('assessment_point_rules', t.proposer, pointProposerIds),
    oneOf('assessment_point_rules', t.trigger, pointTriggerIds),
  ],
);

/** 业绩指标 of a period's scheme: weights sum to 100 (packages/domain/src/assessment/schemes.ts). */
export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    dimension: text('dimension', { enum: indicatorDimensionIds }).notNull(),
    unit: text('unit').notNull(),
    weight: decimal('weight').notNull(),
    direction: text('direction', { enum: indicatorDirectionIds }).notNull(),
    source: text('source', { enum: indicatorSourceIds }).notNull(),
    /** computed: a key of the computed-indicator catalogue (domain assessment/indicators.ts). */
    computedKey: text('computed_key', { enum: computedIndicatorKeyIds }),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    uniqueIndex('assessment_indicators_code_key').on(t.periodId, t.code),
    check(
      'assessment_indicators_computed_key',
      sql`(${t.source} = 'computed') = (${t.computedKey} is not null)`,
    ),
    oneOf('assessment_indicators', t.dimension, indicatorDimensionIds),
    oneOf('assessment_indicators', t.direction, indicatorDirectionIds),
    oneOf('assessment_indicators', t.source, indicatorSourceIds),
    oneOf('assessment_indicators', t.computedKey, computedIndicatorKeyIds),
  ],
);

/** 考核等次 bands of a period's scheme, with their quotas. */
export const assessmentGradeBands = pgTable(
  'assessment_grade_bands',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    grade: text('grade', { enum: gradeIds }).notNull(),
    minScore: decimal('min_score').notNull(),
    quotaPercent: decimal('quota_percent'),
  },
  (t) => [
    uniqueIndex('assessment_grade_bands_grade_key').on(t.periodId, t.grade),
    oneOf('assessment_grade_bands', t.grade, gradeIds),
  ],
);

/** 第一议题 / 党组会前学习 / 支部研讨: a study session and who attended. */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    kind: text('kind', { enum: studySessionKindIds }).notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('study_sessions_period_idx').on(t.periodId, t.heldOn),
    oneOf('study_sessions', t.kind, studySessionKindIds),
  ],
);

export const studyAttendance = pgTable(
  'study_attendance',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => studySessions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('study_attendance_key').on(t.sessionId, t.userId)],
);

/**
 * One assessment entry of a person in a period: party points under a rule, a value of an entered
 * indicator (外部评价, 理论调研…), or a line of the everyday bonus list or negative list. Each cites
 * its record where it has one; evidence files are attachments owned by the entry.
 */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => assessmentPeriods.id),
    /** The person assessed. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The person's department when the entry was made (reach of department heads). */
    departmentId: integer('department_id').references(() => departments.id),
    kind: text('kind', { enum: assessmentEntryKindIds }).notNull(),
    status: text('status', { enum: assessmentEntryStatusIds }).notNull(),
    origin: text('origin', { enum: assessmentEntryOriginIds }).notNull(),
    ruleId: integer('rule_id').references(() => assessmentPointRules.id),
    indicatorId: integer('indicator_id').references(() => assessmentIndicators.id),
    title: text('title').notNull(),
    points: decimal('points'),
    /** An entered indicator's value (in the indicator's unit). */
    value: decimal('value'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordType: text('record_type', { enum: assessmentRecordTypeIds }),
    recordId: integer('record_id'),
    /** For entries proposed from records: one per record and event ("deadline:12:overdue"). */
    sourceKey: text('source_key'),
    proposedBy: integer('proposed_by').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The day it took effect (approved or confirmed): the appeal window runs from it. */
    effectiveOn: date('effective_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('assessment_entries_person_idx').on(t.periodId, t.userId),
    index('assessment_entries_department_idx').on(t.periodId, t.departmentId),
    uniqueIndex('assessment_entries_source_key').on(t.sourceKey),
    check('assessment_entries_record', sql`(${t.recordType} is null) = (${t.recordId} is null)`),
    oneOf('assessment_entries', t.kind, assessmentEntryKindIds),
    oneOf('assessment_entries', t.status, assessmentEntryStatusIds),
    oneOf('assessment_entries', t.origin, assessmentEntryOriginIds),
    oneOf('assessment_entries', t.recordType, assessmentRecordTypeIds),
  ],
);

/** 复核: once per entry, within the scheme's days; the decision recorded. */
export const assessmentAppeals = pgTable(
  'assessment_appeals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => assessmentEntries.id),
    reason: text('reason').notNull(),
    filedBy: integer('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: appealStatusIds }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decision: text('decision'),
  },
  (t) => [
    uniqueIndex('assessment_appeals_entry_key').on(t.entryId),
    oneOf('assessment_appeals', t.status, appealStatusIds),
  ],
);

/**
 * Which department a person belonged to, from when to when (to_date null: still there). Written
 * when an account is created and whenever its department changes, so a period is scored in each
 * department with the days spent there.
 */
export const departmentMemberships = pgTable(
  'department_memberships',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    /** The first day no longer there (half-open [from, to)); null: still there. */
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('department_memberships_user_idx').on(t.userId, t.fromDate),
    uniqueIndex('department_memberships_current_key').on(t.userId).where(sql`${t.toDate} is null`),
    check('department_memberships_dates', sql`${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
  ],
);
