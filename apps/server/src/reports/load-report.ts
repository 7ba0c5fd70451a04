import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import type { Scope } from '../cockpit/metrics/measure.ts';
import { cockpitScope } from '../cockpit/scope.ts';
import { notFound } from '../errors.ts';
import type { TReport } from './schema.ts';

export type ReportRow = typeof schema.reports.$inferSelect;

/**
 * A report within the user's reach, as the cockpit's: the chief and deputies every report, a
 * department head those of their own department. Out of reach answers exactly like a missing id.
 */
export async function reachReport(db: Executor, user: SessionUser, id: number): Promise<ReportRow> {
  const [row] = await db.select().from(schema.reports).where(eq(schema.reports.id, id));
  const scope = cockpitScope(user);
  if (!row || (scope.departmentId !== null && row.departmentId !== scope.departmentId))
    throw notFound('报告');
  return row;
}

/** The scope a stored report is measured for: the whole procuratorate or its department. */
export async function reportScope(
  db: Executor,
  departmentId: number | null,
): Promise<Scope & { label: string }> {
  if (departmentId === null) return { departmentId: null, listsSealed: false, label: '全院' };
  const [department] = await db
    .select({ name: schema.departments.name, line: schema.departments.line })
    .from(schema.departments)
    .where(eq(schema.departments.id, departmentId));
  return { departmentId, listsSealed: department?.line === 'juvenile', label: department?.name ?? '' };
}

export async function toReport(db: Executor, row: ReportRow): Promise<TReport> {
  const [author] = await db
    .select({ name: schema.users.displayName })
    .from(schema.users)
    .where(eq(schema.users.id, row.createdBy));
  const scope = await reportScope(db, row.departmentId);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    from: row.periodFrom,
    to: row.periodTo,
    departmentId: row.departmentId,
    scopeLabel: scope.label,
    subject: row.subject,
    sections: row.sections,
    createdBy: author?.name ?? '',
    createdAt: row.createdAt.toISOString(),
    generatedAt: row.generatedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
