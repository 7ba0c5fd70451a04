import { recordReach } from '@procura/domain/policy';
import type { TMe } from '@procura/server/auth/schema';

/** The chief and deputies see every department's records; others their own department's. */
export function seesAllDepartments(me: TMe): boolean {
  return recordReach(me.role) === 'all';
}

/** Whether the user reaches a record of this department (or assigned to them). */
export function reachesRecord(me: TMe, departmentId: number | undefined, handlerId?: number | null): boolean {
  if (seesAllDepartments(me)) return true;
  return departmentId === me.department?.id || (handlerId != null && handlerId === me.id);
}
