import type { Database } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { archiveSuggestionDocument } from './archive-suggestion-document.ts';
import { getSuggestion } from './get-suggestion.ts';
import { appendCaseEvent, lockSuggestion } from './lock-suggestion.ts';
import type { TSuggestion } from './schema.ts';

/**
 * Prints the 检察建议书 again (before issue: a 未签发稿 for review) and archives it on the case;
 * refuses naming any empty required field.
 */
export async function generateSuggestionDocument(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion } = await lockSuggestion(tx, id, user);
    const documentId = await archiveSuggestionDocument(tx, { suggestion, user });
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      user,
      note: `生成检察建议书${suggestion.docNumber ?? '（未签发稿）'}`,
      data: { suggestionId: id, step: 'document', documentId },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.generateDocument',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, documentId, docNumber: suggestion.docNumber },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
