import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { approvalLevel } from '@procura/domain/approvals';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { approvers, caseLabel, notifyUsers } from '../notifications/recipients.ts';
import { approvalLink, suggestionAuthors } from './four-eyes.ts';
import { getSuggestion } from './get-suggestion.ts';
import { missingFieldsProblem, suggestionKinds } from './labels.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TSuggestion } from './schema.ts';

/**
 * 提请审批: a complete draft goes to the department head, or to the deputies and the chief when a
 * head wrote or submits it (four eyes); they are notified.
 */
export async function submitSuggestion(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['draft'], '提请审批');
    const problem = missingFieldsProblem(suggestion, '提请审批');
    if (problem) throw new DomainError('VALIDATION', problem);
    await tx
      .update(schema.suggestions)
      .set({ state: 'pendingApproval', updatedAt: now() })
      .where(eq(schema.suggestions.id, id));
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      user,
      note: `${suggestionKinds[suggestion.kind]}提请审批`,
      data: { suggestionId: id, step: 'submit' },
    });
    const authors = await suggestionAuthors(tx, suggestion);
    const kindLabel = suggestionKinds[suggestion.kind];
    await notifyUsers(
      tx,
      await approvers(tx, {
        departmentId: theCase.departmentId,
        level: approvalLevel(authors),
        authorIds: authors.map((a) => a.id),
      }),
      {
        actorId: user.id,
        kind: 'approvalRequested',
        text: `${user.displayName}提请审批${await caseLabel(tx, theCase.id)}的${kindLabel}（致${suggestion.addressee}），请审批`,
        link: approvalLink(theCase.id, id),
      },
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.submit',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
