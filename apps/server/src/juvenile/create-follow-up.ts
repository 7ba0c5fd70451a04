import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { cleanName } from '@procura/domain/clean/name';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertHandler, loadDepartment } from '../cases/assignment.ts';
import { DomainError } from '../errors.ts';
import { getFollowUp } from './list-follow-ups.ts';
import { loadJuvenileCase } from './load-juvenile-case.ts';
import type { TFollowUp, TFollowUpBody } from './schema.ts';

/** A follow-up education plan (跟踪帮教) in the user's juvenile department, with its visit due dates. */
export async function createFollowUp(
  database: Database,
  options: { input: TFollowUpBody; user: SessionUser; ip: string | null },
): Promise<TFollowUp> {
  const { input, user } = options;
  const name = cleanName(input.minorName);
  if (!name.ok) throw new DomainError('VALIDATION', `字段 minorName：${name.reason}`);
  if (input.visitDueDates.some((d) => d < input.startedOn)) {
    throw new DomainError('VALIDATION', '字段 visitDueDates：回访日期不能早于帮教开始日期');
  }
  const id = await database.db.transaction(async (tx) => {
    if (!user.department) throw new DomainError('VALIDATION', '您不属于任何部门，不能建立帮教计划');
    const department = await loadDepartment(tx, user.department.id);
    if (department.line !== 'juvenile')
      throw new DomainError('VALIDATION', '跟踪帮教计划由未成年人检察部门建立');
    if (input.caseId) await loadJuvenileCase(tx, input.caseId, user);
    if (input.subject === 'caseInvolved' && !input.caseId) {
      throw new DomainError('VALIDATION', '字段 caseId：涉案未成年人的帮教计划须关联案件');
    }
    const handlerId = input.handlerId ?? user.id;
    if (input.handlerId) await assertHandler(tx, input.handlerId, department);
    const [plan] = await tx
      .insert(schema.juvenileFollowUps)
      .values({
        departmentId: department.id,
        handlerId,
        caseId: input.caseId ?? null,
        subject: input.subject,
        minorName: name.value,
        goal: input.goal,
        startedOn: input.startedOn,
        createdBy: user.id,
      })
      .returning({ id: schema.juvenileFollowUps.id });
    await tx
      .insert(schema.juvenileFollowUpVisits)
      .values([...new Set(input.visitDueDates)].map((dueOn) => ({ followUpId: plan!.id, dueOn })));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.createFollowUp',
      targetType: 'juvenileFollowUp',
      targetId: plan!.id,
      ip: options.ip,
      detail: { subject: input.subject, caseId: input.caseId ?? null, visits: input.visitDueDates.length },
    });
    return plan!.id;
  });
  return getFollowUp(database.db, id, user);
}
