import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { and, count, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { escapeLike } from '../audit/list-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { awaitingApprovalBy } from './awaiting-approval.ts';
import { loadSuggestions } from './present-suggestion.ts';
import type { TSuggestionList, TSuggestionQuery } from './schema.ts';

const { suggestions, cases } = schema;

/** The filter shared by the list and the export: the user's reach, then the query's fields. */
export function suggestionConditions(query: Omit<TSuggestionQuery, 'page' | 'pageSize'>, user: SessionUser) {
  const conditions: (SQL | undefined)[] = [reachCondition(user, cases), notSealedFor(user, cases.id)];
  if (query.departmentId) conditions.push(eq(cases.departmentId, query.departmentId));
  if (query.caseId) conditions.push(eq(suggestions.caseId, query.caseId));
  if (query.kind) conditions.push(eq(suggestions.kind, query.kind));
  if (query.state) conditions.push(eq(suggestions.state, query.state));
  if (query.awaiting) conditions.push(awaitingApprovalBy(user));
  if (query.from) conditions.push(gte(suggestions.createdAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(suggestions.createdAt, chinaDayAfter(query.to)));
  if (query.issuedFrom) conditions.push(gte(suggestions.issuedAt, chinaDayStart(query.issuedFrom)));
  if (query.issuedTo) conditions.push(lt(suggestions.issuedAt, chinaDayAfter(query.issuedTo)));
  if (query.repliedFrom) conditions.push(gte(suggestions.replyOn, query.repliedFrom));
  if (query.repliedTo) conditions.push(lte(suggestions.replyOn, query.repliedTo));
  if (query.rectified)
    conditions.push(inArray(suggestions.rectification, ['fullyRectified', 'partlyRectified']));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(suggestions.addressee, pattern),
        ilike(suggestions.docNumber, pattern),
        ilike(suggestions.facts, pattern),
        ilike(cases.caseNumber, pattern),
        ilike(cases.title, pattern),
      ),
    );
  }
  return and(...conditions);
}

/** How many suggestions the list shows for this query and user (the workbench's count). */
export async function countSuggestions(
  db: Executor,
  query: Omit<TSuggestionQuery, 'page' | 'pageSize'>,
  user: SessionUser,
): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(suggestions)
    .innerJoin(cases, eq(cases.id, suggestions.caseId))
    .where(suggestionConditions(query, user));
  return Number(row?.value ?? 0);
}

/** 检察建议列表: the ones on cases the user reaches, filtered, newest first, one page at a time. */
export async function listSuggestions(
  db: Executor,
  query: TSuggestionQuery,
  user: SessionUser,
): Promise<TSuggestionList> {
  const where = suggestionConditions(query, user);
  const [rows, total] = await Promise.all([
    db
      .select({ id: suggestions.id })
      .from(suggestions)
      .innerJoin(cases, eq(cases.id, suggestions.caseId))
      .where(where)
      .orderBy(desc(suggestions.createdAt), desc(suggestions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countSuggestions(db, query, user),
  ]);
  return {
    total,
    items: await loadSuggestions(
      db,
      rows.map((r) => r.id),
    ),
  };
}
