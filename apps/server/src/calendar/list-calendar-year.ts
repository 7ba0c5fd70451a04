import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { asc, eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { presentCalendarDay } from './present-calendar.ts';
import type { TCalendarYear } from './schema.ts';
import { seedYear } from './seed-year.ts';

const { holidayCalendarDays: days } = schema;

/** A year's rest and 调休 working days; the first look at a year chinese-days knows seeds it. */
export async function listCalendarYear(
  database: Database,
  options: { year: number; actor: AuditActor },
): Promise<TCalendarYear> {
  const { year } = options;
  return database.db.transaction(async (tx) => {
    await seedYear(tx, year, options.actor);
    const rows = await tx.select().from(days).where(eq(days.year, year)).orderBy(asc(days.date));
    return { year, loaded: rows.length > 0, days: rows.map(presentCalendarDay) };
  });
}
