import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One installation serves one procuratorate; this table holds exactly one row (id = 1). */
export const procuratorate = pgTable('procuratorate', {
  id: smallint('id').primaryKey().default(1),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const departments = pgTable(
  'departments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    line: text('line').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('departments_name_key').on(t.name)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only; every row carries the SM3 hash of its content and of the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 案件: the number is allocated from case_number_counters in the opening transaction. */
export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseNumber: text('case_number').notNull(),
    numberYear: smallint('number_year').notNull(),
    numberSeq: integer('number_seq').notNull(),
    type: text('type').notNull(),
    /** 诉前/诉中/诉后 for types with phases; null otherwise. */
    phase: text('phase'),
    stage: text('stage').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    handlerId: integer('handler_id').references(() => users.id),
    title: text('title').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cases_case_number_key').on(t.caseNumber),
    index('cases_department_idx').on(t.departmentId),
    index('cases_handler_idx').on(t.handlerId),
    index('cases_type_idx').on(t.type),
    index('cases_opened_at_idx').on(t.openedAt),
  ],
);

/** 线索. A clue transferred to another department becomes a new clue there, linked by clue_transfers. */
export const clues = pgTable(
  'clues',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The receiving department, which assesses and decides the clue. */
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    handlerId: integer('handler_id').references(() => users.id),
    status: text('status').notNull().default('pending'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    assessmentDueOn: date('assessment_due_on', { mode: 'string' }),
    /** The case opened from this clue (立案). */
    caseId: integer('case_id').references(() => cases.id),
    declineReason: text('decline_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('clues_department_idx').on(t.departmentId),
    index('clues_status_idx').on(t.status),
    index('clues_handler_idx').on(t.handlerId),
    index('clues_received_at_idx').on(t.receivedAt),
    index('clues_case_idx').on(t.caseId),
  ],
);

/** People (with 公民身份号码) and organisations involved in a clue. */
export const clueParties = pgTable(
  'clue_parties',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
  },
  (t) => [
    index('clue_parties_clue_idx').on(t.clueId),
    index('clue_parties_id_number_idx').on(t.idNumber),
    index('clue_parties_name_idx').on(t.kind, t.name),
  ],
);

/** 线索移送: to another department (a new clue there) or to an outside body, with receipt and feedback. */
export const clueTransfers = pgTable(
  'clue_transfers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    fromDepartmentId: integer('from_department_id')
      .notNull()
      .references(() => departments.id),
    toDepartmentId: integer('to_department_id').references(() => departments.id),
    /** Name of the outside body when not sent to a department. */
    toOutsideBody: text('to_outside_body'),
    /** The receiving department's clue. */
    receivedClueId: integer('received_clue_id').references(() => clues.id),
    reason: text('reason').notNull(),
    transferredAt: timestamp('transferred_at', { withTimezone: true }).notNull().defaultNow(),
    transferredBy: integer('transferred_by')
      .notNull()
      .references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: text('received_by'),
    feedback: text('feedback'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    feedbackRecordedBy: integer('feedback_recorded_by').references(() => users.id),
  },
  (t) => [
    index('clue_transfers_clue_idx').on(t.clueId),
    index('clue_transfers_from_idx').on(t.fromDepartmentId),
    index('clue_transfers_received_clue_idx').on(t.receivedClueId),
  ],
);

/** The case timeline: who did what when. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    /** When it happened (a delivery date may be entered after the fact). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** 办案成效: money in fen, other kinds as a count in the kind's unit. */
export const caseOutcomes = pgTable(
  'case_outcomes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    count: integer('count'),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_outcomes_case_idx').on(t.caseId)],
);

/**
 * Last sequence number per year and number series (案号代字). Allocation is an upsert returning the
 * new value inside the case-opening transaction: the row lock serialises openers, and a rolled-back
 * opening rolls its increment back, so numbers have no gaps.
 */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('case_number_counters_year_code_key').on(t.year, t.code)],
);
