import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { normalisePickupCode } from '@procura/domain/mailbox/pickup-code';
import { eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';
import { hashPickupCode } from './pickup-codes.ts';
import type { TPickedUpLetter } from './schema.ts';
import { topicLabel } from './submit-letter.ts';

const { mailboxLetters, partnerSchools } = schema;

const wrongCode = () =>
  new DomainError('NOT_FOUND', '取件码不正确：请核对后重新输入（取件码共 16 位，由字母和数字组成）');

/** The letter and its answer for whoever holds the pickup code; the same answer for any wrong code. */
export async function pickUpLetter(db: Executor, typed: string): Promise<TPickedUpLetter> {
  const code = normalisePickupCode(typed);
  if (!code) throw wrongCode();
  const [row] = await db
    .select({ letter: mailboxLetters, school: partnerSchools.name })
    .from(mailboxLetters)
    .innerJoin(partnerSchools, eq(partnerSchools.id, mailboxLetters.schoolId))
    .where(eq(mailboxLetters.pickupCodeHash, hashPickupCode(code)));
  if (!row) throw wrongCode();
  const { letter } = row;
  return {
    school: row.school,
    topicLabel: topicLabel(letter.topic),
    body: letter.body,
    submittedAt: letter.createdAt.toISOString(),
    answer: letter.answer,
    answeredAt: letter.answeredAt?.toISOString() ?? null,
  };
}
