import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chineseDaysYears } from '@procura/domain/deadlines/index';
import { asc, eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { presentCalendarDay } from './present-calendar.ts';
import type { TCalendarYear } from './schema.ts';
import { seedYear } from './seed-year.ts';

const { holidayCalendarDays: days } = schema;

async function readYear(db: Executor, year: number): Promise<TCalendarYear> {
  const rows = await db.select().from(days).where(eq(days.year, year)).orderBy(asc(days.date));
  const seedable = rows.length === 0 && chineseDaysYears().includes(year);
  return { year, loaded: rows.length > 0 || seedable, seedable, days: rows.map(presentCalendarDay) };
}

/**
 * A year's rest and 调休 working days as stored. Read-only: a year chinese-days knows but nobody
 * has stored yet comes back empty with `seedable`, and the client asks for it with a POST.
 */
export function listCalendarYear(database: Database, options: { year: number }): Promise<TCalendarYear> {
  return readYear(database.db, options.year);
}

/** Stores chinese-days' arrangement of a year not stored yet (idempotent, audited once). */
export function seedCalendarYear(
  database: Database,
  options: { year: number; actor: AuditActor },
): Promise<TCalendarYear> {
  return database.db.transaction(async (tx) => {
    await seedYear(tx, options.year, options.actor);
    return readYear(tx, options.year);
  });
}
