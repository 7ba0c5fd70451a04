import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { queryDeadlines, recordHandlerId } from './present-deadline.ts';
import type { TDeadline, TDeadlineList, TDeadlineQuery } from './schema.ts';

const { deadlines } = schema;

/** The deadlines of one case, clue or suggestion (all the user reaches when none is named). */
export async function listDeadlines(
  db: Executor,
  query: TDeadlineQuery,
  user: SessionUser,
): Promise<TDeadlineList> {
  const conditions: SQL[] = [];
  if (query.caseId) conditions.push(eq(deadlines.caseId, query.caseId));
  if (query.clueId) conditions.push(eq(deadlines.clueId, query.clueId));
  if (query.suggestionId) conditions.push(eq(deadlines.suggestionId, query.suggestionId));
  return { items: await queryDeadlines(db, user, conditions.length ? and(...conditions) : undefined) };
}

/** 我的期限: open deadlines of the cases and clues the user handles, due first. */
export async function listMyDeadlines(db: Executor, user: SessionUser): Promise<TDeadlineList> {
  return {
    items: await queryDeadlines(db, user, and(eq(recordHandlerId, user.id), isNull(deadlines.completedOn))),
  };
}

export async function getDeadline(db: Executor, id: number, user: SessionUser): Promise<TDeadline | null> {
  const [found] = await queryDeadlines(db, user, eq(deadlines.id, id));
  return found ?? null;
}
