import {
  disputeEntryStageIds,
  disputeMeansIds,
  disputeOutcomeIds,
  hearingDrawMethodIds,
} from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseDocuments, cases, users } from './core.ts';
import { oneOf } from './one-of.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * 听证员库: the procuratorate's pool of hearing officers, kept by heads and the admin. Each
 * declares an organisation and relations (relatives, former employers…) checked against a
 * hearing's parties before the officer is seated.
 */
export const hearingOfficers = pgTable(
  'hearing_officers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** 职业 (人大代表, 律师, 人民监督员…). */
    occupation: text('occupation').notNull(),
    /** 工作单位. */
    organisation: text('organisation'),
    phone: text('phone'),
    /** Declared relations: [{ relation: '配偶', name: '王某某' }, …]. */
    relations: jsonb('relations').$type<{ relation: string; name: string }[]>().notNull().default([]),
    /** Out of the pool: never drawn nor chosen again; earlier hearings keep the officer. */
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('hearing_officers_active_idx').on(t.active)],
);

/** 公开听证: one hearing on a case (any type). */
export const hearings = pgTable(
  'hearings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 听证事项: the question heard. */
    question: text('question').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** '09:30', when known. */
    startsAt: text('starts_at'),
    place: text('place').notNull(),
    /** 听证参加人: [{ name, role: party|organ|agent|other }]. */
    participants: jsonb('participants').$type<{ name: string; role: string }[]>().notNull().default([]),
    /** The seed of the last random draw, kept so the draw can be repeated and checked. */
    drawSeed: text('draw_seed'),
    /** 听证笔录: what was said. */
    minutes: text('minutes'),
    /** How the officers' opinions were used in the decision (采纳情况). */
    decisionUse: text('decision_use'),
    /** The 听证笔录 .docx archived on the case. */
    documentId: integer('document_id').references(() => caseDocuments.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('hearings_case_idx').on(t.caseId)],
);

/** The officers seated at a hearing: who, how (drawn with which seed, or chosen and why), their opinion. */
export const hearingPanel = pgTable(
  'hearing_panel',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hearingId: integer('hearing_id')
      .notNull()
      .references(() => hearings.id),
    officerId: integer('officer_id')
      .notNull()
      .references(() => hearingOfficers.id),
    method: text('method', { enum: hearingDrawMethodIds }).notNull(),
    /** random: the seed and the candidates' ids as drawn; chosen: the reason. */
    seed: text('seed'),
    candidateIds: jsonb('candidate_ids').$type<number[]>(),
    reason: text('reason'),
    opinion: text('opinion'),
    seatedBy: integer('seated_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('hearing_panel_hearing_officer_idx').on(t.hearingId, t.officerId),
    oneOf('hearing_panel', t.method, hearingDrawMethodIds),
    check(
      'hearing_panel_how',
      sql`(${t.method} = 'random' AND ${t.seed} IS NOT NULL) OR (${t.method} = 'chosen' AND ${t.reason} IS NOT NULL)`,
    ),
  ],
);

/** 听证通知: to whom and the day it went out (never after the hearing). */
export const hearingNotices = pgTable(
  'hearing_notices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hearingId: integer('hearing_id')
      .notNull()
      .references(() => hearings.id),
    recipient: text('recipient').notNull(),
    /** 送达方式 (电话, 邮寄, 当面…). */
    means: text('means'),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('hearing_notices_hearing_idx').on(t.hearingId)],
);

/** 行政争议实质性化解: what a 行化立 case is about and how it ended, one row per case. */
export const adminDisputes = pgTable(
  'admin_disputes',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    entryStage: text('entry_stage', { enum: disputeEntryStageIds }).notNull(),
    /** 邀请/移送机关: the 司法行政机关 (诉前), the court (诉中); the applicant (诉后). */
    referredBy: text('referred_by').notNull(),
    referredOn: date('referred_on', { mode: 'string' }),
    /** 当事人: [{ name, role }]. */
    parties: jsonb('parties').$type<{ name: string; role: string }[]>().notNull().default([]),
    administrativeOrgan: text('administrative_organ').notNull(),
    administrativeAct: text('administrative_act').notNull(),
    /** 争议焦点. */
    disputeFocus: text('dispute_focus').notNull(),
    /** 化解方式: ids of packages/domain/src/states.ts disputeMeansIds. */
    means: jsonb('means').$type<string[]>().notNull().default([]),
    outcome: text('outcome', { enum: disputeOutcomeIds }),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('admin_disputes', t.entryStage, disputeEntryStageIds),
    oneOf('admin_disputes', t.outcome, disputeOutcomeIds),
    check('admin_disputes_outcome_dated', sql`(${t.outcome} IS NULL) = (${t.outcomeOn} IS NULL)`),
    // Every means is one of the list (the platform's constants, never a request's).
    check(
      'admin_disputes_means_in_list',
      sql`jsonb_typeof(${t.means}) = 'array' AND ${t.means} <@ ${sql.raw(`'${JSON.stringify(disputeMeansIds)}'::jsonb`)}`,
    ),
  ],
);

/** 会商: a joint meeting on a dispute with the bodies present and its minutes. */
export const adminDisputeMeetings = pgTable(
  'admin_dispute_meetings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    bodies: jsonb('bodies').$type<string[]>().notNull(),
    minutes: text('minutes').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('admin_dispute_meetings_case_idx').on(t.caseId)],
);
