import { reportKindIds } from '@procura/domain/states';
import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

/** A section of a report: the text generated from the figures and the chief's edit of it. */
export interface ReportSection {
  id: string;
  title: string;
  /** Written from the figures at the last generation. */
  generated: string;
  /** The leader's own text; kept as it is when the figures are generated again. null: not edited. */
  edited: string | null;
}

/**
 * 工作报告 / 白皮书 / 类案分析 drafts: a period and a scope (the whole procuratorate or one
 * department), the sections' generated and edited text. The figures, tables and charts are measured
 * again when the .docx is made, by the cockpit's metric definitions.
 */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: reportKindIds }).notNull(),
    title: text('title').notNull(),
    /** [from, to) in China days. */
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** null: the whole procuratorate; otherwise the department a head's report covers. */
    departmentId: integer('department_id').references(() => departments.id),
    /** 白皮书: a line of work (reportLineIds); 类案分析: a 公益诉讼 field id. null for 工作报告. */
    subject: text('subject'),
    sections: jsonb('sections').$type<ReportSection[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reports_department_idx').on(t.departmentId), oneOf('reports', t.kind, reportKindIds)],
);
