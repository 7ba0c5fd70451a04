import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq, or } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { findDuplicates } from './find-duplicates.ts';
import { loadClues, presentTransfer, selectTransfers } from './present-clue.ts';
import type { TClueDetail } from './schema.ts';

/** One clue with its transfers and possible duplicates; null when missing or out of the user's reach. */
export async function getClue(db: Executor, id: number, user: SessionUser): Promise<TClueDetail | null> {
  const [clue] = await loadClues(db, [id]);
  if (!clue) return null;
  // Analysts may register clues but not read them back later; right after registering they may.
  const [row] = await db
    .select({ createdBy: schema.clues.createdBy })
    .from(schema.clues)
    .where(eq(schema.clues.id, id));
  const visible =
    reaches(user, { departmentId: clue.department.id, handlerId: clue.handler?.id ?? null }) ||
    (user.role === 'analyst' && row?.createdBy === user.id);
  if (!visible) return null;
  const transferRows = await selectTransfers(db)
    .where(or(eq(schema.clueTransfers.clueId, id), eq(schema.clueTransfers.receivedClueId, id)))
    .orderBy(schema.clueTransfers.id);
  const transfers = transferRows.map(presentTransfer);
  const possibleDuplicates =
    clue.status === 'pending' || clue.status === 'assessing'
      ? await findDuplicates(db, {
          clueId: id,
          description: clue.description,
          idNumbers: clue.parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
          organisations: clue.parties.filter((p) => p.kind === 'organisation').map((p) => p.name),
        })
      : [];
  return {
    ...clue,
    transfers: transfers.filter((t) => t.clueId === id),
    receivedFrom: transfers.find((t) => t.receivedClueId === id) ?? null,
    possibleDuplicates,
  };
}
