import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { calendarFromChineseDays, chineseDaysYears } from '@procura/domain/deadlines/index';
import { count, eq, sql } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';

const { holidayCalendarDays: days } = schema;

/**
 * Before a year is first shown or edited, copies chinese-days' arrangement for it into the table,
 * so an admin edits the whole year and never loses the package's days by adding one of their own.
 * Serialised per year by an advisory lock; a year chinese-days does not know stays empty.
 */
export async function seedYear(tx: Executor, year: number, actor: AuditActor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7303, ${year})`);
  const [existing] = await tx.select({ n: count() }).from(days).where(eq(days.year, year));
  if (Number(existing?.n ?? 0) > 0 || !chineseDaysYears().includes(year)) return;
  const calendar = calendarFromChineseDays([year]);
  const rows = [
    ...[...calendar.restDays].map((date) => ({ date, kind: 'rest' as const })),
    ...[...calendar.workdays].map((date) => ({ date, kind: 'work' as const })),
  ].map((r) => ({ ...r, year, name: calendar.names?.get(r.date) ?? null, source: 'chinese-days' as const }));
  if (rows.length === 0) return;
  await tx.insert(days).values(rows);
  await recordAudit(tx, {
    actor,
    action: 'calendar.seed',
    targetType: 'calendar',
    targetId: year,
    detail: { year, days: rows.length, source: 'chinese-days' },
  });
}
