import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { addDays } from '@procura/domain/deadlines/index';
import { and, between, eq, gte, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { countDeadlines, queryDeadlines, recordHandlerId } from './present-deadline.ts';
import type { TDeadline, TDeadlineList, TDeadlineQuery } from './schema.ts';

const { deadlines } = schema;

/**
 * The query's filters (within the user's reach, which `queryDeadlines` / `countDeadlines` add):
 * overdue and due-within-7-days as the engine's status counts them (unfinished, a due day set;
 * a paused deadline has none), on China's today.
 */
export function deadlineFilter(query: TDeadlineQuery, user: SessionUser): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.caseId) conditions.push(eq(deadlines.caseId, query.caseId));
  if (query.clueId) conditions.push(eq(deadlines.clueId, query.clueId));
  if (query.suggestionId) conditions.push(eq(deadlines.suggestionId, query.suggestionId));
  if (query.mine) conditions.push(eq(recordHandlerId, user.id));
  if (query.overdue || query.due) conditions.push(isNull(deadlines.completedOn), isNotNull(deadlines.dueOn));
  const day = today();
  if (query.overdue) conditions.push(lt(deadlines.dueOn, day));
  if (query.due) conditions.push(between(deadlines.dueOn, day, addDays(day, 7)));
  // The cockpit's 按期办结 / 逾期 (cockpit/metrics/deadlines.ts): the same conditions, so the list
  // holds exactly the deadlines the figure counts.
  if (query.dueFrom) conditions.push(gte(deadlines.dueOn, query.dueFrom));
  if (query.dueTo) conditions.push(lte(deadlines.dueOn, query.dueTo));
  if (query.timely === 'met')
    conditions.push(
      sql`${deadlines.completedOn} is not null and ${deadlines.completedOn} <= ${deadlines.dueOn}`,
    );
  if (query.timely === 'overdue')
    conditions.push(
      sql`(${deadlines.completedOn} > ${deadlines.dueOn} or (${deadlines.completedOn} is null and ${deadlines.dueOn} < ${day}))`,
    );
  if (query.departmentId)
    conditions.push(sql`coalesce(
      (select dc.department_id from cases dc
        where dc.id = coalesce(${deadlines.caseId}, (select dk.case_id from clues dk where dk.id = ${deadlines.clueId}))),
      (select dk.department_id from clues dk where dk.id = ${deadlines.clueId})) = ${query.departmentId}`);
  return conditions.length ? and(...conditions) : undefined;
}

/** The deadlines of one case, clue or suggestion (all the user reaches when none is named). */
export async function listDeadlines(
  db: Executor,
  query: TDeadlineQuery,
  user: SessionUser,
): Promise<TDeadlineList> {
  const where = deadlineFilter(query, user);
  if (!query.pageSize && !query.page) {
    const items = await queryDeadlines(db, user, where);
    return { items, total: items.length };
  }
  const pageSize = query.pageSize ?? 20;
  const page = { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize };
  return { items: await queryDeadlines(db, user, where, page), total: await countDeadlines(db, user, where) };
}

/** 我的期限: open deadlines of the cases and clues the user handles, due first. */
export async function listMyDeadlines(db: Executor, user: SessionUser): Promise<TDeadlineList> {
  const items = await queryDeadlines(
    db,
    user,
    and(eq(recordHandlerId, user.id), isNull(deadlines.completedOn)),
  );
  return { items, total: items.length };
}

export async function getDeadline(db: Executor, id: number, user: SessionUser): Promise<TDeadline | null> {
  const [found] = await queryDeadlines(db, user, eq(deadlines.id, id));
  return found ?? null;
}
