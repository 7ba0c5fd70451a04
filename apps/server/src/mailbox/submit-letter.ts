import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { assessLetter, floodReasonText, floodRules, type TFloodReason } from '@procura/domain/mailbox/flood';
import { classifyTopic, letterTopics } from '@procura/domain/mailbox/topics';
import { detectUrgency, type UrgentReason, urgentReasonText } from '@procura/domain/mailbox/urgency';
import { and, count, desc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import * as clock from '../clock.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { juvenileStaffIds } from './juvenile-reach.ts';
import { generatePickupCode, hashPickupCode } from './pickup-codes.ts';
import type { TSubmitLetterBody, TSubmitLetterResult } from './schema.ts';
import { schoolByToken } from './schools.ts';
import type { SenderMemory } from './sender-memory.ts';

const { mailboxAlerts, mailboxLetters, notifications, users } = schema;

/**
 * What one school's mailbox stores in 24 hours. Suspected letters stop at `suspected`; letters that
 * look genuine are taken up to `total`, so a flood cannot shut a student out.
 */
export const mailboxCeiling = {
  suspected: { letters: 200, bytes: 1_000_000 },
  total: { letters: 1000, bytes: 5_000_000 },
} as const;

/** Urgent-letter notifications of one school within this time are folded into one, with a count. */
export const urgentFoldMinutes = 5;
/** Suspected letters with gaps shorter than this belong to one flood episode (one word to the admin). */
export const floodEpisodeGapMinutes = 60;

const day = 24 * 3_600_000;

/**
 * 校园信箱来信: stored as plain text with the hash of a fresh pickup code. A letter that looks like
 * part of a flood is stored all the same, marked suspected. Urgent letters (abuse, bullying,
 * self-harm words) notify the juvenile department in the same transaction, folded per school over
 * a few minutes. The writer's address is not kept: anonymous means anonymous.
 */
export async function submitLetter(
  database: Database,
  options: { token: string; input: TSubmitLetterBody; address: string | null; senders: SenderMemory },
): Promise<TSubmitLetterResult> {
  const { input, senders } = options;
  const school = await schoolByToken(database.db, options.token);
  const text = [input.body, input.grade ?? ''].join('\n');
  const reasons = detectUrgency(input.body);
  const topic = input.topic ?? classifyTopic(text);
  const code = generatePickupCode();
  const contact = input.contact ? input.contact : null;
  const sender = senders.keyOf(options.address);
  const size =
    Buffer.byteLength(input.body) + Buffer.byteLength(contact ?? '') + Buffer.byteLength(input.grade ?? '');
  const created = await database.db.transaction(async (tx) => {
    // One writer at a time per school, so the ceiling and the flood rules see every letter before.
    await tx.execute(sql`select pg_advisory_xact_lock(7310, ${school.id})`);
    const now = clock.now();
    const recent = await tx
      .select({ id: mailboxLetters.id, at: mailboxLetters.createdAt, body: mailboxLetters.body })
      .from(mailboxLetters)
      .where(
        and(
          eq(mailboxLetters.schoolId, school.id),
          gt(mailboxLetters.createdAt, new Date(now.getTime() - floodRules.windowMs)),
        ),
      );
    const verdict = assessLetter(
      recent.map((l) => ({ ...l, sender: senders.senderOf(l.id) })),
      { at: now, sender, body: input.body },
    );
    const suspected = verdict.reasons.length > 0;
    await assertBelowCeiling(tx, school.id, now, suspected, size);

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
        suspected,
        suspectedReasons: verdict.reasons,
        createdAt: now,
      })
      .returning({ id: mailboxLetters.id, createdAt: mailboxLetters.createdAt });
    const newlySuspected = suspected
      ? 1 + (await suspectEarlier(tx, verdict.alsoSuspected, verdict.reasons))
      : 0;
    await recordAudit(tx, {
      actor: { id: null, name: contact ? '学生（留有联系方式）' : '匿名学生' },
      action: 'mailbox.submit',
      targetType: 'mailboxLetter',
      targetId: row!.id,
      detail: { schoolId: school.id, topic, urgent: reasons.length > 0, suspected },
    });
    if (reasons.length > 0) await notifyUrgent(tx, { school, letterId: row!.id, reasons, now });
    if (newlySuspected > 0)
      await noteFlood(tx, { school, letters: newlySuspected, reasons: verdict.reasons, now });
    senders.remember(row!.id, sender, now);
    return row!;
  });
  return { pickupCode: code.shown, submittedAt: created.createdAt.toISOString() };
}

async function assertBelowCeiling(
  tx: Executor,
  schoolId: number,
  now: Date,
  suspected: boolean,
  size: number,
): Promise<void> {
  const [stored] = await tx
    .select({
      letters: count(),
      bytes: sql<string>`coalesce(sum(octet_length(${mailboxLetters.body}) + coalesce(octet_length(${mailboxLetters.contact}), 0) + coalesce(octet_length(${mailboxLetters.grade}), 0)), 0)`,
    })
    .from(mailboxLetters)
    .where(
      and(eq(mailboxLetters.schoolId, schoolId), gt(mailboxLetters.createdAt, new Date(now.getTime() - day))),
    );
  const letters = Number(stored?.letters ?? 0);
  const bytes = Number(stored?.bytes ?? 0);
  const limit = suspected ? mailboxCeiling.suspected : mailboxCeiling.total;
  if (letters + 1 > limit.letters || bytes + size > limit.bytes) {
    throw new DomainError(
      'RATE_LIMITED',
      '本校信箱今天收到的来信过多，暂时无法接收，请稍后再写；如有紧急危险请立即拨打 110 或告诉老师',
    );
  }
}

