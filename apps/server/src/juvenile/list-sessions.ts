import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { DomainError } from '../errors.ts';
import { presentSessions, selectSessions } from './present-session.ts';
import type { TSession } from './schema.ts';
import { notSealedFor } from './scope.ts';

/**
 * The centre's calendar between two days: bookings of the cases the user reaches (sealed ones
 * only for the juvenile department and the chief), names always masked.
 */
export async function listSessions(
  db: Executor,
  query: { from: string; to: string },
  user: SessionUser,
): Promise<TSession[]> {
  if (query.to < query.from) throw new DomainError('VALIDATION', '字段 to：结束日期不能早于开始日期');
  const conditions: (SQL | undefined)[] = [
    gte(schema.juvenileSessions.startsAt, chinaDayStart(query.from)),
    lt(schema.juvenileSessions.startsAt, chinaDayAfter(query.to)),
    eq(schema.juvenileSessions.cancelled, false),
    reachCondition(user, schema.cases),
    user.role === 'chief' ? undefined : notSealedFor(user, schema.cases.id),
  ];
  return presentSessions(await selectSessions(db, and(...conditions)), { full: false });
}
