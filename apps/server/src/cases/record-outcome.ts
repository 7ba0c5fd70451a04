import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { formatOutcome, outcomeKinds } from '@procura/domain/cases/outcomes';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { refuseTypedComputedOutcome } from '../supported-prosecution/sync-outcome.ts';
import { getCase } from './get-case.ts';
import { lockCase } from './lock-case.ts';
import type { TCaseDetail, TRecordOutcomeBody } from './schema.ts';

/** 办案成效: an amount in fen for money kinds, a count otherwise; also allowed after closure. */
export async function recordOutcome(
  database: Database,
  options: { id: number; input: TRecordOutcomeBody; user: SessionUser; ip: string | null },
): Promise<TCaseDetail> {
  const { id, input, user } = options;
  const kind = outcomeKinds[input.kind];
  if (kind.measure === 'amount' && (input.amountFen === undefined || input.count !== undefined)) {
    throw new DomainError('VALIDATION', `字段 amountFen：「${kind.label}」须填写金额（单位：分），不填数量`);
  }
  if (kind.measure === 'count' && (input.count === undefined || input.amountFen !== undefined)) {
    throw new DomainError('VALIDATION', `字段 count：「${kind.label}」须填写数量（${kind.unit}），不填金额`);
  }
  const value = { amountFen: input.amountFen ?? null, count: input.count ?? null };
  const text = formatOutcome(input.kind, value);
  await database.db.transaction(async (tx) => {
    const row = await lockCase(tx, id, user);
    await refuseTypedComputedOutcome(tx, id, input.kind);
    const [outcome] = await tx
      .insert(schema.caseOutcomes)
      .values({ caseId: id, kind: input.kind, ...value, note: input.note ?? null, recordedBy: user.id })
      .returning({ id: schema.caseOutcomes.id });
    await tx.insert(schema.caseEvents).values({
      caseId: id,
      kind: 'outcomeRecorded',
      at: now(),
      actorId: user.id,
      actorName: user.displayName,
      note: `${kind.label}：${text}`,
      data: { outcomeId: outcome!.id, kind: input.kind, ...value },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.recordOutcome',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: row.caseNumber, outcomeId: outcome!.id, kind: input.kind, ...value },
    });
  });
  return (await getCase(database.db, id, user))!;
}
