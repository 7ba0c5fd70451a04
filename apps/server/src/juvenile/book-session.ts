import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAndClock } from '@procura/domain/china-time';
import { inquiryProblem } from '@procura/domain/juvenile/inquiries';
import { maskName } from '@procura/domain/juvenile/mask';
import { oneStopRooms, slotProblem } from '@procura/domain/juvenile/one-stop';
import { and, asc, count, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import type { TBookSessionBody, TJuvenileCaseDetail } from './schema.ts';

const { juvenileSessions, juvenileInquiryRequests, cases } = schema;

/**
 * Books a session of the one-stop centre for a child victim. A room is never double-booked
 * (bookings serialise on a lock); a second 询问 of the same victim needs an approved request,
 * which the booking uses up (未成年人保护法 第一百一十二条).
 */
export async function bookSession(
  database: Database,
  options: { id: number; input: TBookSessionBody; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  const slot = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
  const problem = slotProblem(slot);
  if (problem) throw new DomainError('VALIDATION', `字段 endsAt：${problem}`);
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, id, user, { lock: true });
    assertOpen(row);
    const minor = await loadMinor(tx, id, input.minorId);
    if (minor.role !== 'victim')
      throw new DomainError('VALIDATION', '一站式办案场所的预约对象应为未成年被害人');
    // One centre: bookings of all rooms queue on one lock, so two can never take the same slot.
    await tx.execute(sql`select pg_advisory_xact_lock(7311)`);
    const [clash] = await tx
      .select({
        startsAt: juvenileSessions.startsAt,
        endsAt: juvenileSessions.endsAt,
        caseNumber: cases.caseNumber,
      })
      .from(juvenileSessions)
      .innerJoin(cases, eq(cases.id, juvenileSessions.caseId))
      .where(
        and(
          eq(juvenileSessions.room, input.room),
          eq(juvenileSessions.cancelled, false),
          lt(juvenileSessions.startsAt, slot.endsAt),
          gt(juvenileSessions.endsAt, slot.startsAt),
        ),
      )
      .orderBy(asc(juvenileSessions.startsAt))
      .limit(1);
    if (clash) {
      throw new DomainError(
        'CONFLICT',
        `${oneStopRooms[input.room]}在 ${chinaDayAndClock(clash.startsAt)}–${chinaDayAndClock(clash.endsAt)} 已被预约（${clash.caseNumber}），请另选时间或房间`,
      );
    }
    let inquiryNumber: number | null = null;
    let requestId: number | null = null;
    if (input.functions.includes('inquiry')) {
      const [held] = await tx
        .select({ value: count() })
        .from(juvenileSessions)
        .where(
          and(
            eq(juvenileSessions.minorId, minor.id),
            isNotNull(juvenileSessions.inquiryNumber),
            eq(juvenileSessions.cancelled, false),
          ),
        );
      const soFar = Number(held?.value ?? 0);
      const [approved] =
        soFar > 0
          ? await tx
              .select()
              .from(juvenileInquiryRequests)
              .where(
                and(
                  eq(juvenileInquiryRequests.minorId, minor.id),
                  eq(juvenileInquiryRequests.state, 'approved'),
                ),
              )
              .orderBy(asc(juvenileInquiryRequests.id))
              .limit(1)
              .for('update')
          : [];
      const refusal = inquiryProblem({
        inquiriesSoFar: soFar,
        hasApprovedRequest: Boolean(approved),
        victimName: maskName(minor.name),
      });
      if (refusal) throw new DomainError('CONFLICT', refusal);
      inquiryNumber = soFar + 1;
      if (approved) {
        requestId = approved.id;
        await tx
          .update(juvenileInquiryRequests)
          .set({ state: 'used' })
          .where(eq(juvenileInquiryRequests.id, approved.id));
      }
    }
    const [session] = await tx
      .insert(juvenileSessions)
      .values({
        caseId: id,
        minorId: minor.id,
        room: input.room,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        functions: input.functions,
        attendees: input.attendees,
        inquiryNumber,
        inquiryRequestId: requestId,
        note: input.note ?? null,
        createdBy: user.id,
      })
      .returning({ id: juvenileSessions.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.bookSession',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { sessionId: session!.id, room: input.room, startsAt: input.startsAt, inquiryNumber },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
