import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { isFinalStage, stageLabel } from '@procura/domain/cases/case-types';
import { checkTransition } from '@procura/domain/cases/stage-machine';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import * as clock from '../clock.ts';
import { DomainError } from '../errors.ts';
import { notifyPortalSendersOfCase } from '../portal-clues/notify-sender.ts';
import { getCase } from './get-case.ts';
import { lockCase } from './lock-case.ts';
import type { TCaseDetail, TTransitionBody } from './schema.ts';

/** Moves a case to another stage if its type allows it and the required records exist. */
export async function transitionCase(
  database: Database,
  options: { id: number; input: TTransitionBody; user: SessionUser; ip: string | null },
): Promise<TCaseDetail> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const row = await lockCase(tx, id, user);
    const type = row.type;
    const kinds = await tx
      .selectDistinct({ kind: schema.caseEvents.kind })
      .from(schema.caseEvents)
      .where(eq(schema.caseEvents.caseId, id));
    const check = checkTransition(
      type,
      row.stage,
      input.to,
      kinds.map((k) => k.kind),
    );
    if (!check.ok) throw new DomainError('VALIDATION', check.message, { missing: check.missing });
    const now = clock.now();
    const final = isFinalStage(type, input.to);
    await tx
      .update(schema.cases)
      .set({ stage: input.to, updatedAt: now, ...(final ? { closedAt: now } : {}) })
      .where(eq(schema.cases.id, id));
    const from = stageLabel(type, row.stage);
    const to = stageLabel(type, input.to);
    await tx.insert(schema.caseEvents).values({
      caseId: id,
      kind: 'stageChanged',
      at: now,
      actorId: user.id,
      actorName: user.displayName,
      note: input.note ? `${from} → ${to}：${input.note}` : `${from} → ${to}`,
      data: { from: row.stage, to: input.to },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.transition',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: row.caseNumber, from: row.stage, to: input.to },
    });
    if (final) await notifyPortalSendersOfCase(tx, { caseId: id, actorId: user.id });
  });
  return (await getCase(database.db, id, user))!;
}
