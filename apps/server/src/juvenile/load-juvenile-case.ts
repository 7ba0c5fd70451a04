import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { DomainError, notFound } from '../errors.ts';
import { isSealed, maySeeSealed } from './scope.ts';

export const juvenileCaseTypes = ['juvenileVictim', 'juvenileSuspect'] as const;
export type TJuvenileCaseType = (typeof juvenileCaseTypes)[number];

/**
 * A juvenile case the user reaches, locked when asked (for writes). A sealed case is reached only
 * by the juvenile department and the chief; to anyone else it does not exist.
 */
export async function loadJuvenileCase(
  db: Executor,
  id: number,
  user: SessionUser,
  options: { lock?: boolean } = {},
) {
  const query = db.select().from(schema.cases).where(eq(schema.cases.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !reaches(user, row)) throw notFound('案件');
  if (!(juvenileCaseTypes as readonly string[]).includes(row.type)) {
    throw new DomainError('VALIDATION', `案件${row.caseNumber}不是未成年人检察案件`);
  }
  const sealed = await isSealed(db, id);
  if (sealed && !(await maySeeSealed(db, user))) throw notFound('案件');
  return { row: { ...row, type: row.type as TJuvenileCaseType }, sealed };
}

/** Writes are refused on a closed case, as elsewhere. */
export function assertOpen(row: { closedAt: Date | null; caseNumber: string }): void {
  if (row.closedAt) throw new DomainError('CONFLICT', `案件${row.caseNumber}已办结，不能再记录`);
}

export async function loadMinor(db: Executor, caseId: number, minorId: number) {
  const [minor] = await db.select().from(schema.juvenileMinors).where(eq(schema.juvenileMinors.id, minorId));
  if (!minor || minor.caseId !== caseId)
    throw new DomainError('VALIDATION', `未成年人 ${minorId} 不在本案中`);
  return minor;
}
