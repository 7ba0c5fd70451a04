import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { openClueStatuses } from '@procura/domain/cases/clue-sources';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { type TextSearch, textSearch, withTextSearch } from './list-text-search.ts';
import { loadClues } from './present-clue.ts';
import type { TClueFilter, TClueList, TClueQuery } from './schema.ts';

const { clues, clueParties } = schema;

/**
 * The clues a user reaches that match a filter: the list and the export share it. Free text
 * matches title, description, a party's name or id number as substrings, and near misses of the
 * title by similarity (similarity on descriptions too doubled the time at 100,000 clues; see
 * list-text-search.ts and docs/benchmarks.md).
 */
export function clueFilter(
  query: TClueFilter,
  user: SessionUser,
): { where: SQL | undefined; search: TextSearch | undefined } {
  const conditions: (SQL | undefined)[] = [reachCondition(user, clues), notSealedFor(user, clues.caseId)];
  if (query.departmentId) conditions.push(eq(clues.departmentId, query.departmentId));
  if (query.source) conditions.push(eq(clues.source, query.source));
  if (query.status) conditions.push(eq(clues.status, query.status));
  if (query.awaiting) conditions.push(inArray(clues.status, [...openClueStatuses]));
  if (query.pilField) conditions.push(eq(clues.pilField, query.pilField));
  if (query.handlerId) conditions.push(eq(clues.handlerId, query.handlerId));
  if (query.from) conditions.push(gte(clues.receivedAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(clues.receivedAt, chinaDayAfter(query.to)));
  const search = query.q
    ? textSearch(query.q, {
        id: clues.id,
        table: clues,
        substring: [clues.title, clues.description],
        similar: [clues.title],
        extraIds: (pattern, term) =>
          sql`select ${clueParties.clueId} from ${clueParties} where ${clueParties.name} ilike ${pattern} or ${clueParties.idNumber} = ${term.toUpperCase()}`,
      })
    : undefined;
  if (search) conditions.push(search.where);
  return { where: and(...conditions), search };
}

/** How many clues the list shows for this filter and user, free text excepted (the workbench's count). */
export async function countClues(
  db: Executor,
  query: Omit<TClueFilter, 'q'>,
  user: SessionUser,
): Promise<number> {
  const [row] = await db.select({ value: count() }).from(clues).where(clueFilter(query, user).where);
  return Number(row?.value ?? 0);
}

/**
 * Clues the user reaches, filtered, one page at a time: newest first, or with free text the
 * substring matches first, then the near misses by similarity.
 */
export async function listClues(db: Executor, query: TClueQuery, user: SessionUser): Promise<TClueList> {
  const { where, search } = clueFilter(query, user);
  const newest = [desc(clues.receivedAt), desc(clues.id)];
  const order = search?.rank ? [desc(search.rank), ...newest] : newest;
  const { ids, total } = await withTextSearch(db, search, async (q) => {
    const page = q
      .select({ id: clues.id })
      .from(clues)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const counted = q.select({ value: count() }).from(clues).where(where);
    // In the similarity transaction the two run one after the other on its connection.
    const [rows, [total]] = search?.fuzzy ? [await page, await counted] : await Promise.all([page, counted]);
    return { ids: rows.map((r) => r.id), total: Number(total?.value ?? 0) };
  });
  return { total, items: await loadClues(db, ids) };
}
