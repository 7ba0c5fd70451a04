import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { addDays } from '@procura/domain/deadlines/index';
import { and, count, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { today } from '../clock.ts';
import { notFound } from '../errors.ts';
import { loadFollowUps } from './present-follow-up.ts';
import type { TFollowUp, TFollowUpQuery } from './schema.ts';
import { notSealedFor } from './scope.ts';

const { juvenileFollowUps, juvenileFollowUpVisits } = schema;

/**
 * The plans the user reaches (department or assigned; the chief and deputies all), those of a
 * sealed case only in the juvenile department and for the chief; with `due: '7d'` only open plans
 * with a visit not yet made that is due by seven days from today (China), overdue ones included.
 */
function followUpFilter(query: TFollowUpQuery, user: SessionUser): SQL | undefined {
  const sealed = user.role === 'chief' ? undefined : notSealedFor(user, juvenileFollowUps.caseId);
  const due = query.due
    ? and(
        isNull(juvenileFollowUps.closedAt),
        sql`exists (select 1 from ${juvenileFollowUpVisits} where ${juvenileFollowUpVisits.followUpId} = ${juvenileFollowUps.id} and ${juvenileFollowUpVisits.doneOn} is null and ${juvenileFollowUpVisits.dueOn} <= ${addDays(today(), 7)})`,
      )
    : undefined;
  const mine = query.mine ? eq(juvenileFollowUps.handlerId, user.id) : undefined;
  // As cockpit/metrics/juvenile.ts counts 帮教后复学就业.
  const cockpit = and(
    query.closedFrom ? gte(juvenileFollowUps.closedAt, chinaDayStart(query.closedFrom)) : undefined,
    query.closedTo ? lt(juvenileFollowUps.closedAt, chinaDayAfter(query.closedTo)) : undefined,
    query.returned ? inArray(juvenileFollowUps.outcome, ['backToSchool', 'employed']) : undefined,
    query.departmentId ? eq(juvenileFollowUps.departmentId, query.departmentId) : undefined,
  );
  return and(reachCondition(user, juvenileFollowUps), sealed, mine, due, cockpit);
}

export function listFollowUps(
  db: Executor,
  user: SessionUser,
  query: TFollowUpQuery = {},
): Promise<TFollowUp[]> {
  return loadFollowUps(db, followUpFilter(query, user), user);
}

/** How many plans the list shows for this query and user (the workbench's count). */
export async function countFollowUps(
  db: Executor,
  user: SessionUser,
  query: TFollowUpQuery,
): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(juvenileFollowUps)
    .where(followUpFilter(query, user));
  return Number(row?.value ?? 0);
}

export async function getFollowUp(db: Executor, id: number, user: SessionUser): Promise<TFollowUp> {
  const [plan] = await loadFollowUps(
    db,
    and(eq(juvenileFollowUps.id, id), reachCondition(user, juvenileFollowUps)),
    user,
  );
  if (!plan) throw notFound('帮教计划');
  return plan;
}

/** The plan row locked for a change; 404 out of reach. */
export async function lockFollowUp(tx: Executor, id: number, user: SessionUser) {
  const [row] = await tx
    .select()
    .from(juvenileFollowUps)
    .where(and(eq(juvenileFollowUps.id, id), reachCondition(user, juvenileFollowUps)))
    .for('update');
  if (!row) throw notFound('帮教计划');
  return row;
}
