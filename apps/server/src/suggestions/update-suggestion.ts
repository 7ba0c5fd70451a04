import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { getSuggestion } from './get-suggestion.ts';
import { expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TSuggestion, TUpdateSuggestionBody } from './schema.ts';

/** Edits a draft; once submitted the text is what the approver saw. */
export async function updateSuggestion(
  database: Database,
  options: { id: number; input: TUpdateSuggestionBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['draft'], '修改');
    await tx
      .update(schema.suggestions)
      .set({ ...input, updatedAt: now() })
      .where(eq(schema.suggestions.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.update',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { fields: Object.keys(input) },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
