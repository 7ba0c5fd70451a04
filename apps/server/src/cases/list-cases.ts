import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, count, desc, eq, gte, ilike, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { escapeLike } from '../audit/list-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { chinaDayAfter, chinaDayStart } from '../clues/list-clues.ts';
import { loadCases } from './present-case.ts';
import { reachCondition } from './record-reach.ts';
import type { TCaseList, TCaseQuery } from './schema.ts';

const { cases } = schema;

/** Cases the user reaches, filtered, newest first, one page at a time. */
export async function listCases(db: Executor, query: TCaseQuery, user: SessionUser): Promise<TCaseList> {
  const conditions: (SQL | undefined)[] = [reachCondition(user, cases)];
  if (query.departmentId) conditions.push(eq(cases.departmentId, query.departmentId));
  if (query.type) conditions.push(eq(cases.type, query.type));
  if (query.stage) conditions.push(eq(cases.stage, query.stage));
  if (query.handlerId) conditions.push(eq(cases.handlerId, query.handlerId));
  if (query.open) conditions.push(query.open === 'true' ? isNull(cases.closedAt) : isNotNull(cases.closedAt));
  if (query.from) conditions.push(gte(cases.openedAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(cases.openedAt, chinaDayAfter(query.to)));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(cases.title, pattern), ilike(cases.caseNumber, pattern)));
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: cases.id })
      .from(cases)
      .where(where)
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(cases).where(where),
  ]);
  return {
    total: Number(total?.value ?? 0),
    items: await loadCases(
      db,
      rows.map((r) => r.id),
    ),
  };
}
