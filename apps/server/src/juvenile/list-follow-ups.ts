import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { notFound } from '../errors.ts';
import { loadFollowUps } from './present-follow-up.ts';
import type { TFollowUp } from './schema.ts';
import { notSealedFor } from './scope.ts';

const { juvenileFollowUps } = schema;

/**
 * The plans the user reaches (department or assigned; the chief and deputies all), those of a
 * sealed case only in the juvenile department and for the chief.
 */
export function listFollowUps(db: Executor, user: SessionUser): Promise<TFollowUp[]> {
  const sealed = user.role === 'chief' ? undefined : notSealedFor(user, juvenileFollowUps.caseId);
  return loadFollowUps(db, and(reachCondition(user, juvenileFollowUps), sealed), user);
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
