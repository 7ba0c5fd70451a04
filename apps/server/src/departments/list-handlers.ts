import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { recordReach } from '@procura/domain/policy';
import { roleLabels, type TRole } from '@procura/domain/roles';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import type { THandler } from './schema.ts';

/** Roles that handle casework; admins and analysts are never 承办人. */
const handlerRoles: TRole[] = ['chief', 'deputyChief', 'departmentHead', 'prosecutor', 'assistant', 'clerk'];

/** Active colleagues the user may see as handlers: everyone for the chief and deputies, else the department. */
export async function listHandlers(db: Executor, user: SessionUser): Promise<THandler[]> {
  const { users, departments } = schema;
  const conditions: SQL[] = [eq(users.disabled, false), inArray(users.role, handlerRoles)];
  if (recordReach(user.role) !== 'all') {
    if (!user.department) return [];
    conditions.push(eq(users.departmentId, user.department.id));
  }
  const rows = await db
    .select({ user: users, department: departments })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(...conditions))
    .orderBy(asc(departments.sortOrder), asc(users.id));
  return rows.map(({ user: u, department }) => ({
    id: u.id,
    displayName: u.displayName,
    roleLabel: roleLabels[u.role as TRole],
    department: { id: department.id, name: department.name },
  }));
}
