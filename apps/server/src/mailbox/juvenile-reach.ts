import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { recordReach } from '@procura/domain/policy';
import type { TRole } from '@procura/domain/roles';
import { and, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';

const { departments, users } = schema;

/**
 * Letters, partner schools and check records belong to the juvenile line (未检): its staff and the
 * chief and deputies reach them. As with clues and cases, other departments' staff find nothing:
 * lists come back empty and a record is "not found".
 */
export async function reachesJuvenile(db: Executor, user: SessionUser): Promise<boolean> {
  if (recordReach(user.role) === 'all') return true;
  return Boolean(user.department && (await isJuvenileDepartment(db, user.department.id)));
}

/** For a record of the juvenile line: "not found" to whoever does not reach it. */
export async function assertJuvenileRecord(db: Executor, user: SessionUser, what: string): Promise<void> {
  if (!(await reachesJuvenile(db, user))) throw notFound(what);
}

/** For creating something of the juvenile line. */
export async function assertJuvenileStaff(db: Executor, user: SessionUser, what: string): Promise<void> {
  if (!(await reachesJuvenile(db, user))) throw forbidden(`${what}由未成年人检察部门办理`);
}

export async function isJuvenileDepartment(db: Executor, departmentId: number): Promise<boolean> {
  const [row] = await db
    .select({ line: departments.line })
    .from(departments)
    .where(eq(departments.id, departmentId));
  return row?.line === 'juvenile';
}

/** The department a juvenile record goes to: the user's own, or (for the chief) the juvenile department. */
export async function juvenileDepartmentFor(db: Executor, user: SessionUser): Promise<number> {
  if (user.department && (await isJuvenileDepartment(db, user.department.id))) return user.department.id;
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.line, 'juvenile'))
    .orderBy(departments.sortOrder)
    .limit(1);
  if (!row) throw new DomainError('VALIDATION', '未设置未成年人检察部门，请管理员先建立该部门');
  return row.id;
}

const staffRoles: TRole[] = ['chief', 'deputyChief', 'departmentHead', 'prosecutor', 'assistant', 'clerk'];

/** Active staff of every juvenile department: who is told at once about an urgent letter. */
export async function juvenileStaffIds(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(departments.line, 'juvenile'), eq(users.disabled, false), inArray(users.role, staffRoles)));
  return rows.map((r) => r.id);
}
