import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
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

/** The first reader marks a letter read (audited), so the team sees it is being handled. */
export async function markLetterRead(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TLetter> {
  const { id, user } = options;
  await assertJuvenileRecord(database.db, user, '来信');
  await database.db.transaction(async (tx) => {
    const marked = await tx
      .update(mailboxLetters)
      .set({ status: 'read', readAt: new Date(), readBy: user.id })
      .where(and(eq(mailboxLetters.id, id), eq(mailboxLetters.status, 'new')))
      .returning({ id: mailboxLetters.id });
    if (marked.length > 0) {
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'mailbox.markRead',
        targetType: 'mailboxLetter',
        targetId: id,
        ip: options.ip,
      });
    }
  });
  return openLetter(database.db, options);
}

/** A suspected letter judged genuine: back among the letters, never suspected again (audited). */
export async function releaseLetter(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TLetter> {
  const { id, user } = options;
  await assertJuvenileRecord(database.db, user, '来信');
  await database.db.transaction(async (tx) => {
    const released = await tx
      .update(mailboxLetters)
      .set({ suspected: false, releasedAt: new Date(), releasedBy: user.id })
      .where(and(eq(mailboxLetters.id, id), eq(mailboxLetters.suspected, true)))
      .returning({ id: mailboxLetters.id });
    if (released.length > 0) {
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'mailbox.release',
        targetType: 'mailboxLetter',
        targetId: id,
        ip: options.ip,
      });
    }
  });
  return openLetter(database.db, options);
}
