import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { approvalProblem } from '@procura/domain/approvals';
import { maskName } from '@procura/domain/juvenile/mask';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { notifyUsers, rolesOf } from '../notifications/recipients.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail } from './schema.ts';

/**
 * The head of the case's department (or the chief, a deputy) approves or refuses a further
 * inquiry; never the one who asked, and a head's own request only a deputy or the chief (four eyes).
 */
export async function decideInquiry(
  database: Database,
  options: { id: number; input: { approve: boolean; note?: string }; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { input, user } = options;
  const [request] = await database.db
    .select()
    .from(schema.juvenileInquiryRequests)
    .where(eq(schema.juvenileInquiryRequests.id, options.id));
  if (!request) throw notFound('再次询问申请');
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, request.caseId, user, { lock: true });
    if (user.role === 'departmentHead' && user.department?.id !== row.departmentId) {
      throw forbidden('只能审批本部门案件的再次询问申请');
    }
    const [current] = await tx
      .select()
      .from(schema.juvenileInquiryRequests)
      .where(eq(schema.juvenileInquiryRequests.id, request.id))
      .for('update');
    if (current!.state !== 'pending') throw new DomainError('CONFLICT', '该申请已审批，不能重复审批');
    const problem = approvalProblem({
      approver: user,
      authors: await rolesOf(tx, [current!.requestedBy]),
      what: '再次询问申请',
    });
    if (problem) throw forbidden(problem);
    if (!input.approve && !input.note) throw new DomainError('VALIDATION', '字段 note：不予批准须说明理由');
    await tx
      .update(schema.juvenileInquiryRequests)
      .set({
        state: input.approve ? 'approved' : 'refused',
        decidedBy: user.id,
        decidedAt: now(),
        decisionNote: input.note ?? null,
      })
      .where(eq(schema.juvenileInquiryRequests.id, request.id));
    const minor = await loadMinor(tx, row.id, current!.minorId);
    await notifyUsers(tx, [current!.requestedBy], {
      actorId: user.id,
      kind: 'juvenileInquiryDecided',
      text: `${user.displayName}${input.approve ? '批准' : '不予批准'}再次询问案件${row.caseNumber}的被害人${maskName(minor.name)}${input.note ? `：${input.note}` : ''}`,
      link: `/juvenile/cases/${row.id}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.decideInquiry',
      targetType: 'case',
      targetId: row.id,
      ip: options.ip,
      detail: { requestId: request.id, approve: input.approve, note: input.note ?? null },
    });
  });
  return getJuvenileCase(database, { id: request.caseId, user, full: false, ip: options.ip });
}
