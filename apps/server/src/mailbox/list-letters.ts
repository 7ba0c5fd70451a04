import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { and, count, desc, eq, gte, isNotNull, lt, ne, or } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachesJuvenile } from './juvenile-reach.ts';
import { loadLetters } from './present-letter.ts';
import type { TLetterList, TLetterQuery } from './schema.ts';

const { mailboxLetters } = schema;

/** The query's filters (what the list and its count share). */
function letterFilter(query: Omit<TLetterQuery, 'page' | 'pageSize'>) {
  return and(
    query.schoolId ? eq(mailboxLetters.schoolId, query.schoolId) : undefined,
    query.status ? eq(mailboxLetters.status, query.status) : undefined,
    query.awaiting ? ne(mailboxLetters.status, 'answered') : undefined,
    query.topic ? eq(mailboxLetters.topic, query.topic) : undefined,
    query.urgent ? eq(mailboxLetters.urgent, query.urgent === 'true') : undefined,
    query.suspected ? eq(mailboxLetters.suspected, query.suspected === 'true') : undefined,
    query.from ? gte(mailboxLetters.createdAt, chinaDayStart(query.from)) : undefined,
    query.to ? lt(mailboxLetters.createdAt, chinaDayAfter(query.to)) : undefined,
    // As cockpit/metrics/juvenile.ts counts letters: a suspected flood counts once released.
    query.counted ? or(eq(mailboxLetters.suspected, false), isNotNull(mailboxLetters.releasedAt)) : undefined,
  );
}

/** How many letters the list shows for this query and user (the workbench's count). */
export async function countLetters(
  db: Executor,
  query: Omit<TLetterQuery, 'page' | 'pageSize'>,
  user: SessionUser,
): Promise<number> {
  if (!(await reachesJuvenile(db, user))) return 0;
  const [row] = await db.select({ n: count() }).from(mailboxLetters).where(letterFilter(query));
  return Number(row?.n ?? 0);
}

/** Urgent unanswered letters first, then newest first. */
export async function listLetters(
  db: Executor,
  query: TLetterQuery,
  user: SessionUser,
): Promise<TLetterList> {
  if (!(await reachesJuvenile(db, user))) return { items: [], total: 0, unread: 0 };
  const where = letterFilter(query);
  const [page, [total], [unread]] = await Promise.all([
    db
      .select({ id: mailboxLetters.id })
      .from(mailboxLetters)
      .where(where)
      .orderBy(desc(mailboxLetters.urgent), desc(mailboxLetters.createdAt), desc(mailboxLetters.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(mailboxLetters).where(where),
    // Unread letters a student wrote: a flood's suspected letters do not inflate the badge.
    db
      .select({ n: count() })
      .from(mailboxLetters)
      .where(and(eq(mailboxLetters.status, 'new'), eq(mailboxLetters.suspected, false))),
  ]);
  return {
    items: await loadLetters(
      db,
      page.map((r) => r.id),
    ),
    total: Number(total?.n ?? 0),
    unread: Number(unread?.n ?? 0),
  };
}
