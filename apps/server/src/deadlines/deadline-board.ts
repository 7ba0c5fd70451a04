import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { loadDepartment } from '../cases/assignment.ts';
import { DomainError, forbidden } from '../errors.ts';
import { queryDeadlines, recordDepartmentId } from './present-deadline.ts';
import { deadlineStatuses, type TDeadline, type TDeadlineBoard, type TDeadlineOverview } from './schema.ts';

/**
 * 部门期限看板: every deadline of the department's cases and clues with counts by status; the
 * list leaves out the completed ones. A head sees their own department, the chief any.
 */
export async function deadlineBoard(
  db: Executor,
  options: { departmentId?: number | undefined; user: SessionUser },
): Promise<TDeadlineBoard> {
  const { user } = options;
  const departmentId = options.departmentId ?? user.department?.id;
  if (!departmentId) throw new DomainError('VALIDATION', '请选择部门（departmentId）');
  const isLeader = user.role === 'chief' || user.role === 'deputyChief';
  if (!isLeader && departmentId !== user.department?.id) throw forbidden('只能查看本部门的期限看板');
  const department = await loadDepartment(db, departmentId);
  const all = await queryDeadlines(db, user, eq(recordDepartmentId, departmentId));
  return {
    department: { id: department.id, name: department.name },
    counts: countByStatus(all),
    items: all.filter((d) => d.status !== 'done'),
  };
}

function countByStatus(deadlines: TDeadline[]): TDeadlineBoard['counts'] {
  const counts = Object.fromEntries(deadlineStatuses.map((s) => [s, 0])) as TDeadlineBoard['counts'];
  for (const deadline of deadlines) counts[deadline.status] += 1;
  return counts;
}

/** Lines whose departments handle cases and clues: shown on the overview even with nothing due. */
const caseworkLines = new Set(['criminal', 'civilAdministrative', 'publicInterest', 'juvenile']);

/**
 * 全院期限看板 for the chief and deputies: the counts of every casework department side by side
 * (and of any other department that has deadlines), in the procuratorate's order, with the totals
 * and every unfinished deadline. 检察长办公室 has no cases, so it is not a board to open on.
 */
export async function deadlineOverview(db: Executor, user: SessionUser): Promise<TDeadlineOverview> {
  if (user.role !== 'chief' && user.role !== 'deputyChief') {
    throw forbidden('全院期限看板仅供检察长、副检察长查看；部门负责人请查看本部门看板');
  }
  const all = await queryDeadlines(db, user, undefined);
  const departments = await db
    .select({ id: schema.departments.id, name: schema.departments.name, line: schema.departments.line })
    .from(schema.departments)
    .orderBy(asc(schema.departments.sortOrder), asc(schema.departments.id));
  const byDepartment = new Map<number, TDeadline[]>();
  for (const deadline of all) {
    const id = deadline.record.department.id;
    byDepartment.set(id, [...(byDepartment.get(id) ?? []), deadline]);
  }
  return {
    counts: countByStatus(all),
    departments: departments
      .filter((d) => caseworkLines.has(d.line) || byDepartment.has(d.id))
      .map((d) => ({
        department: { id: d.id, name: d.name },
        counts: countByStatus(byDepartment.get(d.id) ?? []),
      })),
    items: all.filter((d) => d.status !== 'done'),
  };
}
