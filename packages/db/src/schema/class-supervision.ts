import { classSiteKindIds, siteRectificationIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases, clues, departments, suggestions, users } from './core.ts';
import { oneOf } from './one-of.ts';

/**
 * 类案监督: cases or clues that share one problem (消防安全隐患, 飞线充电…) grouped under a title, with
 * the one 社会治理类检察建议 that cites them all (a suggestion drafted on the group's first case).
 */
export const classCaseGroups = pgTable(
  'class_case_groups',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    suggestionId: integer('suggestion_id').references(() => suggestions.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('class_case_groups_department_idx').on(t.departmentId),
    uniqueIndex('class_case_groups_suggestion_key').on(t.suggestionId),
  ],
);

/** One case or clue of a group, with its site and that site's rectification. */
export const classCaseMembers = pgTable(
  'class_case_members',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => classCaseGroups.id),
    caseId: integer('case_id').references(() => cases.id),
    clueId: integer('clue_id').references(() => clues.id),
    siteName: text('site_name').notNull(),
    siteKind: text('site_kind', { enum: classSiteKindIds }).notNull(),
    rectification: text('rectification', { enum: siteRectificationIds }).notNull().default('notStarted'),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    rectificationNote: text('rectification_note'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('class_case_members_group_idx').on(t.groupId),
    uniqueIndex('class_case_members_group_case_key').on(t.groupId, t.caseId),
    uniqueIndex('class_case_members_group_clue_key').on(t.groupId, t.clueId),
    oneOf('class_case_members', t.siteKind, classSiteKindIds),
    oneOf('class_case_members', t.rectification, siteRectificationIds),
    check('class_case_members_one_record', sql`(${t.caseId} IS NULL) <> (${t.clueId} IS NULL)`),
  ],
);

/**
 * 检行协作: a 特邀检察官助理 added to a case as an adviser. The row is the access: removing it ends
 * the officer's reach to the case (the audit log keeps who added and removed whom).
 */
export const caseAdvisers = pgTable(
  'case_advisers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_advisers_case_user_key').on(t.caseId, t.userId),
    index('case_advisers_user_idx').on(t.userId),
  ],
);
