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

type Change =
  | { kind: 'attendance'; index: number; attended: boolean; note?: string }
  | { kind: 'evaluation'; evaluation: string };

/** Attendance at a guidance session, or the closing evaluation of a 督促监护令. */
export async function recordOrderProgress(
  database: Database,
  options: { id: number; change: Change; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { change, user } = options;
  const [order] = await database.db
    .select()
    .from(schema.juvenileGuardianshipOrders)
    .where(eq(schema.juvenileGuardianshipOrders.id, options.id));
  if (!order) throw notFound('督促监护令');
  await database.db.transaction(async (tx) => {
    await loadJuvenileCase(tx, order.caseId, user, { lock: true });
    if (order.evaluatedAt) throw new DomainError('CONFLICT', '该督促监护令已结案评估，不能再修改');
    if (change.kind === 'attendance') {
      if (!order.documentId) throw new DomainError('CONFLICT', '请先生成督促监护令，再记录指导情况');
      const session = order.sessions[change.index];
      if (!session) throw new DomainError('VALIDATION', `字段 index：第${change.index + 1}次指导不在计划中`);
      const sessions = order.sessions.map((s, i) =>
        i === change.index ? { ...s, attended: change.attended, note: change.note ?? null } : s,
      );
      await tx
        .update(schema.juvenileGuardianshipOrders)
        .set({ sessions })
        .where(eq(schema.juvenileGuardianshipOrders.id, order.id));
    } else {
      const pending = order.sessions.filter((s) => typeof s.attended !== 'boolean').length;
      if (pending > 0)
        throw new DomainError('CONFLICT', `还有${pending}次家庭教育指导未记录到场情况，不能结案评估`);
      await tx
        .update(schema.juvenileGuardianshipOrders)
        .set({ evaluation: change.evaluation, evaluatedAt: now() })
        .where(eq(schema.juvenileGuardianshipOrders.id, order.id));
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: change.kind === 'attendance' ? 'juvenile.orderSession' : 'juvenile.evaluateOrder',
      targetType: 'case',
      targetId: order.caseId,
      ip: options.ip,
      detail: { orderId: order.id, ...change },
    });
  });
  return getJuvenileCase(database, { id: order.caseId, user, full: false, ip: options.ip });
}
