import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import type { TPortalClueState } from '@procura/domain/portal-clues';
import { and, eq } from 'drizzle-orm';
import { notifyUsers } from '../notifications/recipients.ts';
import { portalOriginOf } from './chain.ts';
import { standing } from './portal-clues.ts';

const { clues, organisationAccounts, users } = schema;

/** The states the organisation is told about: the decision on its clue, and the case's end. */
const toldStates: readonly TPortalClueState[] = ['opened', 'declined', 'transferredOut', 'concluded'];

/**
 * 门户通知: the accounts of the organisation that sent this clue through the portal (or the clue
 * it was transferred from) are told its new state, in the portal's words. The notice names the
 * clue as the organisation titled it and the state only — never the prosecutor, the case number or
 * anything a sealed juvenile record would reveal (a sealed case stays 已立案 and is not announced
 * as concluded). Inside the transaction of the change.
 */
export async function notifyPortalSender(
  tx: Executor,
  options: { clueId: number; actorId: number },
): Promise<void> {
  const sent = await portalOriginOf(tx, options.clueId);
  if (!sent) return;
  const { summary } = await standing(tx, sent);
  if (!toldStates.includes(summary.state)) return;
  const accounts = await tx
    .select({ id: users.id })
    .from(organisationAccounts)
    .innerJoin(users, eq(users.id, organisationAccounts.userId))
    .where(and(eq(organisationAccounts.organisationId, sent.organisationId), eq(users.disabled, false)));
  await notifyUsers(
    tx,
    accounts.map((a) => a.id),
    {
      actorId: options.actorId,
      kind: summary.state === 'concluded' ? 'portalClueConcluded' : 'portalClueDecided',
      text: `贵单位经门户移送的线索「${summary.title}」：${summary.stateLabel}`,
      link: '/portal/clues',
    },
  );
}

/** The clues a case was opened from: each may have come through the portal. */
export async function notifyPortalSendersOfCase(
  tx: Executor,
  options: { caseId: number; actorId: number },
): Promise<void> {
  const sources = await tx.select({ id: clues.id }).from(clues).where(eq(clues.caseId, options.caseId));
  for (const source of sources) await notifyPortalSender(tx, { clueId: source.id, actorId: options.actorId });
}
