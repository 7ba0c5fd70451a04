import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, count, desc, eq, exists, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../audit/list-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { loadClues } from './present-clue.ts';
import type { TClueList, TClueQuery } from './schema.ts';

const { clues, clueParties } = schema;

/** Start of a calendar day in China (the date filters are days as the user sees them). */
export const chinaDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
export const chinaDayAfter = (date: string) => new Date(chinaDayStart(date).getTime() + 86_400_000);

/** Clues the user reaches, filtered, newest first, one page at a time. */
export async function listClues(db: Executor, query: TClueQuery, user: SessionUser): Promise<TClueList> {
  const conditions: (SQL | undefined)[] = [reachCondition(user, clues)];
  if (query.departmentId) conditions.push(eq(clues.departmentId, query.departmentId));
  if (query.source) conditions.push(eq(clues.source, query.source));
  if (query.status) conditions.push(eq(clues.status, query.status));
  if (query.handlerId) conditions.push(eq(clues.handlerId, query.handlerId));
  if (query.from) conditions.push(gte(clues.receivedAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(clues.receivedAt, chinaDayAfter(query.to)));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(clues.title, pattern),
        ilike(clues.description, pattern),
        exists(
          db
            .select({ one: sql`1` })
            .from(clueParties)
            .where(
              and(
                eq(clueParties.clueId, clues.id),
                or(ilike(clueParties.name, pattern), eq(clueParties.idNumber, query.q.toUpperCase())),
              ),
            ),
        ),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: clues.id })
      .from(clues)
      .where(where)
      .orderBy(desc(clues.receivedAt), desc(clues.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(clues).where(where),
  ]);
  return {
    total: Number(total?.value ?? 0),
    items: await loadClues(
      db,
      rows.map((r) => r.id),
    ),
  };
}
