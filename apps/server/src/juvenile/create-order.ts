import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail, TOrderBody } from './schema.ts';

/** Drafts a 督促监护令 to a minor's parent or guardian, with its family-education guidance plan. */
export async function createOrder(
  database: Database,
  options: { id: number; input: TOrderBody; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, id, user, { lock: true });
    assertOpen(row);
    await loadMinor(tx, id, input.minorId);
    const [order] = await tx
      .insert(schema.juvenileGuardianshipOrders)
      .values({
        caseId: id,
        minorId: input.minorId,
        guardianName: input.guardianName,
        relation: input.relation,
        facts: input.facts,
        requirements: input.requirements,
        partnerBody: input.partnerBody,
        sessions: input.sessions.map((s) => ({ ...s, attended: null, note: null })),
        createdBy: user.id,
      })
      .returning({ id: schema.juvenileGuardianshipOrders.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.createOrder',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { orderId: order!.id, partnerBody: input.partnerBody, sessions: input.sessions.length },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
