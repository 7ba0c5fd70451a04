import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, count, desc, eq, gte, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { chinaDayAfter, chinaDayStart } from '../clues/list-clues.ts';
import { type TextSearch, textSearch, withTextSearch } from '../clues/list-text-search.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { loadCases } from './present-case.ts';
import { reachCondition } from './record-reach.ts';
import type { TCaseFilter, TCaseList, TCaseQuery } from './schema.ts';

const { cases } = schema;

/** The cases a user reaches that match a filter: the list and the export share it. */
export function caseFilter(
  query: TCaseFilter,
  user: SessionUser,
): { where: SQL | undefined; search: TextSearch | undefined } {
  const conditions: (SQL | undefined)[] = [reachCondition(user, cases), notSealedFor(user, cases.id)];
  if (query.departmentId) conditions.push(eq(cases.departmentId, query.departmentId));
  if (query.type) conditions.push(eq(cases.type, query.type));
  if (query.stage) conditions.push(eq(cases.stage, query.stage));
  if (query.handlerId) conditions.push(eq(cases.handlerId, query.handlerId));
  if (query.open) conditions.push(query.open === 'true' ? isNull(cases.closedAt) : isNotNull(cases.closedAt));
  if (query.from) conditions.push(gte(cases.openedAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(cases.openedAt, chinaDayAfter(query.to)));
  const search = query.q
    ? textSearch(query.q, {
        id: cases.id,
        table: cases,
        substring: [cases.title, cases.caseNumber],
        similar: [cases.title],
      })
    : undefined;
  if (search) conditions.push(search.where);
  return { where: and(...conditions), search };
}

/**
 * Cases the user reaches, filtered, one page at a time: newest first, or with free text the
 * substring matches first, then the near misses by similarity.
 */
export async function listCases(db: Executor, query: TCaseQuery, user: SessionUser): Promise<TCaseList> {
  const { where, search } = caseFilter(query, user);
  const newest = [desc(cases.openedAt), desc(cases.id)];
  const order = search?.rank ? [desc(search.rank), ...newest] : newest;
  const { ids, total } = await withTextSearch(db, search, async (q) => {
    const page = q
      .select({ id: cases.id })
      .from(cases)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const counted = q.select({ value: count() }).from(cases).where(where);
    // In the similarity transaction the two run one after the other on its connection.
    const [rows, [total]] = search?.fuzzy ? [await page, await counted] : await Promise.all([page, counted]);
    return { ids: rows.map((r) => r.id), total: Number(total?.value ?? 0) };
  });
  return { total, items: await loadCases(db, ids) };
}
