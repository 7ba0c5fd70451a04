import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { recomputeOpenDeadlines } from '../deadlines/recompute-deadline.ts';
import { csvLines, parseCalendarRows, xlsxLines } from './parse-calendar-rows.ts';
import type { TImportCalendarBody } from './schema.ts';

const { holidayCalendarDays: days } = schema;

/**
 * Replaces a year's arrangement with the State Council notice as imported (CSV or .xlsx), in one
 * transaction after every line checked: one bad line and nothing changes.
 */
export async function importCalendar(
  database: Database,
  options: {
    year: number;
    input: TImportCalendarBody;
    user: Pick<SessionUser, 'id' | 'displayName'>;
    ip: string | null;
  },
): Promise<{ year: number; imported: number }> {
  const { year, input } = options;
  const actor = actorOf(options.user);
  const lines = input.format === 'csv' ? csvLines(input.content) : await xlsxLines(input.content);
  const rows = parseCalendarRows(lines, year);
  await database.db.transaction(async (tx) => {
    const removed = await tx.delete(days).where(eq(days.year, year)).returning({ id: days.id });
    await tx.insert(days).values(
      rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name,
        year,
        source: 'import' as const,
        updatedBy: actor.id,
      })),
    );
    await recordAudit(tx, {
      actor,
      action: 'calendar.import',
      targetType: 'calendar',
      targetId: year,
      ip: options.ip,
      detail: { year, format: input.format, imported: rows.length, replaced: removed.length },
    });
    await recomputeOpenDeadlines(tx, year);
  });
  return { year, imported: rows.length };
}
