import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { approvalLevel } from '@procura/domain/approvals';
import { maskName } from '@procura/domain/juvenile/mask';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { approvers, notifyUsers } from '../notifications/recipients.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail } from './schema.ts';

/** Asks the department head to allow a further inquiry of a child victim, with the reason. */
export async function requestInquiry(
  database: Database,
  options: { id: number; input: { minorId: number; reason: string }; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, id, user, { lock: true });
    assertOpen(row);
    const minor = await loadMinor(tx, id, input.minorId);
    if (minor.role !== 'victim') throw new DomainError('VALIDATION', '再次询问申请只适用于未成年被害人');
    const open = await tx
      .select({ id: schema.juvenileInquiryRequests.id })
      .from(schema.juvenileInquiryRequests)
      .where(
        and(
          eq(schema.juvenileInquiryRequests.minorId, minor.id),
          eq(schema.juvenileInquiryRequests.state, 'pending'),
        ),
      );
    if (open.length > 0)
      throw new DomainError('CONFLICT', `被害人${maskName(minor.name)}已有待审批的再次询问申请`);
    const [request] = await tx
      .insert(schema.juvenileInquiryRequests)
      .values({ caseId: id, minorId: minor.id, reason: input.reason, state: 'pending', requestedBy: user.id })
      .returning({ id: schema.juvenileInquiryRequests.id });
    // The department's heads decide; a head's own request goes to the deputies and the chief.
    const deciders = await approvers(tx, {
      departmentId: row.departmentId,
      level: approvalLevel([user]),
      authorIds: [user.id],
    });
    await notifyUsers(tx, deciders, {
      actorId: user.id,
      kind: 'juvenileInquiry',
      text: `${user.displayName}申请再次询问案件${row.caseNumber}的被害人${maskName(minor.name)}，请审批`,
      link: `/juvenile/cases/${id}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.requestInquiry',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { requestId: request!.id, minorId: minor.id, reason: input.reason },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
