import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { loadJuvenileCase } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail } from './schema.ts';

/** Cancels a booking that has not started: the room is free again and a cancelled inquiry does not count. */
export async function cancelSession(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { user } = options;
  const [session] = await database.db
    .select()
    .from(schema.juvenileSessions)
    .where(eq(schema.juvenileSessions.id, options.id));
  if (!session) throw notFound('预约');
  await database.db.transaction(async (tx) => {
    await loadJuvenileCase(tx, session.caseId, user, { lock: true });
    if (session.cancelled) throw new DomainError('CONFLICT', '该预约已取消');
    if (session.startsAt <= now()) throw new DomainError('CONFLICT', '已开始或已结束的预约不能取消');
    await tx
      .update(schema.juvenileSessions)
      .set({ cancelled: true })
      .where(eq(schema.juvenileSessions.id, session.id));
    if (session.inquiryRequestId) {
      // The approval was not used after all: it stays valid for the rebooking.
      await tx
        .update(schema.juvenileInquiryRequests)
        .set({ state: 'approved' })
        .where(eq(schema.juvenileInquiryRequests.id, session.inquiryRequestId));
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.cancelSession',
      targetType: 'case',
      targetId: session.caseId,
      ip: options.ip,
      detail: { sessionId: session.id },
    });
  });
  return getJuvenileCase(database, { id: session.caseId, user, full: false, ip: options.ip });
}
