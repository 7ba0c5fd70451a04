import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import type { TCaseEventKind } from '@procura/domain/cases/event-kinds';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { suggestionStates, type TSuggestionState } from './labels.ts';

const { suggestions, cases } = schema;

/**
 * The suggestion row locked for this transaction with its case; 404 when missing or when the
 * user does not reach the case (a prosecutor of another department never learns it exists).
 */
export async function lockSuggestion(tx: Executor, id: number, user: SessionUser) {
  const [found] = await tx
    .select({ suggestion: suggestions, theCase: cases })
    .from(suggestions)
    .innerJoin(cases, eq(cases.id, suggestions.caseId))
    .where(eq(suggestions.id, id))
    .for('update', { of: suggestions });
  if (!found || !reaches(user, found.theCase) || (await sealedFrom(tx, user, found.theCase.id)))
    throw notFound('检察建议');
  return found;
}

/** Refuses a step from any state but the expected ones, naming the current state. */
export function expectState(current: TSuggestionState, allowed: TSuggestionState[], doing: string): void {
  if (allowed.includes(current)) return;
  const label = suggestionStates[current] ?? current;
  const need = allowed.map((s) => `「${suggestionStates[s]}」`).join('或');
  throw new DomainError('CONFLICT', `检察建议当前为「${label}」，只有${need}的检察建议才能${doing}`);
}

/** Adds a line to the case timeline for a suggestion step. */
export async function appendCaseEvent(
  tx: Executor,
  input: {
    caseId: number;
    kind: TCaseEventKind;
    at?: Date;
    user: SessionUser;
    note: string;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(schema.caseEvents).values({
    caseId: input.caseId,
    kind: input.kind,
    at: input.at ?? now(),
    actorId: input.user.id,
    actorName: input.user.displayName,
    note: input.note,
    data: input.data,
  });
}
