import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { isFinalStage } from '@procura/domain/cases/case-types';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { DomainError } from '../errors.ts';
import { getSuggestion } from './get-suggestion.ts';
import { suggestionKinds } from './labels.ts';
import { appendCaseEvent } from './lock-suggestion.ts';
import type { TDraftSuggestionBody, TSuggestion } from './schema.ts';

/** 起草检察建议 on an open case; fields may stay empty until it is submitted. */
export async function draftSuggestion(
  database: Database,
  options: { input: TDraftSuggestionBody; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const id = await database.db.transaction((tx) => draftSuggestionIn(tx, options));
  return (await getSuggestion(database.db, id, options.user))!;
}

/**
 * The draft inside the caller's transaction (类案监督 drafts its group's suggestion and links it in
 * one): the case locked and reached as its GET reaches it, the case event and the audit entry.
 */
export async function draftSuggestionIn(
  tx: Executor,
  options: { input: TDraftSuggestionBody; user: SessionUser; ip: string | null },
): Promise<number> {
  const { input, user } = options;
  const theCase = await lockCase(tx, input.caseId, user);
  if (isFinalStage(theCase.type, theCase.stage)) {
    throw new DomainError('CONFLICT', `案件${theCase.caseNumber}已办结，不能再起草检察建议`);
  }
  const [created] = await tx
    .insert(schema.suggestions)
    .values({
      caseId: theCase.id,
      kind: input.kind,
      addressee: input.addressee ?? '',
      facts: input.facts ?? '',
      legalBasis: input.legalBasis ?? '',
      requests: input.requests ?? '',
      contactName: input.contactName ?? '',
      contactPhone: input.contactPhone ?? '',
      copyTo: input.copyTo ?? '',
      urgent: input.urgent ?? false,
      createdBy: user.id,
    })
    .returning({ id: schema.suggestions.id });
  const suggestionId = created!.id;
  await appendCaseEvent(tx, {
    caseId: theCase.id,
    kind: 'note',
    user,
    note: `起草${suggestionKinds[input.kind]}${input.addressee ? `（${input.addressee}）` : ''}`,
    data: { suggestionId, step: 'draft' },
  });
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'suggestion.draft',
    targetType: 'suggestion',
    targetId: suggestionId,
    ip: options.ip,
    detail: {
      caseId: theCase.id,
      caseNumber: theCase.caseNumber,
      kind: input.kind,
      urgent: input.urgent ?? false,
    },
  });
  return suggestionId;
}
