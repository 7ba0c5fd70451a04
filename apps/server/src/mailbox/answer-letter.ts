import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { notFound } from '../errors.ts';
import { assertJuvenileRecord } from './juvenile-reach.ts';
import { loadLetters } from './present-letter.ts';
import type { TLetter } from './schema.ts';

const { mailboxLetters } = schema;

/** The answer the student reads with the pickup code; a later answer replaces it (both audited). */
export async function answerLetter(
  database: Database,
  options: { id: number; answer: string; user: SessionUser; ip: string | null },
): Promise<TLetter> {
  const { id, user } = options;
  await assertJuvenileRecord(database.db, user, '来信');
  await database.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ answer: mailboxLetters.answer })
      .from(mailboxLetters)
      .where(eq(mailboxLetters.id, id))
      .for('update');
    if (!before) throw notFound('来信');
    await tx
      .update(mailboxLetters)
      .set({
        status: 'answered',
        answer: options.answer,
        answeredAt: now(),
        answeredBy: user.id,
      })
      .where(eq(mailboxLetters.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'mailbox.answer',
      targetType: 'mailboxLetter',
      targetId: id,
      ip: options.ip,
      detail: { replaced: before.answer !== null, length: options.answer.length },
    });
  });
  return (await loadLetters(database.db, [id]))[0]!;
}
