import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { eq } from 'drizzle-orm';
import { proposeFromRecord } from '../assessment/proposals.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { forbidden } from '../errors.ts';
import { caseLabel, notifyUsers } from '../notifications/recipients.ts';
import { assertFourEyes, settleApprovalRequests, suggestionAuthors } from './four-eyes.ts';
import { getSuggestion } from './get-suggestion.ts';
import { suggestionKinds } from './labels.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TApproveBody, TReturnBody, TSuggestion } from './schema.ts';

/**
 * Locks a suggestion awaiting approval for its approver: the case department's head, the chief or
 * a deputy; never its drafter or submitter, and for a head's draft a deputy or the chief (four eyes).
 */
async function lockForApproval(tx: Executor, id: number, user: SessionUser, doing: string) {
  const found = await lockSuggestion(tx, id, user);
  const isLeader = user.role === 'chief' || user.role === 'deputyChief';
  const isOwnHead = user.role === 'departmentHead' && user.department?.id === found.theCase.departmentId;
  if (!isLeader && !isOwnHead) throw forbidden('只有本案所在部门的负责人或检察长、副检察长可以审批检察建议');
  expectState(found.suggestion.state, ['pendingApproval'], doing);
  await assertFourEyes(tx, found.suggestion, user);
  await settleApprovalRequests(tx, found.suggestion.caseId, id);
  return found;
}

/** Appends the decision to the approval history and moves the suggestion to its next state. */
async function recordDecision(
  tx: Executor,
  options: {
    suggestion: { id: number; approvals: Record<string, unknown>[] };
    user: SessionUser;
    decision: 'approved' | 'returned';
    note: string | null;
    state: 'approved' | 'draft';
  },
): Promise<Date> {
  const { suggestion, user } = options;
  const at = now();
  const entry = { userId: user.id, name: user.displayName, at: at.toISOString(), note: options.note };
  await tx
    .update(schema.suggestions)
    .set({
      state: options.state,
      approvals: [...suggestion.approvals, { ...entry, decision: options.decision }],
      updatedAt: at,
    })
    .where(eq(schema.suggestions.id, suggestion.id));
  return at;
}

/** 审批: the head of the case's department, or the chief or a deputy. */
export async function approveSuggestion(
  database: Database,
  options: { id: number; input: TApproveBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockForApproval(tx, id, user, '审批');
    const at = await recordDecision(tx, {
      suggestion,
      user,
      decision: 'approved',
      note: input.note ?? null,
      state: 'approved',
    });
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      at,
      user,
      note: `${suggestionKinds[suggestion.kind]}经${user.roleLabel}${user.displayName}审批同意${input.note ? `：${input.note}` : ''}`,
      data: { suggestionId: id, step: 'approve' },
    });
    // The drafter, the submitter and the case handler go on with it (签发); one message each.
    const authors = await suggestionAuthors(tx, suggestion);
    await notifyUsers(tx, [...authors.map((a) => a.id), theCase.handlerId], {
      actorId: user.id,
      kind: 'suggestionApproved',
      text: `${user.displayName}批准了${await caseLabel(tx, theCase.id)}的${suggestionKinds[suggestion.kind]}（致${suggestion.addressee}）${input.note ? `：${input.note}` : ''}，可以签发`,
      link: `/cases/${suggestion.caseId}`,
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

/**
 * 退回修改: the approver sends the draft back with the reason; the handler is told, edits it and
 * submits again. The return stays in the approval history.
 */
export async function returnSuggestion(
  database: Database,
  options: { id: number; input: TReturnBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockForApproval(tx, id, user, '退回');
    const at = await recordDecision(tx, {
      suggestion,
      user,
      decision: 'returned',
      note: input.reason,
      state: 'draft',
    });
    const kindLabel = suggestionKinds[suggestion.kind];
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      at,
      user,
      note: `${kindLabel}被${user.roleLabel}${user.displayName}退回修改：${input.reason}`,
      data: { suggestionId: id, step: 'return' },
    });
    // The drafter, the submitter and the case handler all need to know; one message each.
    const authors = await suggestionAuthors(tx, suggestion);
    await notifyUsers(tx, [...authors.map((a) => a.id), theCase.handlerId], {
      actorId: user.id,
      kind: 'suggestionReturned',
      text: `${user.displayName}退回了${await caseLabel(tx, theCase.id)}的${kindLabel}（致${suggestion.addressee}）：${input.reason}`,
      link: `/cases/${suggestion.caseId}`,
    });
    // 负面清单: a return proposes the drafter's entry (when the open scheme has such a rule).
    await proposeFromRecord(tx, {
      trigger: 'suggestionReturned',
      userId: suggestion.createdBy,
      occurredOn: chinaDate(at),
      title: `${kindLabel}（检察建议 #${id}）审批被退回：${input.reason}`.slice(0, 200),
      recordType: 'case',
      recordId: suggestion.caseId,
      sourceKey: `suggestion:${id}:returned:${at.toISOString()}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.return',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, reason: input.reason },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
