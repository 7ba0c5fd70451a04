import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertHandler, loadDepartment } from '../cases/assignment.ts';
import { DomainError, forbidden } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { notify } from '../notifications/notify.ts';
import type { TReassignBody, TReassignResult } from './schema.ts';

const { clues, cases, users } = schema;

/** A head reassigns in their own department; the chief and deputies anywhere. */
function assertMayReassign(user: SessionUser, departmentId: number, what: string): void {
  if (user.role === 'chief' || user.role === 'deputyChief') return;
  if (user.role === 'departmentHead' && user.department?.id === departmentId) return;
  throw forbidden(`${what}不在本部门，不能改派`);
}

async function nameOf(tx: Executor, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/**
 * 改派: one or many clues and cases to another handler, with a reason. All or nothing; deadlines
 * stay with their records; one audit entry per record; the new handler is notified of each.
 */
export async function reassignRecords(
  database: Database,
  options: { input: TReassignBody; user: SessionUser; ip: string | null },
): Promise<TReassignResult> {
  const { input, user } = options;
  return database.db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, input.toHandlerId));
    if (!target) throw new DomainError('VALIDATION', `承办人 ${input.toHandlerId} 不存在或已停用`);
    const result: TReassignResult = {
      toHandler: { id: target.id, name: target.displayName },
      clues: [],
      cases: [],
    };
    const caseRows = input.caseIds.length
      ? await tx.select().from(cases).where(inArray(cases.id, input.caseIds)).orderBy(cases.id).for('update')
      : [];
    const clueRows = input.clueIds.length
      ? await tx.select().from(clues).where(inArray(clues.id, input.clueIds)).orderBy(clues.id).for('update')
      : [];
    // A sealed record does not exist outside the juvenile department, here as in the lists.
    for (const row of caseRows) {
      if (await sealedFrom(tx, user, row.id)) throw new DomainError('NOT_FOUND', `案件 ${row.id} 不存在`);
    }
    const missingCase = input.caseIds.find((id) => !caseRows.some((r) => r.id === id));
    if (missingCase) throw new DomainError('NOT_FOUND', `案件 ${missingCase} 不存在`);
    const missingClue = input.clueIds.find((id) => !clueRows.some((r) => r.id === id));
    if (missingClue) throw new DomainError('NOT_FOUND', `线索 ${missingClue} 不存在`);
    const now = new Date();
    for (const row of caseRows) {
      assertMayReassign(user, row.departmentId, `案件${row.caseNumber}`);
      if (row.closedAt) throw new DomainError('CONFLICT', `案件${row.caseNumber}已办结，不能改派`);
      if (row.handlerId === target.id)
        throw new DomainError('CONFLICT', `案件${row.caseNumber}已由${target.displayName}承办`);
      await assertHandler(tx, target.id, await loadDepartment(tx, row.departmentId));
      const from = await nameOf(tx, row.handlerId);
      await tx.update(cases).set({ handlerId: target.id, updatedAt: now }).where(eq(cases.id, row.id));
      await tx.insert(schema.caseEvents).values({
        caseId: row.id,
        kind: 'note',
        at: now,
        actorId: user.id,
        actorName: user.displayName,
        note: `改派承办人：${from ?? '（无）'} → ${target.displayName}；理由：${input.reason}`,
        data: {
          reassigned: true,
          fromHandlerId: row.handlerId,
          toHandlerId: target.id,
          reason: input.reason,
        },
      });
      await notify(tx, {
        userId: target.id,
        kind: 'reassigned',
        text: `${user.displayName}将案件${row.caseNumber}「${row.title}」改派由您承办：${input.reason}`,
        link: `/cases/${row.id}`,
      });
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'case.reassign',
        targetType: 'case',
        targetId: row.id,
        ip: options.ip,
        detail: {
          caseNumber: row.caseNumber,
          fromHandlerId: row.handlerId,
          toHandlerId: target.id,
          reason: input.reason,
        },
      });
      result.cases.push({ id: row.id, caseNumber: row.caseNumber, from });
    }
    for (const row of clueRows) {
      assertMayReassign(user, row.departmentId, `线索「${row.title}」`);
      if (row.handlerId === target.id)
        throw new DomainError('CONFLICT', `线索「${row.title}」已由${target.displayName}承办`);
      await assertHandler(tx, target.id, await loadDepartment(tx, row.departmentId));
      const from = await nameOf(tx, row.handlerId);
      await tx.update(clues).set({ handlerId: target.id, updatedAt: now }).where(eq(clues.id, row.id));
      await notify(tx, {
        userId: target.id,
        kind: 'reassigned',
        text: `${user.displayName}将线索「${row.title}」改派由您承办：${input.reason}`,
        link: `/clues/${row.id}`,
      });
      await recordAudit(tx, {
        actor: actorOf(user),
        action: 'clue.reassign',
        targetType: 'clue',
        targetId: row.id,
        ip: options.ip,
        detail: { fromHandlerId: row.handlerId, toHandlerId: target.id, reason: input.reason },
      });
      result.clues.push({ id: row.id, title: row.title, from });
    }
    return result;
  });
}
