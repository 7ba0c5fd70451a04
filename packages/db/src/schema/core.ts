import {
  accountRequestKindIds,
  accountRequestStatusIds,
  calendarDayKindIds,
  calendarSourceIds,
  caseEventKindIds,
  caseTypeIds,
  clueSourceIds,
  clueStatusIds,
  deadlineStateIds,
  followUpIds,
  lineIds,
  outcomeKindIds,
  partyKindIds,
  pilFieldIds,
  rectificationIds,
  roleIds,
  suggestionKindIds,
  suggestionStateIds,
} from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { oneOf } from './one-of.ts';

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
    line: text('line', { enum: lineIds }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Settings (the admin's 部门设置): days a clue may wait for its assessment; null: not set. */
    clueAssessmentDays: integer('clue_assessment_days'),
    /** 检察建议文号代字 (成华检{code}〔2026〕N号); null: the default of the department's line. */
    suggestionDocCode: text('suggestion_doc_code'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('departments_name_key').on(t.name), oneOf('departments', t.line, lineIds)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roleIds }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Locked for every address: wrong passwords came from many (auth/failed-attempts.ts). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`), oneOf('users', t.role, roleIds)],
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

/**
 * Wrong passwords per account and client address: five from one address lock the account for
 * that address only, so a flood from one place does not lock the holder out everywhere.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The client address ('' when unknown). */
    ip: text('ip').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.ip] }),
    index('login_failures_recent_idx').on(t.userId, t.lastFailedAt),
  ],
);

/**
 * 账号审批: the administrator's creation or elevation of a 检察长/副检察长/部门负责人 account, or
 * the reset of such an account's password, waits for the chief's decision (two people).
 */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: accountRequestKindIds }).notNull(),
    /** The account concerned; null for a creation until it is approved. */
    userId: integer('user_id').references(() => users.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: roleIds }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    status: text('status', { enum: accountRequestStatusIds }).notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: createdAt(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    index('account_requests_status_idx').on(t.status, t.id),
    oneOf('account_requests', t.kind, accountRequestKindIds),
    oneOf('account_requests', t.role, roleIds),
    oneOf('account_requests', t.status, accountRequestStatusIds),
  ],
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
    type: text('type', { enum: caseTypeIds }).notNull(),
    /** 诉前/诉中/诉后 for types with phases; null otherwise. */
    phase: text('phase'),
    stage: text('stage').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    handlerId: integer('handler_id').references(() => users.id),
    title: text('title').notNull(),
    /** 公益诉讼领域 of a public-interest case (domain/public-interest-fields.ts); null for others. */
    pilField: text('pil_field', { enum: pilFieldIds }),
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
    // Lists (apps/server/src/cases/list-cases.ts): a department's newest first, stage filter,
    // free text by substring (ILIKE) and similarity (pg_trgm <%).
    index('cases_department_opened_idx').on(t.departmentId, t.openedAt),
    index('cases_stage_idx').on(t.stage),
    index('cases_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('cases_case_number_trgm_idx').using('gin', t.caseNumber.op('gin_trgm_ops')),
    oneOf('cases', t.type, caseTypeIds),
    oneOf('cases', t.pilField, pilFieldIds),
    index('cases_pil_field_idx').on(t.pilField),
  ],
);

/** 线索. A clue transferred to another department becomes a new clue there, linked by clue_transfers. */
export const clues = pgTable(
  'clues',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    source: text('source', { enum: clueSourceIds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** 公益诉讼领域 of a clue received by a public-interest department; carried to its case. */
    pilField: text('pil_field', { enum: pilFieldIds }),
    /** The receiving department, which assesses and decides the clue. */
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    handlerId: integer('handler_id').references(() => users.id),
    status: text('status', { enum: clueStatusIds }).notNull().default('pending'),
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
    // Lists (apps/server/src/clues/list-clues.ts), as for cases.
    index('clues_department_received_idx').on(t.departmentId, t.receivedAt),
    index('clues_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('clues_description_trgm_idx').using('gin', t.description.op('gin_trgm_ops')),
    oneOf('clues', t.source, clueSourceIds),
    oneOf('clues', t.status, clueStatusIds),
    oneOf('clues', t.pilField, pilFieldIds),
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
    kind: text('kind', { enum: partyKindIds }).notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
  },
  (t) => [
    index('clue_parties_clue_idx').on(t.clueId),
    index('clue_parties_id_number_idx').on(t.idNumber),
    index('clue_parties_name_idx').on(t.kind, t.name),
    index('clue_parties_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    oneOf('clue_parties', t.kind, partyKindIds),
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
    kind: text('kind', { enum: caseEventKindIds }).notNull(),
    /** When it happened (a delivery date may be entered after the fact). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.at),
    // The cockpit counts events of one kind in a period (提起诉讼).
    index('case_events_kind_at_idx').on(t.kind, t.at),
    oneOf('case_events', t.kind, caseEventKindIds),
  ],
);

/** 办案成效: money in fen, other kinds as a count in the kind's unit. */
export const caseOutcomes = pgTable(
  'case_outcomes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: outcomeKindIds }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    count: integer('count'),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_outcomes_case_idx').on(t.caseId),
    // The cockpit dates outcomes by when they were recorded.
    index('case_outcomes_created_at_idx').on(t.createdAt),
    oneOf('case_outcomes', t.kind, outcomeKindIds),
  ],
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

/** bytea as a Node Buffer (drizzle has no built-in bytea column). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array | string }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    typeof value === 'string' ? Buffer.from(value.replace(/^\\x/, ''), 'hex') : Buffer.from(value),
});

/** Files archived on a case (the generated 检察建议书, …): bytes with their size and sha256. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The suggestion the document was generated for, if any. */
    suggestionId: integer('suggestion_id').references(() => suggestions.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_documents_case_idx').on(t.caseId),
    index('case_documents_suggestion_idx').on(t.suggestionId),
  ],
);

/** 检察建议: drafted on a case, approved, issued with a 文号, delivered, replied to, followed up. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: suggestionKindIds }).notNull(),
    addressee: text('addressee').notNull().default(''),
    facts: text('facts').notNull().default(''),
    legalBasis: text('legal_basis').notNull().default(''),
    requests: text('requests').notNull().default(''),
    /** 联系人 and 联系电话 printed at the foot of the 检察建议书; 抄送 where set. */
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    copyTo: text('copy_to').notNull().default(''),
    urgent: boolean('urgent').notNull().default(false),
    state: text('state', { enum: suggestionStateIds }).notNull().default('draft'),
    docNumber: text('doc_number'),
    numberYear: smallint('number_year'),
    numberSeq: integer('number_seq'),
    /** [{ userId, name, at, note }] */
    approvals: jsonb('approvals').$type<Record<string, unknown>[]>().notNull().default([]),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    replyOn: date('reply_on', { mode: 'string' }),
    replyContent: text('reply_content'),
    rectification: text('rectification', { enum: rectificationIds }),
    rectificationNote: text('rectification_note'),
    followUp: text('follow_up', { enum: followUpIds }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('suggestions_doc_number_key').on(t.docNumber),
    index('suggestions_case_idx').on(t.caseId),
    index('suggestions_state_idx').on(t.state),
    index('suggestions_created_at_idx').on(t.createdAt),
    // The cockpit's figures (apps/server/src/cockpit/metrics) date suggestions by these.
    index('suggestions_issued_at_idx').on(t.issuedAt),
    index('suggestions_reply_on_idx').on(t.replyOn),
    oneOf('suggestions', t.kind, suggestionKindIds),
    oneOf('suggestions', t.state, suggestionStateIds),
    oneOf('suggestions', t.rectification, rectificationIds),
    oneOf('suggestions', t.followUp, followUpIds),
  ],
);

/** Last 文号 per year and series (公益建, 民（行）建…): the same gap-free upsert as case numbers. */
export const docNumberCounters = pgTable(
  'doc_number_counters',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('doc_number_counters_year_code_key').on(t.year, t.code)],
);

/**
 * 期限: computed only by the deadline engine; the result (due date, explanation, warnings) is
 * stored, and recomputed when a pause starts or ends. A chained limit points at its predecessor.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id').references(() => cases.id),
    clueId: integer('clue_id').references(() => clues.id),
    suggestionId: integer('suggestion_id').references(() => suggestions.id),
    predecessorId: integer('predecessor_id'),
    limitId: text('limit_id').notNull(),
    name: text('name').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    /** A period set for this record instead of the statutory one ({ amount, unit }); null: statutory. */
    period: jsonb('period').$type<{ amount: number; unit: 'day' | 'month' | 'year' | 'workday' }>(),
    /** null while a chained limit waits for its predecessor's due date. */
    startOn: date('start_on', { mode: 'string' }),
    /** null while paused or pending. */
    dueOn: date('due_on', { mode: 'string' }),
    /** The engine's state: running / paused / pending. */
    state: text('state', { enum: deadlineStateIds }).notNull(),
    basis: jsonb('basis').$type<Record<string, unknown>>().notNull(),
    explanation: text('explanation').notNull(),
    steps: jsonb('steps').$type<string[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    /** [{ from, to, reason }] */
    pauses: jsonb('pauses')
      .$type<{ from: string; to: string | null; reason: string }[]>()
      .notNull()
      .default([]),
    completedOn: date('completed_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('deadlines_case_idx').on(t.caseId),
    index('deadlines_clue_idx').on(t.clueId),
    index('deadlines_suggestion_idx').on(t.suggestionId),
    index('deadlines_due_idx').on(t.dueOn),
    oneOf('deadlines', t.state, deadlineStateIds),
  ],
);

/**
 * The holiday arrangement as data. A year with rows here is described by them (seeded from
 * chinese-days the first time an admin opens it, then edited or imported); other years come from
 * chinese-days, and years neither knows carry the engine's warning.
 */
export const holidayCalendarDays = pgTable(
  'holiday_calendar_days',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: calendarDayKindIds }).notNull(),
    name: text('name'),
    year: smallint('year').notNull(),
    source: text('source', { enum: calendarSourceIds }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('holiday_calendar_days_date_key').on(t.date),
    index('holiday_calendar_days_year_idx').on(t.year),
    oneOf('holiday_calendar_days', t.kind, calendarDayKindIds),
    oneOf('holiday_calendar_days', t.source, calendarSourceIds),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);
