import { recordReach } from '@procura/domain/policy';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';

/**
 * The records (clues, cases) a user reaches: the chief and deputies all; other caseworkers their
 * department's and those assigned to them; nobody else any. Returns undefined for "no limit".
 */
export function reachCondition(
  user: Pick<SessionUser, 'id' | 'role' | 'department'>,
  columns: { departmentId: PgColumn; handlerId: PgColumn },
): SQL | undefined {
  const reach = recordReach(user.role);
  if (reach === 'all') return undefined;
  if (reach === 'none') return sql`false`;
  const assigned = eq(columns.handlerId, user.id);
  return user.department ? or(eq(columns.departmentId, user.department.id), assigned) : assigned;
}

/** Whether a user reaches one record of a department with a handler. */
export function reaches(
  user: Pick<SessionUser, 'id' | 'role' | 'department'>,
  record: { departmentId: number; handlerId: number | null },
): boolean {
  const reach = recordReach(user.role);
  if (reach === 'all') return true;
  if (reach === 'none') return false;
  return record.departmentId === user.department?.id || record.handlerId === user.id;
}
