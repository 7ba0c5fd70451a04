import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { handlerRoles, type TLine } from '@procura/domain/roles';
import { eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

export async function loadDepartment(
  tx: Executor,
  departmentId: number,
): Promise<{ id: number; name: string; line: TLine }> {
  const [department] = await tx
    .select({ id: schema.departments.id, name: schema.departments.name, line: schema.departments.line })
    .from(schema.departments)
    .where(eq(schema.departments.id, departmentId));
  if (!department) throw new DomainError('VALIDATION', `部门 ${departmentId} 不存在`);
  return { ...department, line: department.line };
}

/**
 * A handler (承办人) is an active prosecutor, head or chief of the department that holds the record.
 * Someone outside that department answers exactly as a missing user: the id tells nothing, and
 * no name of another department's staff is given away.
 */
export async function assertHandler(
  tx: Executor,
  handlerId: number,
  department: { id: number; name: string },
) {
  const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, handlerId));
  const isLeader = user?.role === 'chief' || user?.role === 'deputyChief';
  if (!user || user.disabled || (!isLeader && user.departmentId !== department.id)) {
    throw new DomainError('VALIDATION', `承办人 ${handlerId} 不存在或不在${department.name}`);
  }
  if (!handlerRoles.includes(user.role)) {
    throw new DomainError('VALIDATION', `${user.displayName}不是检察官，不能担任承办人`);
  }
}
