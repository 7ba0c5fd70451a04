import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { classifyTopic, letterTopics } from '@procura/domain/mailbox/topics';
import { detectUrgency, urgentReasonText } from '@procura/domain/mailbox/urgency';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { juvenileStaffIds } from './juvenile-reach.ts';
import { generatePickupCode, hashPickupCode } from './pickup-codes.ts';
import type { TSubmitLetterBody, TSubmitLetterResult } from './schema.ts';
import { schoolByToken } from './schools.ts';

const { mailboxLetters } = schema;

/** Letters one school's mailbox takes in an hour: a class writing together fits, a script does not. */
export const lettersPerSchoolPerHour = 60;

/**
 * 校园信箱来信: stored as plain text with the hash of a fresh pickup code; an urgent letter (abuse,
 * bullying, self-harm words) notifies the juvenile department in the same transaction. The writer's
 * address is not kept: anonymous means anonymous.
 */
export async function submitLetter(
  database: Database,
  options: { token: string; input: TSubmitLetterBody },
): Promise<TSubmitLetterResult> {
  const { input } = options;
  const school = await schoolByToken(database.db, options.token);
  const text = [input.body, input.grade ?? ''].join('\n');
  const reasons = detectUrgency(input.body);
  const topic = input.topic ?? classifyTopic(text);
  const code = generatePickupCode();
  const contact = input.contact ? input.contact : null;
  const created = await database.db.transaction(async (tx) => {
    // One writer at a time per school, so the hourly cap cannot be overrun by a burst.
    await tx.execute(sql`select pg_advisory_xact_lock(7310, ${school.id})`);
    const [recent] = await tx
      .select({ n: count() })
      .from(mailboxLetters)
      .where(
        and(
          eq(mailboxLetters.schoolId, school.id),
          gte(mailboxLetters.createdAt, new Date(Date.now() - 3_600_000)),
        ),
      );
    if (Number(recent?.n ?? 0) >= lettersPerSchoolPerHour) {
      throw new DomainError(
        'RATE_LIMITED',
        `本校信箱一小时内收到的来信已达上限（${lettersPerSchoolPerHour} 封），请稍后再写；如有紧急危险请立即拨打 110 或告诉老师`,
      );
    }
    const [row] = await tx
      .insert(mailboxLetters)
      .values({
        schoolId: school.id,
        topic,
        topicSource: input.topic ? 'student' : 'keywords',
        grade: input.grade ?? null,
        body: input.body,
        contact,
        urgent: reasons.length > 0,
        urgentReasons: reasons,
        pickupCodeHash: hashPickupCode(code.raw),
      })
      .returning({ id: mailboxLetters.id, createdAt: mailboxLetters.createdAt });
    await recordAudit(tx, {
      actor: { id: null, name: contact ? '学生（留有联系方式）' : '匿名学生' },
      action: 'mailbox.submit',
      targetType: 'mailboxLetter',
      targetId: row!.id,
      detail: { schoolId: school.id, topic, urgent: reasons.length > 0 },
    });
    if (reasons.length > 0) {
      const text = `紧急来信：${school.name}校园信箱来信涉及${urgentReasonText(reasons)}，请立即处理`;
      for (const userId of await juvenileStaffIds(tx)) {
        await notify(tx, { userId, kind: 'mailbox.urgent', text, link: `/mailbox/letters/${row!.id}` });
      }
    }
    return row!;
  });
  return { pickupCode: code.shown, submittedAt: created.createdAt.toISOString() };
}

export const topicLabel = (topic: string) => letterTopics[topic as keyof typeof letterTopics]?.label ?? topic;
