import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, type SQL } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { notFound } from '../errors.ts';
import { assertJuvenileRecord } from './juvenile-reach.ts';
import { loadLetters } from './present-letter.ts';
import type { TLetter } from './schema.ts';

const { mailboxLetters } = schema;

/** A letter in full. Reading changes nothing: marking it read is its own POST. */
export async function openLetter(db: Executor, options: { id: number; user: SessionUser }): Promise<TLetter> {
  await assertJuvenileRecord(db, options.user, '来信');
  const [letter] = await loadLetters(db, [options.id]);
  if (!letter) throw notFound('来信');
  return letter;
}

type LetterChange = { id: number; user: SessionUser; ip: string | null };

/**
 * Changes a letter once (only while `still` holds) and audits that one change, then answers with
 * the letter as it now stands: a second click changes and audits nothing.
 */
async function changeLetterOnce(
  database: Database,
  options: LetterChange,
  change: { set: Partial<typeof mailboxLetters.$inferInsert>; still: SQL; action: string },
): Promise<TLetter> {
  const { id, user } = options;
  await assertJuvenileRecord(database.db, user, '来信');
  await database.db.transaction(async (tx) => {
    const changed = await tx
      .update(mailboxLetters)
      .set(change.set)
      .where(and(eq(mailboxLetters.id, id), change.still))
      .returning({ id: mailboxLetters.id });
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: actorOf(user),
        action: change.action,
        targetType: 'mailboxLetter',
        targetId: id,
        ip: options.ip,
      });
    }
  });
  return openLetter(database.db, options);
}

/** The first reader marks a letter read (audited), so the team sees it is being handled. */
export const markLetterRead = (database: Database, options: LetterChange) =>
  changeLetterOnce(database, options, {
    set: { status: 'read', readAt: now(), readBy: options.user.id },
    still: eq(mailboxLetters.status, 'new'),
    action: 'mailbox.markRead',
  });

/** A suspected letter judged genuine: back among the letters, never suspected again (audited). */
export const releaseLetter = (database: Database, options: LetterChange) =>
  changeLetterOnce(database, options, {
    set: { suspected: false, releasedAt: now(), releasedBy: options.user.id },
    still: eq(mailboxLetters.suspected, true),
    action: 'mailbox.release',
  });
