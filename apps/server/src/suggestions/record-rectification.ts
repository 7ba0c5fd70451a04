import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import * as clock from '../clock.ts';
import { caseLabel, notifyUsers } from '../notifications/recipients.ts';
import { getSuggestion } from './get-suggestion.ts';
import { followUps, rectificationResults } from './labels.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import type { TRectificationBody, TSuggestion } from './schema.ts';

/**
 * 整改情况跟进评估 (到位 / 部分到位 / 未整改) and what follows (跟进监督, 提起诉讼, none). With it the
 * suggestion is closed and the decision on suit is taken, so that limit is done. Allowed after the
 * reply, or after delivery when the addressee never replied.
 */
export async function recordRectification(
  database: Database,
  options: { id: number; input: TRectificationBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['delivered', 'replied'], '记录整改情况');
    const today = clock.today();
    await tx
      .update(schema.suggestions)
      .set({
        state: 'closed',
        rectification: input.result,
        followUp: input.followUp,
        rectificationNote: input.note ?? null,
        updatedAt: clock.now(),
      })
      .where(eq(schema.suggestions.id, id));
    await tx
      .update(schema.deadlines)
      .set({ completedOn: today, updatedAt: clock.now() })
      .where(
        and(
          eq(schema.deadlines.suggestionId, id),
          eq(schema.deadlines.limitId, 'suitDecisionAfterReply'),
          isNull(schema.deadlines.completedOn),
        ),
      );
    const text = `${rectificationResults[input.result]}；${followUps[input.followUp]}`;
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'rectificationChecked',
      user,
      note: `检察建议${suggestion.docNumber}整改情况：${text}${input.note ? `（${input.note}）` : ''}`,
      data: { suggestionId: id, result: input.result, followUp: input.followUp },
    });
    // The case handler and the drafter are told; whoever recorded it knows already.
    await notifyUsers(tx, [theCase.handlerId, suggestion.createdBy], {
      actorId: user.id,
      kind: 'suggestionRectification',
      text: `${user.displayName}记录了${await caseLabel(tx, theCase.id)}检察建议${suggestion.docNumber ?? ''}的整改情况：${text}`,
      link: `/cases/${theCase.id}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.rectification',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, result: input.result, followUp: input.followUp },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