/** Marks earlier letters the new one shows to be part of a flood; released ones stay released. */
async function suspectEarlier(tx: Executor, ids: number[], reasons: TFloodReason[]): Promise<number> {
  if (ids.length === 0) return 0;
  const marked = await tx
    .update(mailboxLetters)
    .set({ suspected: true, suspectedReasons: reasons })
    .where(
      and(
        inArray(mailboxLetters.id, ids),
        eq(mailboxLetters.suspected, false),
        isNull(mailboxLetters.releasedAt),
      ),
    )
    .returning({ id: mailboxLetters.id });
  return marked.length;
}

type SchoolRef = { id: number; name: string };

/** The school's alert episode of this kind still open at `since`, if any. */
async function openAlert(
  tx: Executor,
  schoolId: number,
  kind: 'urgent' | 'flood',
  column: 'startedAt' | 'lastAt',
  since: Date,
) {
  const [alert] = await tx
    .select()
    .from(mailboxAlerts)
    .where(
      and(
        eq(mailboxAlerts.schoolId, schoolId),
        eq(mailboxAlerts.kind, kind),
        gte(mailboxAlerts[column], since),
      ),
    )
    .orderBy(desc(mailboxAlerts.id))
    .limit(1);
  return alert;
}

/**
 * The first urgent letter of a school rings every juvenile staff member's bell at once; further
 * ones within a few minutes update that same notification (count, latest reasons, unread again)
 * instead of adding one each, so a flood of urgent words cannot bury the department's bell.
 */
async function notifyUrgent(
  tx: Executor,
  options: { school: SchoolRef; letterId: number; reasons: UrgentReason[]; now: Date },
): Promise<void> {
  const { school, now } = options;
  const alert = await openAlert(
    tx,
    school.id,
    'urgent',
    'startedAt',
    new Date(now.getTime() - urgentFoldMinutes * 60_000),
  );
  if (!alert) {
    const link = `/mailbox/letters/${options.letterId}`;
    await tx
      .insert(mailboxAlerts)
      .values({ schoolId: school.id, kind: 'urgent', link, startedAt: now, lastAt: now });
    const text = `紧急来信：${school.name}校园信箱来信涉及${urgentReasonText(options.reasons)}，请立即处理`;
    for (const userId of await juvenileStaffIds(tx)) {
      await notify(tx, { userId, kind: 'mailbox.urgent', text, link });
    }
    return;
  }
  const letters = alert.letters + 1;
  // The episode's own link, so a later episode of the same school never updates this one's notices.
  const link = `/mailbox?schoolId=${school.id}&urgent=true&alert=${alert.id}`;
  const text = `紧急来信：${school.name}校园信箱 ${urgentFoldMinutes} 分钟内收到 ${letters} 封紧急来信，最近一封涉及${urgentReasonText(options.reasons)}，请立即处理`;
  await tx
    .update(notifications)
    .set({ text, link, readAt: null })
    .where(and(eq(notifications.kind, 'mailbox.urgent'), eq(notifications.link, alert.link ?? '')));
  await tx.update(mailboxAlerts).set({ letters, link, lastAt: now }).where(eq(mailboxAlerts.id, alert.id));
}

/**
 * A flood episode tells the admin (and the juvenile staff, who can renew the link) once; while
 * suspected letters keep coming the episode only counts them.
 */
async function noteFlood(
  tx: Executor,
  options: { school: SchoolRef; letters: number; reasons: TFloodReason[]; now: Date },
): Promise<void> {
  const { school, now } = options;
  const alert = await openAlert(
    tx,
    school.id,
    'flood',
    'lastAt',
    new Date(now.getTime() - floodEpisodeGapMinutes * 60_000),
  );
  if (alert) {
    await tx
      .update(mailboxAlerts)
      .set({ letters: alert.letters + options.letters, lastAt: now })
      .where(eq(mailboxAlerts.id, alert.id));
    return;
  }
  await tx
    .insert(mailboxAlerts)
    .values({ schoolId: school.id, kind: 'flood', letters: options.letters, startedAt: now, lastAt: now });
  const text = `校园信箱疑似刷信：${school.name}的信箱短时间内收到可疑来信（${floodReasonText(options.reasons)}）。来信照常保存并标为疑似刷信，学生正常来信不受影响；如信箱链接外泄，请未检部门更换信箱链接。`;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
  for (const { id } of admins) await notify(tx, { userId: id, kind: 'mailbox.flood', text });
  for (const userId of await juvenileStaffIds(tx)) {
    await notify(tx, { userId, kind: 'mailbox.flood', text, link: '/mailbox?suspected=true' });
  }
}

export const topicLabel = (topic: string) => letterTopics[topic as keyof typeof letterTopics]?.label ?? topic;
