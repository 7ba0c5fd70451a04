import { pilCheckResultIds, pilConsultationKindIds } from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, users } from './core.ts';
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
