import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { reaches } from './record-reach.ts';

/** The case row locked for this transaction; 404 when missing or out of the user's reach. */
export async function lockCase(tx: Executor, id: number, user: SessionUser) {
  const [row] = await tx.select().from(schema.cases).where(eq(schema.cases.id, id)).for('update');
  if (!row || !reaches(user, row) || (await sealedFrom(tx, user, id))) throw notFound('案件');
  return row;
}
