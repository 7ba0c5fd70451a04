import {
  caseRecordKindIds,
  followUpOutcomeIds,
  followUpSubjectIds,
  genderIds,
  inquiryRequestStateIds,
  minorRoleIds,
  type oneStopFunctionIds,
  oneStopRoomIds,
  referralBodyKindIds,
  sealingBasisIds,
  sealQueryStateIds,
} from '@procura/domain/states';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases, departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Minors on a juvenile case (被害人 or 犯罪嫌疑人). Their names live only here, so lists can
 * mask them (未成年人保护法 第一百零三条) and only the full view shows them.
 */
export const juvenileMinors = pgTable(
  'juvenile_minors',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role', { enum: minorRoleIds }).notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: genderIds }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    idNumber: text('id_number'),
    guardianName: text('guardian_name'),
    guardianRelation: text('guardian_relation'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('juvenile_minors_case_idx').on(t.caseId),
    oneOf('juvenile_minors', t.role, minorRoleIds),
    oneOf('juvenile_minors', t.gender, genderIds),
  ],
);

/** Juvenile records on a case (提前介入, 社会调查报告, 附条件不起诉, 司法救助…): kind + validated data. */
export const juvenileCaseRecords = pgTable(
  'juvenile_case_records',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    minorId: integer('minor_id').references(() => juvenileMinors.id),
    kind: text('kind', { enum: caseRecordKindIds }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('juvenile_case_records_case_idx').on(t.caseId),
    oneOf('juvenile_case_records', t.kind, caseRecordKindIds),
  ],
);

/** Requests for a further inquiry of a child victim, decided by the department head. */
export const juvenileInquiryRequests = pgTable(
  'juvenile_inquiry_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    minorId: integer('minor_id')
      .notNull()
      .references(() => juvenileMinors.id),
    reason: text('reason').notNull(),
    /** pending | approved | refused | used */
    state: text('state', { enum: inquiryRequestStateIds }).notNull(),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('juvenile_inquiry_requests_minor_idx').on(t.minorId),
    oneOf('juvenile_inquiry_requests', t.state, inquiryRequestStateIds),
  ],
);

/** Sessions booked in the one-stop centre (一站式办案场所). */
export const juvenileSessions = pgTable(
  'juvenile_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    minorId: integer('minor_id')
      .notNull()
      .references(() => juvenileMinors.id),
    room: text('room', { enum: oneStopRoomIds }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    functions: jsonb('functions').$type<(typeof oneStopFunctionIds)[number][]>().notNull(),
    attendees: jsonb('attendees').$type<string[]>().notNull(),
    /** The nth inquiry of this victim (询问 among the functions), else null. */
    inquiryNumber: integer('inquiry_number'),
    inquiryRequestId: integer('inquiry_request_id').references(() => juvenileInquiryRequests.id),
    note: text('note'),
    cancelled: boolean('cancelled').notNull().default(false),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('juvenile_sessions_room_idx').on(t.room, t.startsAt),
    index('juvenile_sessions_minor_idx').on(t.minorId),
    oneOf('juvenile_sessions', t.room, oneStopRoomIds),
  ],
);

/** 督促监护令 with its family-education guidance plan (sessions in `sessions`) and closing evaluation. */
export const juvenileGuardianshipOrders = pgTable(
  'juvenile_guardianship_orders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    minorId: integer('minor_id')
      .notNull()
      .references(() => juvenileMinors.id),
    guardianName: text('guardian_name').notNull().default(''),
    relation: text('relation').notNull().default(''),
    facts: text('facts').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    partnerBody: text('partner_body').notNull().default(''),
    /** [{ on, topic, attended: boolean | null, note }] */
    sessions: jsonb('sessions').$type<Record<string, unknown>[]>().notNull().default([]),
    issuedOn: date('issued_on', { mode: 'string' }),
    documentId: integer('document_id'),
    evaluation: text('evaluation'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('juvenile_guardianship_orders_case_idx').on(t.caseId)],
);

/** 跟踪帮教: a plan for a minor involved in a case or without proper care. */
export const juvenileFollowUps = pgTable(
  'juvenile_follow_ups',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    handlerId: integer('handler_id').references(() => users.id),
    caseId: integer('case_id').references(() => cases.id),
    /** caseInvolved | unsupervised */
    subject: text('subject', { enum: followUpSubjectIds }).notNull(),
    minorName: text('minor_name').notNull(),
    goal: text('goal').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    outcome: text('outcome', { enum: followUpOutcomeIds }),
    outcomeNote: text('outcome_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('juvenile_follow_ups_department_idx').on(t.departmentId),
    oneOf('juvenile_follow_ups', t.subject, followUpSubjectIds),
    oneOf('juvenile_follow_ups', t.outcome, followUpOutcomeIds),
  ],
);

export const juvenileFollowUpVisits = pgTable(
  'juvenile_follow_up_visits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    followUpId: integer('follow_up_id')
      .notNull()
      .references(() => juvenileFollowUps.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    notes: text('notes'),
    progress: text('progress'),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [index('juvenile_follow_up_visits_plan_idx').on(t.followUpId, t.dueOn)],
);

/** Referrals to education, civil-affairs and other bodies, with their feedback. */
export const juvenileReferrals = pgTable(
  'juvenile_referrals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    followUpId: integer('follow_up_id')
      .notNull()
      .references(() => juvenileFollowUps.id),
    bodyKind: text('body_kind', { enum: referralBodyKindIds }).notNull(),
    body: text('body').notNull(),
    reason: text('reason').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    feedback: text('feedback'),
    feedbackOn: date('feedback_on', { mode: 'string' }),
  },
  (t) => [
    index('juvenile_referrals_plan_idx').on(t.followUpId),
    oneOf('juvenile_referrals', t.bodyKind, referralBodyKindIds),
  ],
);

/** 犯罪记录封存 (刑事诉讼法 第二百八十六条): while unsealedAt is null the case is hidden outside 未检. */
export const juvenileSealings = pgTable(
  'juvenile_sealings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    basis: text('basis', { enum: sealingBasisIds }).notNull(),
    sentenceMonths: integer('sentence_months'),
    sealedOn: date('sealed_on', { mode: 'string' }).notNull(),
    sealedBy: integer('sealed_by')
      .notNull()
      .references(() => users.id),
    unsealedAt: timestamp('unsealed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('juvenile_sealings_case_key').on(t.caseId),
    oneOf('juvenile_sealings', t.basis, sealingBasisIds),
  ],
);

/** Requests to query a sealed record (人民检察院刑事诉讼规则 第四百八十四条): decided within 7 days. */
export const juvenileSealQueries = pgTable(
  'juvenile_seal_queries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sealingId: integer('sealing_id')
      .notNull()
      .references(() => juvenileSealings.id),
    requesterBody: text('requester_body').notNull(),
    requesterName: text('requester_name').notNull(),
    purpose: text('purpose').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** pending | permitted | refused */
    state: text('state', { enum: sealQueryStateIds }).notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('juvenile_seal_queries_sealing_idx').on(t.sealingId),
    oneOf('juvenile_seal_queries', t.state, sealQueryStateIds),
  ],
);
