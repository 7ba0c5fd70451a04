import type { Executor } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { loadDepartment } from '../cases/assignment.ts';
import { DomainError, forbidden } from '../errors.ts';
import { queryDeadlines, recordDepartmentId } from './present-deadline.ts';
import { deadlineStatuses, type TDeadlineBoard } from './schema.ts';

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
  const counts = Object.fromEntries(deadlineStatuses.map((s) => [s, 0])) as TDeadlineBoard['counts'];
  for (const deadline of all) counts[deadline.status] += 1;
  return {
    department: { id: department.id, name: department.name },
    counts,
    items: all.filter((d) => d.status !== 'done'),
  };
}
