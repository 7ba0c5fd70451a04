import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { stageLabel, type TCaseType } from '@procura/domain/cases/case-types';
import { suggestionStageMove } from '@procura/domain/cases/stage-machine';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';

/**
 * The case follows the work: issuing a 诉前检察建议 moves a 行政公益诉讼 case into 诉前程序 (and a
 * 检察建议 of a 行政违法行为监督 case into 检察建议), as the case type says. The move needs what any
 * way out of the current stage needs, so an issue the case is not ready for is refused, naming the
 * missing records, before a 文号 is taken. Runs inside the issue's transaction.
 */
export async function moveCaseOnIssue(
  tx: Executor,
  options: {
    theCase: { id: number; type: string; stage: string; caseNumber: string };
    suggestionKind: string;
    user: SessionUser;
    ip: string | null;
  },
): Promise<{ apply: (docNumber: string, at: Date) => Promise<void> }> {
  const { theCase, user } = options;
  const kinds = await tx
    .selectDistinct({ kind: schema.caseEvents.kind })
    .from(schema.caseEvents)
    .where(eq(schema.caseEvents.caseId, theCase.id));
  const type = theCase.type as TCaseType;
  const move = suggestionStageMove(
    type,
    theCase.stage,
    options.suggestionKind,
    kinds.map((k) => k.kind),
  );
  if (move?.message) throw new DomainError('VALIDATION', move.message, { missing: move.missing });
  return {
    apply: async (docNumber, at) => {
      if (!move) return;
      await tx
        .update(schema.cases)
        .set({ stage: move.to, updatedAt: at })
        .where(eq(schema.cases.id, theCase.id));
      await tx.insert(schema.caseEvents).values({
        caseId: theCase.id,
        kind: 'stageChanged',
        at,
        actorId: user.id,
        actorName: user.displayName,
        note: `${stageLabel(type, theCase.stage)} → ${move.label}：签发检察建议${docNumber}`,
        data: { from: theCase.stage, to: move.to, docNumber },
      });
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'case.transition',
        targetType: 'case',
        targetId: theCase.id,
        ip: options.ip,
        detail: { caseNumber: theCase.caseNumber, from: theCase.stage, to: move.to, docNumber },
      });
    },
  };
}
