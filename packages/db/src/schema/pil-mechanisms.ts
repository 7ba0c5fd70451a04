import { cooperationMechanismIds, pilCheckResultIds, pilConsultationKindIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, clues, departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

/**
 * 诉前磋商 and 圆桌会议 on a public-interest case. A consultation records what the organ agreed
 * to do and by when, then the follow-up check; a round table (e.g. 税收流失) records its minutes.
 */
export const pilConsultations = pgTable(
  'pil_consultations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: pilConsultationKindIds }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** 参加单位: the organs and bodies present. */
    bodies: jsonb('bodies').$type<string[]>().notNull(),
    /** 议题 (圆桌会议: e.g. 税款流失问题). */
    topic: text('topic'),
    /** 磋商达成的意见: what the organ agreed to do. */
    agreed: text('agreed'),
    /** The day the agreed action is due (磋商). */
    actionDueOn: date('action_due_on', { mode: 'string' }),
    /** 会议纪要 (圆桌会议). */
    minutes: text('minutes'),
    checkedOn: date('checked_on', { mode: 'string' }),
    checkResult: text('check_result', { enum: pilCheckResultIds }),
    checkNote: text('check_note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pil_consultations_case_idx').on(t.caseId),
    oneOf('pil_consultations', t.kind, pilConsultationKindIds),
    oneOf('pil_consultations', t.checkResult, pilCheckResultIds),
    check(
      'pil_consultations_kind_fields',
      sql`(${t.kind} = 'consultation' AND ${t.agreed} IS NOT NULL AND ${t.actionDueOn} IS NOT NULL) OR (${t.kind} = 'roundTable' AND ${t.minutes} IS NOT NULL)`,
    ),
    check('pil_consultations_check_dated', sql`(${t.checkResult} IS NULL) = (${t.checkedOn} IS NULL)`),
  ],
);

/**
 * 会签文件: a cooperation agreement the procuratorate signed with other bodies (title, bodies,
 * mechanisms), kept by the department that registered it; joint meetings recur every
 * `meeting_every_months` months from the last one, the next day shown.
 */
export const cooperationAgreements = pgTable(
  'cooperation_agreements',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    title: text('title').notNull(),
    /** 会签单位. */
    bodies: jsonb('bodies').$type<string[]>().notNull(),
    /** ids of cooperationMechanismIds. */
    mechanisms: jsonb('mechanisms').$type<string[]>().notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** 联席会议 every so many months; null when none is agreed. */
    meetingEveryMonths: integer('meeting_every_months'),
    nextMeetingOn: date('next_meeting_on', { mode: 'string' }),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cooperation_agreements_department_idx').on(t.departmentId),
    check(
      'cooperation_agreements_interval',
      sql`${t.meetingEveryMonths} IS NULL OR ${t.meetingEveryMonths} BETWEEN 1 AND 24`,
    ),
    check(
      'cooperation_agreements_mechanisms_in_list',
      sql`jsonb_typeof(${t.mechanisms}) = 'array' AND ${t.mechanisms} <@ ${sql.raw(`'${JSON.stringify(cooperationMechanismIds)}'::jsonb`)}`,
    ),
  ],
);

/** 联席会议 held under an agreement. */
export const cooperationMeetings = pgTable(
  'cooperation_meetings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => cooperationAgreements.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    minutes: text('minutes').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cooperation_meetings_agreement_idx').on(t.agreementId)],
);

/** The agreement under which a case came (one per case). */
export const caseCooperationAgreements = pgTable('case_cooperation_agreements', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id),
  agreementId: integer('agreement_id')
    .notNull()
    .references(() => cooperationAgreements.id),
  linkedBy: integer('linked_by')
    .notNull()
    .references(() => users.id),
  linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The agreement under which a clue came (one per clue). */
export const clueCooperationAgreements = pgTable(
  'clue_cooperation_agreements',
  {
    clueId: integer('clue_id')
      .primaryKey()
      .references(() => clues.id),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => cooperationAgreements.id),
    linkedBy: integer('linked_by')
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clue_cooperation_agreements_agreement_idx').on(t.agreementId)],
);

/**
 * 从业禁止黑名单: a seriously untrustworthy food operator referred to the regulator from a
 * public-interest case; the regulator's confirmation and the day the entry took effect follow.
 */
export const blacklistReferrals = pgTable(
  'blacklist_referrals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 经营者 (a person or a business). */
    operatorName: text('operator_name').notNull(),
    /** 统一社会信用代码 or ID number. */
    operatorCode: text('operator_code'),
    regulator: text('regulator').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    confirmationReference: text('confirmation_reference'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('blacklist_referrals_case_idx').on(t.caseId),
    check(
      'blacklist_referrals_confirmed_dated',
      sql`(${t.confirmedOn} IS NULL) = (${t.effectiveOn} IS NULL)`,
    ),
  ],
);
