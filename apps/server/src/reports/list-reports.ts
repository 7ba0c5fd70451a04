import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { desc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { cockpitScope } from '../cockpit/scope.ts';
import { toReport } from './load-report.ts';

/** The reports within the user's reach (a head: their department's), newest first, at most 200. */
export async function listReports(db: Db, user: SessionUser) {
  const scope = cockpitScope(user);
  const rows = await db
    .select()
    .from(schema.reports)
    .where(scope.departmentId === null ? undefined : eq(schema.reports.departmentId, scope.departmentId))
    .orderBy(desc(schema.reports.id))
    .limit(200);
  const items = await Promise.all(rows.map((row) => toReport(db, row)));
  return { items: items.map(({ sections: _sections, ...rest }) => rest) };
}
