import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, isNotNull } from 'drizzle-orm';

const { clueTransfers, portalClues } = schema;

/** Transfers inside the procuratorate are few; the walk stops here whatever the data says. */
const maxHops = 20;

/**
 * The clue that now stands for the one an organisation sent: a transfer to another department
 * makes a new clue there (clue_transfers.received_clue_id), and the portal follows it.
 */
export async function currentClueId(db: Executor, sentClueId: number): Promise<number> {
  let id = sentClueId;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const [next] = await db
      .select({ id: clueTransfers.receivedClueId })
      .from(clueTransfers)
      .where(and(eq(clueTransfers.clueId, id), isNotNull(clueTransfers.receivedClueId)))
      .orderBy(clueTransfers.id)
      .limit(1);
    if (!next?.id) return id;
    id = next.id;
  }
  return id;
}

/** The portal record a clue goes back to (the clue itself, or the one it was transferred from), or null. */
export async function portalOriginOf(db: Executor, clueId: number) {
  let id = clueId;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const [sent] = await db.select().from(portalClues).where(eq(portalClues.clueId, id));
    if (sent) return sent;
    const [previous] = await db
      .select({ id: clueTransfers.clueId })
      .from(clueTransfers)
      .where(eq(clueTransfers.receivedClueId, id))
      .limit(1);
    if (!previous) return null;
    id = previous.id;
  }
  return null;
}
