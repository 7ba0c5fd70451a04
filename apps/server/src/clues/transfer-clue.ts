import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { sourceOnReceipt } from '@procura/domain/cases/clue-sources';
import { pilFieldMissing } from '@procura/domain/public-interest-fields';
import { eq, sql } from 'drizzle-orm';
import { copyCriminalOrigin } from '../admin-violation/origin.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadDepartment } from '../cases/assignment.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { activeUsers, clueLabel, notifyUsers } from '../notifications/recipients.ts';
import { insertClue } from './register-clue.ts';
import type { TTransferInput } from './schema.ts';
import { startClueAssessment } from './start-clue-assessment.ts';

type ClueRow = typeof schema.clues.$inferSelect;

/**
 * 线索移送, inside decideClue's transaction. To a department: the clue becomes a new pending clue
 * there (刑检移送 when the criminal line sends it) with the same parties and material. To an outside body: the
 * receipt and feedback are recorded later by the sender. The receiving department's heads are
 * told (the chief and deputies when it has none).
 */
export async function transferClue(
  tx: Executor,
  options: { clue: ClueRow; transfer: TTransferInput; user: SessionUser; ip: string | null },
): Promise<number> {
  const { clue, transfer, user } = options;
  const from = await loadDepartment(tx, clue.departmentId);
  let receivedClueId: number | null = null;
  if (transfer.toDepartmentId) {
    if (transfer.toDepartmentId === clue.departmentId) {
      throw new DomainError('VALIDATION', `线索已在${from.name}，不能移送给本部门`);
    }
    const to = await loadDepartment(tx, transfer.toDepartmentId);
    // A clue received by a public-interest department is counted by field from the start (刑检→公益诉讼
    // names one; a public-interest clue keeps its own unless the transfer names another).
    const pilField = to.line === 'publicInterest' ? (transfer.pilField ?? clue.pilField) : null;
    if (to.line === 'publicInterest' && !pilField) {
      throw new DomainError('VALIDATION', pilFieldMissing(`移送至${to.name}的线索`));
    }
    if (transfer.pilField && to.line !== 'publicInterest') {
      throw new DomainError('VALIDATION', `只有公益诉讼部门的线索填写公益诉讼领域，${to.name}不是`);
    }
    const parties = await tx
      .select({
        kind: schema.clueParties.kind,
        name: schema.clueParties.name,
        idNumber: schema.clueParties.idNumber,
      })
      .from(schema.clueParties)
      .where(eq(schema.clueParties.clueId, clue.id));
    receivedClueId = await insertClue(tx, {
      source: sourceOnReceipt(from.line, clue.source),
      title: clue.title,
      description: clue.description,
      pilField,
      departmentId: transfer.toDepartmentId,
      handlerId: null,
      assessmentDueOn: null,
      createdBy: user.id,
      parties: parties.map((p) => ({ ...p, kind: p.kind as 'person' | 'organisation' })),
    });
    // The criminal case the clue came out of travels with it (行政违法行为监督).
    await copyCriminalOrigin(tx, clue.id, receivedClueId);
    await startClueAssessment(tx, {
      clueId: receivedClueId,
      departmentId: transfer.toDepartmentId,
      actor: actorOf(user),
      ip: options.ip,
    });
    // The material travels with the clue: the receiving department cannot read the sender's clue.
    await tx.execute(sql`
      insert into attachments (clue_id, purpose, file_name, kind, mime, size, sha256, content, uploaded_by, uploaded_at)
      select ${receivedClueId}, purpose, file_name, kind, mime, size, sha256, content, uploaded_by, uploaded_at
      from attachments where clue_id = ${clue.id} order by id`);
    const heads = await activeUsers(tx, ['departmentHead'], to.id);
    const told = heads.length > 0 ? heads : await activeUsers(tx, ['chief', 'deputyChief'], null);
    await notifyUsers(
      tx,
      told.map((u) => u.id),
      {
        actorId: user.id,
        kind: 'clueTransferred',
        text: `${from.name}${user.displayName}移送${await clueLabel(tx, receivedClueId)}至${to.name}，请处置：${transfer.reason}`,
        link: `/clues/${receivedClueId}`,
      },
    );
  }
  const [created] = await tx
    .insert(schema.clueTransfers)
    .values({
      clueId: clue.id,
      fromDepartmentId: clue.departmentId,
      toDepartmentId: transfer.toDepartmentId ?? null,
      toOutsideBody: transfer.toOutsideBody ?? null,
      receivedClueId,
      reason: transfer.reason,
      transferredAt: now(),
      transferredBy: user.id,
    })
    .returning({ id: schema.clueTransfers.id });
  await tx
    .update(schema.clues)
    .set({ status: 'transferred', decidedAt: now(), decidedBy: user.id, updatedAt: now() })
    .where(eq(schema.clues.id, clue.id));
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'clue.transfer',
    targetType: 'clue',
    targetId: clue.id,
    ip: options.ip,
    detail: {
      transferId: created!.id,
      toDepartmentId: transfer.toDepartmentId ?? null,
      toOutsideBody: transfer.toOutsideBody ?? null,
      receivedClueId,
      reason: transfer.reason,
    },
  });
  return created!.id;
}
