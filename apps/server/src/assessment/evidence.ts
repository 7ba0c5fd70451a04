import { type Executor, schema } from '@procura/db';
import { frozenReason } from '@procura/domain/assessment/schemes';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { reachesPerson } from './scope.ts';

const { assessmentEntries: entries, assessmentPeriods: periods } = schema;

/**
 * Evidence is added to an entry in reach while it waits for its decision, in an open period;
 * 404 for an entry out of reach, like a missing one.
 */
export async function entryEvidenceLock(tx: Executor, entryId: number, user: SessionUser): Promise<void> {
  const [row] = await tx
    .select({ entry: entries, period: periods })
    .from(entries)
    .innerJoin(periods, eq(periods.id, entries.periodId))
    .where(eq(entries.id, entryId))
    .for('update', { of: entries });
  if (!row || !reachesPerson(user, row.entry)) throw notFound('考核条目');
  const frozen = frozenReason(row.period);
  if (frozen) throw new DomainError('CONFLICT', frozen);
  if (!['proposed', 'submitted', 'reviewed'].includes(row.entry.status))
    throw new DomainError('CONFLICT', '该条目已有审批结果，不能再补充证明材料');
}

export async function entryEvidenceVisible(
  db: Executor,
  entryId: number,
  user: SessionUser,
): Promise<boolean> {
  const [entry] = await db
    .select({ userId: entries.userId, departmentId: entries.departmentId })
    .from(entries)
    .where(eq(entries.id, entryId));
  return Boolean(entry && reachesPerson(user, entry));
}
