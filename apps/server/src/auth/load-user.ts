import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { roleLabels, type TRole } from '@procura/domain/roles';
import { eq } from 'drizzle-orm';

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  roleLabel: string;
  department: { id: number; name: string } | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

export async function loadUser(db: Executor, userId: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: schema.users, department: schema.departments })
    .from(schema.users)
    .leftJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId))
    .where(eq(schema.users.id, userId));
  if (!row) return null;
  const role = row.user.role as TRole;
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role,
    roleLabel: roleLabels[role],
    department: row.department ? { id: row.department.id, name: row.department.name } : null,
    disabled: row.user.disabled,
    mustChangePassword: row.user.mustChangePassword,
  };
}
