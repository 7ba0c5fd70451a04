import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq, or } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { findDuplicates } from './find-duplicates.ts';
import { loadClues, presentTransfer, selectTransfers } from './present-clue.ts';
import type { TClueDetail } from './schema.ts';

/** Analysts may register clues but not read them back later; right after registering they may. */
export function clueVisible(
  user: SessionUser,
  clue: { departmentId: number; handlerId: number | null; createdBy: number | null },
): boolean {
  return reaches(user, clue) || (user.role === 'analyst' && clue.createdBy === user.id);
}

/** One clue with its transfers and possible duplicates; null when missing or out of the user's reach. */
export async function getClue(db: Executor, id: number, user: SessionUser): Promise<TClueDetail | null> {
  const [clue] = await loadClues(db, [id]);
  if (!clue) return null;
  const [row] = await db
    .select({ createdBy: schema.clues.createdBy })
    .from(schema.clues)
    .where(eq(schema.clues.id, id));
  const visible = clueVisible(user, {
    departmentId: clue.department.id,
    handlerId: clue.handler?.id ?? null,
    createdBy: row?.createdBy ?? null,
  });
  if (!visible || (await sealedFrom(db, user, clue.case?.id ?? null))) return null;
  const transferRows = await selectTransfers(db)
    .where(or(eq(schema.clueTransfers.clueId, id), eq(schema.clueTransfers.receivedClueId, id)))
    .orderBy(schema.clueTransfers.id);
  const transfers = transferRows.map(presentTransfer);
  const possibleDuplicates =
    clue.status === 'pending' || clue.status === 'assessing'
      ? (
          await findDuplicates(db, user, {
            clueId: id,
            description: clue.description,
            idNumbers: clue.parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
            organisations: clue.parties.filter((p) => p.kind === 'organisation').map((p) => p.name),
          })
        ).duplicates
      : [];
  return {
    ...clue,
    attachments: (await attachmentsOf(db, 'clue', [id])).get(id) ?? [],
    transfers: transfers.filter((t) => t.clueId === id),
    receivedFrom: transfers.find((t) => t.receivedClueId === id) ?? null,
    possibleDuplicates,
  };
}
