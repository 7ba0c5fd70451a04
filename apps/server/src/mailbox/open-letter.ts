import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { assertJuvenileRecord } from './juvenile-reach.ts';
import { loadLetters } from './present-letter.ts';
import type { TLetter } from './schema.ts';

const { mailboxLetters } = schema;

/** A letter in full; the first reader marks it read (audited), so the team sees it is being handled. */
export async function openLetter(
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
        action: 'mailbox.read',
        targetType: 'mailboxLetter',
        targetId: id,
        ip: options.ip,
      });
    }
  });
  const [letter] = await loadLetters(database.db, [id]);
  if (!letter) throw notFound('来信');
  return letter;
}
