import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { entryEvidenceLock, entryEvidenceVisible } from '../assessment/evidence.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { clueVisible } from '../clues/get-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { suggestionStates, type TSuggestionState } from '../suggestions/labels.ts';

/** What an attachment belongs to: a clue's material, or the reply to a suggestion. */
export type TAttachmentOwner =
  | { clueId: number }
  | { suggestionId: number }
  | { patrolFindingId: number }
  | { cooperationAgreementId: number }
  | { assessmentEntryId: number };

/** The owner's column, audit target type and id. */
export function ownerKey(owner: TAttachmentOwner) {
  const { attachments } = schema;
  if ('clueId' in owner) return { column: attachments.clueId, targetType: 'clue', id: owner.clueId };
  if ('suggestionId' in owner)
    return { column: attachments.suggestionId, targetType: 'suggestion', id: owner.suggestionId };
  if ('patrolFindingId' in owner)
    return { column: attachments.patrolFindingId, targetType: 'patrolFinding', id: owner.patrolFindingId };
  if ('assessmentEntryId' in owner)
    return {
      column: attachments.assessmentEntryId,
      targetType: 'assessmentEntry',
      id: owner.assessmentEntryId,
    };
  return {
    column: attachments.cooperationAgreementId,
    targetType: 'cooperationAgreement',
    id: owner.cooperationAgreementId,
  };
}

/** What decides who reaches a 会签文件: its department and who registered it. */
const selectAgreementReach = (db: Executor, agreementId: number) =>
  db
    .select({
      departmentId: schema.cooperationAgreements.departmentId,
      handlerId: schema.cooperationAgreements.createdBy,
    })
    .from(schema.cooperationAgreements)
    .where(eq(schema.cooperationAgreements.id, agreementId));

/** A reply's files come with or after the reply, never before the suggestion was delivered. */
const replyStates: TSuggestionState[] = ['delivered', 'replied', 'closed'];

/** What decides who reaches a clue. */
const selectClueReach = (db: Executor, clueId: number) =>
  db
    .select({
      departmentId: schema.clues.departmentId,
      handlerId: schema.clues.handlerId,
      createdBy: schema.clues.createdBy,
      caseId: schema.clues.caseId,
    })
    .from(schema.clues)
    .where(eq(schema.clues.id, clueId));

/** What decides who reaches a patrol finding: its patrol's department. */
const selectFindingReach = (db: Executor, findingId: number) =>
  db
    .select({ departmentId: schema.patrols.departmentId })
    .from(schema.patrolFindings)
    .innerJoin(schema.patrols, eq(schema.patrols.id, schema.patrolFindings.patrolId))
    .where(eq(schema.patrolFindings.id, findingId));

/**
 * Locks the owner for the upload and checks the user reaches it; 404 when they do not, so a
 * user of another department never learns the record exists.
 */
export async function lockOwnerForUpload(tx: Executor, owner: TAttachmentOwner, user: SessionUser) {
  if ('assessmentEntryId' in owner) {
    await entryEvidenceLock(tx, owner.assessmentEntryId, user);
    return { purpose: 'evidence' as const, targetType: 'assessmentEntry', targetId: owner.assessmentEntryId };
  }
  if ('cooperationAgreementId' in owner) {
    const [agreement] = await selectAgreementReach(tx, owner.cooperationAgreementId).for('update');
    if (!agreement || !reaches(user, agreement)) throw notFound('会签文件');
    return {
      purpose: 'material' as const,
      targetType: 'cooperationAgreement',
      targetId: owner.cooperationAgreementId,
    };
  }
  if ('patrolFindingId' in owner) {
    const [finding] = await selectFindingReach(tx, owner.patrolFindingId).for('update', {
      of: schema.patrolFindings,
    });
    if (!finding || !reaches(user, { departmentId: finding.departmentId, handlerId: null }))
      throw notFound('巡查发现');
    return { purpose: 'screenshot' as const, targetType: 'patrolFinding', targetId: owner.patrolFindingId };
  }
  if ('clueId' in owner) {
    const [clue] = await selectClueReach(tx, owner.clueId).for('update');
    if (!clue || !clueVisible(user, clue) || (await sealedFrom(tx, user, clue.caseId)))
      throw notFound('线索');
    return { purpose: 'material' as const, targetType: 'clue', targetId: owner.clueId };
  }
  const [found] = await tx
    .select({ state: schema.suggestions.state, caseId: schema.suggestions.caseId, theCase: schema.cases })
    .from(schema.suggestions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.suggestions.caseId))
    .where(eq(schema.suggestions.id, owner.suggestionId))
    .for('update', { of: schema.suggestions });
  if (!found || !reaches(user, found.theCase) || (await sealedFrom(tx, user, found.caseId)))
    throw notFound('检察建议');
  if (!replyStates.includes(found.state)) {
    const label = suggestionStates[found.state] ?? found.state;
    throw new DomainError('CONFLICT', `检察建议当前为「${label}」，送达之后才能上传回复附件`);
  }
  return { purpose: 'reply' as const, targetType: 'suggestion', targetId: owner.suggestionId };
}

/** Whether the user may read the owner's files (same reach as reading the owner itself). */
export async function ownerVisible(
  db: Executor,
  owner: TAttachmentOwner,
  user: SessionUser,
): Promise<boolean> {
  if ('assessmentEntryId' in owner) return entryEvidenceVisible(db, owner.assessmentEntryId, user);
  if ('cooperationAgreementId' in owner) {
    const [agreement] = await selectAgreementReach(db, owner.cooperationAgreementId);
    return Boolean(agreement && reaches(user, agreement));
  }
  if ('patrolFindingId' in owner) {
    const [finding] = await selectFindingReach(db, owner.patrolFindingId);
    return Boolean(finding && reaches(user, { departmentId: finding.departmentId, handlerId: null }));
  }
  if ('clueId' in owner) {
    const [clue] = await selectClueReach(db, owner.clueId);
    return Boolean(clue && clueVisible(user, clue) && !(await sealedFrom(db, user, clue.caseId)));
  }
  const [row] = await db
    .select({
      caseId: schema.cases.id,
      departmentId: schema.cases.departmentId,
      handlerId: schema.cases.handlerId,
    })
    .from(schema.suggestions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.suggestions.caseId))
    .where(eq(schema.suggestions.id, owner.suggestionId));
  return Boolean(row && reaches(user, row) && !(await sealedFrom(db, user, row.caseId)));
}
