import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import type { TApprovalLevel } from '@procura/domain/approvals';
import type { TRole } from '@procura/domain/roles';
import { and, eq, inArray } from 'drizzle-orm';
import { loadCases } from '../cases/present-case.ts';
import { loadClues } from '../clues/present-clue.ts';
import { notify } from './notify.ts';

const { users } = schema;

/** Active accounts of these roles, in one department or (null) anywhere. */
export async function activeUsers(
  tx: Executor,
  roles: readonly TRole[],
  departmentId: number | null,
): Promise<{ id: number; role: TRole }[]> {
  const rows = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...roles]),
        eq(users.disabled, false),
        departmentId === null ? undefined : eq(users.departmentId, departmentId),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => ({ id: r.id, role: r.role as TRole }));
}

/**
 * Who must approve a document of this department at this level, the authors left out: the
 * department's heads, or the deputies and the chief (also when the department has no other head).
 */
export async function approvers(
  tx: Executor,
  options: { departmentId: number; level: TApprovalLevel; authorIds: number[] },
): Promise<number[]> {
  const authors = new Set(options.authorIds);
  if (options.level === 'departmentHead') {
    const heads = (await activeUsers(tx, ['departmentHead'], options.departmentId)).filter(
      (u) => !authors.has(u.id),
    );
    if (heads.length > 0) return heads.map((u) => u.id);
  }
  return (await activeUsers(tx, ['chief', 'deputyChief'], null))
    .filter((u) => !authors.has(u.id))
    .map((u) => u.id);
}

/** The role of each of these users (for the four-eyes rule). */
export async function rolesOf(tx: Executor, ids: number[]): Promise<{ id: number; role: TRole }[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return rows.map((r) => ({ id: r.id, role: r.role as TRole }));
}

/** 案件…「title」 as the pages show it: a minor's name masked (未成年人保护法 第一百零三条). */
export async function caseLabel(tx: Executor, caseId: number): Promise<string> {
  const [found] = await loadCases(tx, [caseId]);
  return found ? `案件${found.caseNumber}「${found.title}」` : `案件 ${caseId}`;
}

/** 线索「title」 as the pages show it: a minor's name masked. */
export async function clueLabel(tx: Executor, clueId: number): Promise<string> {
  const [found] = await loadClues(tx, [clueId]);
  return `线索「${found?.title ?? ''}」`;
}

/**
 * One message to each of these users (duplicates and nulls dropped), never to the one who made
 * the change: inside the transaction of the change, like notify.
 */
export async function notifyUsers(
  tx: Executor,
  userIds: readonly (number | null | undefined)[],
  input: { actorId: number | null; kind: string; text: string; link?: string | null },
): Promise<number[]> {
  const told = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))].filter(
    (id) => id !== input.actorId,
  );
  for (const userId of told)
    await notify(tx, { userId, kind: input.kind, text: input.text, link: input.link });
  return told;
}
