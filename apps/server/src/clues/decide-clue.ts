import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { clueStatuses, isOpenClue } from '@procura/domain/cases/clue-sources';
import { can } from '@procura/domain/policy';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { openCaseInTransaction } from '../cases/open-case.ts';
import { reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { notifyPortalSender } from '../portal-clues/notify-sender.ts';
import { getClue } from './get-clue.ts';
import type { TClueDetail, TDecideClueBody } from './schema.ts';
import { tellClueOutcome } from './tell-clue-outcome.ts';
import { transferClue } from './transfer-clue.ts';

/** The one decision on an assessed clue: open a case (立案), decline with a reason, or transfer. */
export async function decideClue(
  database: Database,
  options: { id: number; input: TDecideClueBody; user: SessionUser; ip: string | null },
): Promise<TClueDetail> {
  const { id, input, user, ip } = options;
  if (input.decision === 'open' && !can(user.role, 'case.create')) throw forbidden('无权立案');
  if (input.decision === 'transfer' && !can(user.role, 'clue.transfer')) throw forbidden('无权移送线索');
  await database.db.transaction(async (tx) => {
    const [clue] = await tx.select().from(schema.clues).where(eq(schema.clues.id, id)).for('update');
    if (!clue || !reaches(user, clue)) throw notFound('线索');
    if (!isOpenClue(clue.status)) {
      throw new DomainError('CONFLICT', `线索${clueStatuses[clue.status]}，不能再处置`);
    }
    if (input.decision === 'transfer') {
      await transferClue(tx, { clue, transfer: input.transfer, user, ip });
    } else if (input.decision === 'decline') {
      await tx
        .update(schema.clues)
        .set({
          status: 'declined',
          declineReason: input.reason,
          decidedAt: now(),
          decidedBy: user.id,
          updatedAt: now(),
        })
        .where(eq(schema.clues.id, id));
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'clue.decline',
        targetType: 'clue',
        targetId: id,
        ip,
        detail: { reason: input.reason },
      });
      await tellClueOutcome(tx, { clue, user, caseId: null, reason: input.reason });
    } else {
      const caseId = await openCaseInTransaction(tx, {
        input: {
          type: input.caseType,
          phase: input.phase,
          title: input.title ?? clue.title,
          departmentId: clue.departmentId,
          handlerId: input.handlerId ?? clue.handlerId ?? undefined,
          clueId: id,
          // The clue's 公益诉讼领域 goes with it to the case unless the decision names another.
          pilField: input.pilField ?? clue.pilField,
        },
        user,
        ip,
      });
      await tx
        .update(schema.clues)
        .set({ status: 'opened', caseId, decidedAt: now(), decidedBy: user.id, updatedAt: now() })
        .where(eq(schema.clues.id, id));
      await tellClueOutcome(tx, { clue, user, caseId });
    }
    await markReceived(tx, { clueId: id, user, ip });
    await notifyPortalSender(tx, { clueId: id, actorId: user.id });
  });
  return (await getClue(database.db, id, user))!;
}

/** The receiving department acting on a transferred clue is its receipt (签收), if none was recorded. */
async function markReceived(tx: Executor, options: { clueId: number; user: SessionUser; ip: string | null }) {
  const { clueTransfers } = schema;
  const received = await tx
    .update(clueTransfers)
    .set({ receivedAt: now(), receivedBy: options.user.displayName })
    .where(and(eq(clueTransfers.receivedClueId, options.clueId), isNull(clueTransfers.receivedAt)))
    .returning({ id: clueTransfers.id });
  for (const { id } of received) {
    await recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'clue.receive',
      targetType: 'clueTransfer',
      targetId: id,
      ip: options.ip,
      detail: { receivedClueId: options.clueId },
    });
  }
}
