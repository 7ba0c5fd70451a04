import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { approvalProblem } from '@procura/domain/approvals';
import type { TRole } from '@procura/domain/roles';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { forbidden } from '../errors.ts';
import { rolesOf } from '../notifications/recipients.ts';

const { caseEvents } = schema;

type SuggestionRef = { id: number; caseId: number; createdBy: number };
type Author = { id: number; role: TRole };

/**
 * The authors of each suggestion for the four-eyes rule: its drafter and whoever last submitted it
 * for approval (a head who submits a prosecutor's draft has made it theirs too).
 */
export async function authorsOf(db: Executor, suggestions: SuggestionRef[]): Promise<Map<number, Author[]>> {
  const result = new Map<number, Author[]>();
  if (suggestions.length === 0) return result;
  const submits = await db
    .select({ actorId: caseEvents.actorId, suggestionId: sql<string>`${caseEvents.data}->>'suggestionId'` })
    .from(caseEvents)
    .where(
      and(
        inArray(caseEvents.caseId, [...new Set(suggestions.map((s) => s.caseId))]),
        sql`${caseEvents.data}->>'step' = 'submit'`,
      ),
    )
    .orderBy(desc(caseEvents.id));
  const lastSubmitter = new Map<number, number>();
  for (const row of submits) {
    const id = Number(row.suggestionId);
    if (row.actorId !== null && !lastSubmitter.has(id)) lastSubmitter.set(id, row.actorId);
  }
  const ids = suggestions.flatMap((s) => [s.createdBy, lastSubmitter.get(s.id) ?? s.createdBy]);
  const roles = new Map((await rolesOf(db, ids)).map((u) => [u.id, u.role]));
  for (const s of suggestions) {
    const authorIds = [...new Set([s.createdBy, lastSubmitter.get(s.id) ?? s.createdBy])];
    result.set(
      s.id,
      authorIds.filter((id) => roles.has(id)).map((id) => ({ id, role: roles.get(id)! })),
    );
  }
  return result;
}

export async function suggestionAuthors(tx: Executor, suggestion: SuggestionRef): Promise<Author[]> {
  return (await authorsOf(tx, [suggestion])).get(suggestion.id) ?? [];
}

/** Refuses (403) an approver who wrote or submitted the suggestion, or a head for a head's draft. */
export async function assertFourEyes(
  tx: Executor,
  suggestion: SuggestionRef,
  user: SessionUser,
): Promise<void> {
  const authors = await suggestionAuthors(tx, suggestion);
  const problem = approvalProblem({ approver: user, authors, what: '检察建议' });
  if (problem) throw forbidden(problem);
}

/** Where an approval request points: the case page, naming the suggestion so each request is its own. */
export function approvalLink(caseId: number, suggestionId: number): string {
  return `/cases/${caseId}?suggestion=${suggestionId}`;
}

/**
 * Once one approver has decided, the request is no longer waiting for the others: their notices
 * of it are marked read, so the bell and the workbench count only what still waits.
 */
export async function settleApprovalRequests(
  tx: Executor,
  caseId: number,
  suggestionId: number,
): Promise<void> {
  const { notifications } = schema;
  await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.kind, 'approvalRequested'),
        eq(notifications.link, approvalLink(caseId, suggestionId)),
        isNull(notifications.readAt),
      ),
    );
}
