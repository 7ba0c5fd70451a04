import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { recordReach } from '@procura/domain/policy';
import { handlerRoles, roleLabels } from '@procura/domain/roles';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import type { THandler } from './schema.ts';

/** Active colleagues who may be 承办人 (and so be chosen in a reassignment), as far as the user sees: everyone for the chief and deputies, else the department. */
export async function listHandlers(db: Executor, user: SessionUser): Promise<THandler[]> {
  const { users, departments } = schema;
  const conditions: SQL[] = [eq(users.disabled, false), inArray(users.role, [...handlerRoles])];
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
    roleLabel: roleLabels[u.role],
    department: { id: department.id, name: department.name },
  }));
}
