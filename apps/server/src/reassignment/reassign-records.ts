import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertHandler, loadDepartment } from '../cases/assignment.ts';
import { loadCases } from '../cases/present-case.ts';
import { reaches } from '../cases/record-reach.ts';
import * as clock from '../clock.ts';
import { loadClues } from '../clues/present-clue.ts';
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

/**
 * The reach of the GET routes, applied to ids in a body: a record the user could not open
 * (another department's, a sealed one outside the juvenile department) answers exactly as a
 * missing id, without its title.
 */
async function assertReached(
  tx: Executor,
  user: SessionUser,
  kind: '案件' | '线索',
  ids: number[],
  rows: { id: number; departmentId: number; handlerId: number | null; caseId: number | null }[],
): Promise<void> {
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    const reached = row && reaches(user, row) && !(await sealedFrom(tx, user, row.caseId));
    if (!reached) throw new DomainError('NOT_FOUND', `${kind} ${id} 不存在`);
  }
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
    const caseRows = input.caseIds.length
      ? await tx.select().from(cases).where(inArray(cases.id, input.caseIds)).orderBy(cases.id).for('update')
      : [];
    const clueRows = input.clueIds.length
      ? await tx.select().from(clues).where(inArray(clues.id, input.clueIds)).orderBy(clues.id).for('update')
      : [];
    await assertReached(
      tx,
      user,
      '案件',
      input.caseIds,
      caseRows.map((r) => ({ ...r, caseId: r.id })),
    );
    await assertReached(tx, user, '线索', input.clueIds, clueRows);
    const [target] = await tx.select().from(users).where(eq(users.id, input.toHandlerId));
    if (!target) {
      // As assertHandler answers for someone of another department: a user id tells nothing.
      const first = caseRows[0] ?? clueRows[0];
      await assertHandler(tx, input.toHandlerId, await loadDepartment(tx, first!.departmentId));
      throw new DomainError('VALIDATION', `承办人 ${input.toHandlerId} 不存在`);
    }
    const result: TReassignResult = {
      toHandler: { id: target.id, name: target.displayName },
      clues: [],
      cases: [],
    };
    // Titles as the pages show them: a minor's name masked.
    const caseTitles = new Map(
      (
        await loadCases(
          tx,
          caseRows.map((r) => r.id),
        )
      ).map((c) => [c.id, c.title]),
    );
    const clueTitles = new Map(
      (
        await loadClues(
          tx,
          clueRows.map((r) => r.id),
        )
      ).map((c) => [c.id, c.title]),
    );
    const now = clock.now();
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
        text: `${user.displayName}将案件${row.caseNumber}「${caseTitles.get(row.id) ?? ''}」改派由您承办：${input.reason}`,
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
      const title = clueTitles.get(row.id) ?? '';
      assertMayReassign(user, row.departmentId, `线索 ${row.id} `);
      if (row.handlerId === target.id)
        throw new DomainError('CONFLICT', `线索「${title}」已由${target.displayName}承办`);
      await assertHandler(tx, target.id, await loadDepartment(tx, row.departmentId));
      const from = await nameOf(tx, row.handlerId);
      await tx.update(clues).set({ handlerId: target.id, updatedAt: now }).where(eq(clues.id, row.id));
      await notify(tx, {
        userId: target.id,
        kind: 'reassigned',
        text: `${user.displayName}将线索「${title}」改派由您承办：${input.reason}`,
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
      result.clues.push({ id: row.id, title, from });
    }
    return result;
  });
}
