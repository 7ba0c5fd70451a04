import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { caseLabel, notifyUsers } from '../notifications/recipients.ts';
import { getSuggestion } from './get-suggestion.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import { replyLimits } from './present-suggestion.ts';
import type { TReplyBody, TSuggestion } from './schema.ts';
import { deliveryInstant, placeStepDay } from './step-dates.ts';

/** 收到书面回复: the reply deadline is done on the reply's date. */
export async function recordReply(
  database: Database,
  options: { id: number; input: TReplyBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, input, user } = options;
  if (input.repliedOn > today()) throw new DomainError('VALIDATION', '字段 repliedOn：回复日期不能晚于今天');
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['delivered'], '记录回复');
    if (suggestion.deliveredOn && input.repliedOn < suggestion.deliveredOn) {
      throw new DomainError(
        'VALIDATION',
        `字段 repliedOn：回复日期不能早于送达日期 ${suggestion.deliveredOn}`,
      );
    }
    const placed = placeStepDay({
      field: 'repliedOn',
      label: '回复日期',
      day: input.repliedOn,
      issuedAt: suggestion.issuedAt,
      after: await deliveryInstant(tx, suggestion.caseId, id),
      lateEntryReason: input.lateEntryReason,
      now: now(),
    });
    await tx
      .update(schema.suggestions)
      .set({ state: 'replied', replyOn: input.repliedOn, replyContent: input.content, updatedAt: now() })
      .where(eq(schema.suggestions.id, id));
    await tx
      .update(schema.deadlines)
      .set({ completedOn: input.repliedOn, updatedAt: now() })
      .where(
        and(
          eq(schema.deadlines.suggestionId, id),
          inArray(schema.deadlines.limitId, replyLimits),
          isNull(schema.deadlines.completedOn),
        ),
      );
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'replyReceived',
      at: placed.at,
      user,
      note: `${suggestion.addressee}于 ${input.repliedOn} 书面回复检察建议${suggestion.docNumber}`,
      data: { suggestionId: id, repliedOn: input.repliedOn, ...placed.data },
    });
    // The case handler and the drafter act on it; whoever recorded it knows already.
    await notifyUsers(tx, [theCase.handlerId, suggestion.createdBy], {
      actorId: user.id,
      kind: 'suggestionReplied',
      text: `${suggestion.addressee}于 ${input.repliedOn} 书面回复了${await caseLabel(tx, theCase.id)}的检察建议${suggestion.docNumber ?? ''}（${user.displayName}录入），请跟进整改情况`,
      link: `/cases/${theCase.id}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.reply',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: {
        caseId: suggestion.caseId,
        repliedOn: input.repliedOn,
        ...(placed.data.lateEntryReason ? { lateEntryReason: placed.data.lateEntryReason } : {}),
      },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
