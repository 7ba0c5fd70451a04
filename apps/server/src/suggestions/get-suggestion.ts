import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { loadSuggestions } from './present-suggestion.ts';
import type { TSuggestion } from './schema.ts';

/** One suggestion; null when missing or out of the user's reach. */
export async function getSuggestion(
  db: Executor,
  id: number,
  user: SessionUser,
): Promise<TSuggestion | null> {
  const [row] = await db
    .select({
      caseId: schema.cases.id,
      departmentId: schema.cases.departmentId,
      handlerId: schema.cases.handlerId,
    })
    .from(schema.suggestions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.suggestions.caseId))
    .where(eq(schema.suggestions.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, row.caseId))) return null;
  const [suggestion] = await loadSuggestions(db, [id]);
  return suggestion ?? null;
}
