import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { recordReach } from '@procura/domain/policy';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import * as clock from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { clueLabel, notifyUsers, rolesOf } from '../notifications/recipients.ts';
import { presentTransfer, selectTransfers } from './present-clue.ts';
import type { TClueTransfer, TTransferFeedbackBody } from './schema.ts';

/**
 * The sender records the outside body's receipt (回执) and feedback (移送反馈). Transfers between
 * departments need none: their receipt is the receiver's first decision and their feedback is live.
 */
export async function recordTransferFeedback(
  database: Database,
  options: { id: number; input: TTransferFeedbackBody; user: SessionUser; ip: string | null },
): Promise<TClueTransfer> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const [transfer] = await tx
      .select()
      .from(schema.clueTransfers)
      .where(eq(schema.clueTransfers.id, id))
      .for('update');
    const reach = recordReach(user.role);
    const isSender = reach === 'all' || transfer?.fromDepartmentId === user.department?.id;
    if (!transfer || !isSender) throw notFound('移送记录');
    if (transfer.toDepartmentId) {
      throw new DomainError('CONFLICT', '移送本院其他部门的线索由接收部门处置，反馈自动生成，无需录入');
    }
    const now = clock.now();
    if (input.receivedAt && new Date(input.receivedAt) > now) {
      throw new DomainError('VALIDATION', '字段 receivedAt：签收时间不能晚于当前时间');
    }
    const changes = {
      ...(input.receivedAt ? { receivedAt: new Date(input.receivedAt) } : {}),
      ...(input.receivedBy ? { receivedBy: input.receivedBy } : {}),
      ...(input.feedback ? { feedback: input.feedback, feedbackAt: now, feedbackRecordedBy: user.id } : {}),
    };
    await tx.update(schema.clueTransfers).set(changes).where(eq(schema.clueTransfers.id, id));
    if (input.feedback) {
      // The outside body's answer goes to whoever holds and registered the clue (not the recorder).
      const [clue] = await tx.select().from(schema.clues).where(eq(schema.clues.id, transfer.clueId));
      // Not an outside organisation's account that sent the clue on the portal: its portal shows it.
      const registeredBy = (await rolesOf(tx, clue ? [clue.createdBy] : [])).find(
        (r) => r.role !== 'organisation',
      );
      await notifyUsers(tx, [clue?.handlerId, registeredBy?.id, transfer.transferredBy], {
        actorId: user.id,
        kind: 'transferFeedback',
        text: `${transfer.toOutsideBody ?? ''}对${await clueLabel(tx, transfer.clueId)}的移送作出反馈（${user.displayName}录入）：${input.feedback}`,
        link: `/clues/${transfer.clueId}`,
      });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.transferFeedback',
      targetType: 'clueTransfer',
      targetId: id,
      ip: options.ip,
      detail: { ...input },
    });
  });
  const [row] = await selectTransfers(database.db).where(eq(schema.clueTransfers.id, id));
  return presentTransfer(row!);
}
