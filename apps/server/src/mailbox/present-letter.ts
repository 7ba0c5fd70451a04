import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { floodReasonText } from '@procura/domain/mailbox/flood';
import { urgentCategoryMatches, urgentReasonText } from '@procura/domain/mailbox/urgency';
import { eq, inArray } from 'drizzle-orm';
import { letterStatuses, type TLetter } from './schema.ts';
import { topicLabel } from './submit-letter.ts';

const { mailboxLetters, partnerSchools, users } = schema;

/** Letters by id with their school and who answered, in the order asked. */
export async function loadLetters(db: Executor, ids: number[]): Promise<TLetter[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      letter: mailboxLetters,
      school: { id: partnerSchools.id, name: partnerSchools.name },
      answeredBy: users.displayName,
    })
    .from(mailboxLetters)
    .innerJoin(partnerSchools, eq(partnerSchools.id, mailboxLetters.schoolId))
    .leftJoin(users, eq(users.id, mailboxLetters.answeredBy))
    .where(inArray(mailboxLetters.id, ids));
  const byId = new Map(rows.map((r) => [r.letter.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { letter } = row;
    const status = letter.status;
    return [
      {
        id: letter.id,
        school: row.school,
        topic: letter.topic,
        topicLabel: topicLabel(letter.topic),
        topicSource: letter.topicSource,
        grade: letter.grade,
        body: letter.body,
        contact: letter.contact,
        anonymous: letter.contact === null,
        urgent: letter.urgent,
        urgentReason: letter.urgent ? urgentReasonText(letter.urgentReasons) : null,
        urgentCategories: letter.urgent ? urgentCategoryMatches(letter.urgentReasons) : [],
        suspected: letter.suspected,
        suspectedReason: letter.suspectedReasons.length > 0 ? floodReasonText(letter.suspectedReasons) : null,
        releasedAt: letter.releasedAt?.toISOString() ?? null,
        status,
        statusLabel: letterStatuses[status],
        answer: letter.answer,
        answeredAt: letter.answeredAt?.toISOString() ?? null,
        answeredBy: row.answeredBy,
        clueId: letter.clueId,
        createdAt: letter.createdAt.toISOString(),
      },
    ];
  });
}
