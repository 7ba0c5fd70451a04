import {
  checkResultIds,
  letterStatusIds,
  letterTopicIds,
  mailboxAlertKindIds,
  outreachKindIds,
  schoolKindIds,
  topicSourceIds,
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
import { clues, departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

// 社会化预防 (juvenile prevention): partner schools with their campus mailbox, employment checks
// for schools and kindergartens, and outreach events.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 对接学校: a school or kindergarten working with the juvenile department. */
export const partnerSchools = pgTable(
  'partner_schools',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: schoolKindIds }).notNull(),
    /** The unguessable part of the school's public mailbox link (and its QR code). */
    mailboxToken: text('mailbox_token').notNull(),
    mailboxOpen: boolean('mailbox_open').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('partner_schools_name_key').on(t.name),
    uniqueIndex('partner_schools_mailbox_token_key').on(t.mailboxToken),
    oneOf('partner_schools', t.kind, schoolKindIds),
  ],
);

/** Which school an account of role `school` acts for (one school per account). */
export const schoolAccounts = pgTable(
  'school_accounts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    schoolId: integer('school_id')
      .notNull()
      .references(() => partnerSchools.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('school_accounts_user_key').on(t.userId),
    index('school_accounts_school_idx').on(t.schoolId),
  ],
);

/** 校园信箱来信: written without an account; read back with a pickup code whose sha256 is kept. */
export const mailboxLetters = pgTable(
  'mailbox_letters',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => partnerSchools.id),
    topic: text('topic', { enum: letterTopicIds }).notNull(),
    /** student: chosen by the writer; keywords: classified from the text. */
    topicSource: text('topic_source', { enum: topicSourceIds }).notNull(),
    grade: text('grade'),
    body: text('body').notNull(),
    /** null: anonymous. */
    contact: text('contact'),
    urgent: boolean('urgent').notNull().default(false),
    /** [{ category, word }] that made the letter urgent. */
    urgentReasons: jsonb('urgent_reasons')
      .$type<{ category: string; word: string }[]>()
      .notNull()
      .default([]),
    pickupCodeHash: text('pickup_code_hash').notNull(),
    status: text('status', { enum: letterStatusIds }).notNull().default('new'),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: integer('read_by').references(() => users.id),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => users.id),
    clueId: integer('clue_id').references(() => clues.id),
    /** Looks like part of a flood (a leaked link and a script): stored, shown apart as 疑似刷信. */
    suspected: boolean('suspected').notNull().default(false),
    /** sameAddress / repeatedText / burst: why it was suspected (kept after release). */
    suspectedReasons: jsonb('suspected_reasons').$type<string[]>().notNull().default([]),
    /** Set when a prosecutor judged a suspected letter genuine. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: integer('released_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mailbox_letters_pickup_code_key').on(t.pickupCodeHash),
    index('mailbox_letters_school_created_idx').on(t.schoolId, t.createdAt),
    index('mailbox_letters_status_idx').on(t.status),
    oneOf('mailbox_letters', t.topic, letterTopicIds),
    oneOf('mailbox_letters', t.topicSource, topicSourceIds),
    oneOf('mailbox_letters', t.status, letterStatusIds),
  ],
);

/**
 * One episode of mailbox alerts for a school: `urgent` folds urgent-letter notifications of a few
 * minutes into one with a count; `flood` tells the admin once while suspected letters keep coming.
 */
export const mailboxAlerts = pgTable(
  'mailbox_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => partnerSchools.id),
    kind: text('kind', { enum: mailboxAlertKindIds }).notNull(),
    letters: integer('letters').notNull().default(1),
    /** The link the episode's notifications carry, so they are found again to be updated. */
    link: text('link'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mailbox_alerts_school_idx').on(t.schoolId, t.kind, t.lastAt),
    oneOf('mailbox_alerts', t.kind, mailboxAlertKindIds),
  ],
);

/** A snapshot of offence records loaded by the juvenile department for employment checks. */
export const offenceRecordSets = pgTable('offence_record_sets', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  fileName: text('file_name').notNull(),
  rowCount: integer('row_count').notNull(),
  note: text('note'),
  uploadedBy: integer('uploaded_by')
    .notNull()
    .references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const offenceRecords = pgTable(
  'offence_records',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    setId: integer('set_id')
      .notNull()
      .references(() => offenceRecordSets.id),
    /** Row in the uploaded file (header = 1), cited in the review evidence. */
    row: integer('row').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name'),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }),
  },
  (t) => [index('offence_records_set_idx').on(t.setId)],
);

/** 入职查询: one upload of new hires by a school account, checked against one record snapshot. */
export const employmentCheckBatches = pgTable(
  'employment_check_batches',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => partnerSchools.id),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    fileName: text('file_name').notNull(),
    recordSetId: integer('record_set_id')
      .notNull()
      .references(() => offenceRecordSets.id),
    peopleCount: integer('people_count').notNull(),
    reviewCount: integer('review_count').notNull(),
  },
  (t) => [index('employment_check_batches_school_idx').on(t.schoolId, t.requestedAt)],
);

export const employmentCheckPeople = pgTable(
  'employment_check_people',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => employmentCheckBatches.id),
    row: integer('row').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    position: text('position'),
    result: text('result', { enum: checkResultIds }).notNull(),
    /** The model's explanation and evidence, for the juvenile department only; never for the school. */
    reviewDetail: jsonb('review_detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('employment_check_people_batch_idx').on(t.batchId),
    index('employment_check_people_id_number_idx').on(t.idNumber),
    oneOf('employment_check_people', t.result, checkResultIds),
  ],
);

/** 法治进校园 / 小小检察官体验 / 进社区. */
export const outreachEvents = pgTable(
  'outreach_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: outreachKindIds }).notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    audience: text('audience').notNull(),
    participantCount: integer('participant_count').notNull(),
    materials: text('materials').notNull().default(''),
    schoolId: integer('school_id').references(() => partnerSchools.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outreach_events_held_on_idx').on(t.heldOn),
    index('outreach_events_department_idx').on(t.departmentId),
    oneOf('outreach_events', t.kind, outreachKindIds),
  ],
);
