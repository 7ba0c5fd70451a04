import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { roleLabels, type TLine, type TRole } from '@procura/domain/roles';
import { eq } from 'drizzle-orm';

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  roleLabel: string;
  /** `line`: the department's line of work (刑事检察, 公益诉讼检察 …), which decides its menu. */
  department: { id: number; name: string; line: TLine } | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

/** The columns of a signed-in user, read with their session in one statement (sessions.ts). */
export const sessionUserColumns = {
  id: schema.users.id,
  username: schema.users.username,
  displayName: schema.users.displayName,
  role: schema.users.role,
  disabled: schema.users.disabled,
  mustChangePassword: schema.users.mustChangePassword,
  departmentId: schema.departments.id,
  departmentName: schema.departments.name,
  departmentLine: schema.departments.line,
};

type SessionUserRow = {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  disabled: boolean;
  mustChangePassword: boolean;
  departmentId: number | null;
  departmentName: string | null;
  departmentLine: string | null;
};

export function presentSessionUser(row: SessionUserRow): SessionUser {
  const role = row.role;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role,
    roleLabel: roleLabels[role],
    department:
      row.departmentId !== null && row.departmentName !== null
        ? { id: row.departmentId, name: row.departmentName, line: row.departmentLine as TLine }
        : null,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
  };
}

export async function loadUser(db: Executor, userId: number): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(schema.users)
    .leftJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId))
    .where(eq(schema.users.id, userId));
  return row ? presentSessionUser(row) : null;
}
