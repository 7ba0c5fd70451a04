import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { forbidden } from '../errors.ts';
import { getSuggestion } from './get-suggestion.ts';
import { suggestionKinds, type TSuggestionKind } from './labels.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TApproveBody, TSuggestion } from './schema.ts';

/** 审批: the head of the case's department, or the chief or a deputy. */
export async function approveSuggestion(
  database: Database,
  options: { id: number; input: TApproveBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    const isLeader = user.role === 'chief' || user.role === 'deputyChief';
    const isOwnHead = user.role === 'departmentHead' && user.department?.id === theCase.departmentId;
    if (!isLeader && !isOwnHead)
      throw forbidden('只有本案所在部门的负责人或检察长、副检察长可以审批检察建议');
    expectState(suggestion.state, ['pendingApproval'], '审批');
    const at = new Date();
    const approvals = [
      ...suggestion.approvals,
      { userId: user.id, name: user.displayName, at: at.toISOString(), note: input.note ?? null },
    ];
    await tx
      .update(schema.suggestions)
      .set({ state: 'approved', approvals, updatedAt: at })
      .where(eq(schema.suggestions.id, id));
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      at,
      user,
      note: `${suggestionKinds[suggestion.kind as TSuggestionKind]}经${user.roleLabel}${user.displayName}审批同意${input.note ? `：${input.note}` : ''}`,
      data: { suggestionId: id, step: 'approve' },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.approve',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, note: input.note ?? null },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
