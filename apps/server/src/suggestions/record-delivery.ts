import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import type { LimitId, Period } from '@procura/domain/deadlines/index';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { startDeadline } from '../deadlines/start-deadline.ts';
import { DomainError } from '../errors.ts';
import { getSuggestion } from './get-suggestion.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TDeliveryBody, TSuggestion } from './schema.ts';
import { placeStepDay } from './step-dates.ts';

/**
 * 送达: the reply period starts on the day of receipt. Pre-litigation: 诉前检察建议回复 (两个月,
 * 十五日 when urgent) chained with 决定是否提起诉讼; other kinds: 检察建议回复 (两个月, or the
 * shorter 15 days this procuratorate sets when urgent). Computed by the engine only.
 */
export async function recordDelivery(
  database: Database,
  options: { id: number; input: TDeliveryBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  if (input.deliveredOn > today())
    throw new DomainError('VALIDATION', '字段 deliveredOn：送达日期不能晚于今天');
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['issued'], '记录送达');
    const placed = placeStepDay({
      field: 'deliveredOn',
      label: '送达日期',
      day: input.deliveredOn,
      issuedAt: suggestion.issuedAt,
      after: null,
      lateEntryReason: input.lateEntryReason,
      now: now(),
    });
    await tx
      .update(schema.suggestions)
      .set({ state: 'delivered', deliveredOn: input.deliveredOn, updatedAt: now() })
      .where(eq(schema.suggestions.id, id));
    const limitId: LimitId =
      suggestion.kind === 'preLitigation' ? 'preLitigationSuggestionReply' : 'generalSuggestionReply';
    const shorter: Period | undefined =
      suggestion.urgent && limitId === 'generalSuggestionReply' ? { amount: 15, unit: 'day' } : undefined;
    const deadlineIds = await startDeadline(tx, {
      limitId,
      start: input.deliveredOn,
      urgent: suggestion.urgent,
      ...(shorter ? { period: shorter } : {}),
      caseId: theCase.id,
      suggestionId: id,
      actor: actorOf(user),
      ip: options.ip,
    });
    await appendCaseEvent(tx, {
      caseId: theCase.id,
      kind: 'suggestionDelivered',
      at: placed.at,
      user,
      note: `检察建议${suggestion.docNumber}于 ${input.deliveredOn} 送达${suggestion.addressee}`,
      data: { suggestionId: id, deliveredOn: input.deliveredOn, deadlineIds, ...placed.data },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.deliver',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: {
        caseId: theCase.id,
        docNumber: suggestion.docNumber,
        deliveredOn: input.deliveredOn,
        deadlineIds,
        ...(placed.data.lateEntryReason ? { lateEntryReason: placed.data.lateEntryReason } : {}),
      },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
