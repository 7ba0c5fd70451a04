import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import type { Scope } from './metrics/measure.ts';

/**
 * Whose figures a user sees, by the lists' reach rules: the chief and deputies the whole
 * procuratorate, a department head their own department (routes admit no one else).
 */
export function cockpitScope(user: SessionUser): Scope & { label: string } {
  const listsSealed = user.department?.line === 'juvenile';
  if (user.role === 'chief' || user.role === 'deputyChief') {
    return { departmentId: null, listsSealed, label: '全院' };
  }
  if (!user.department) throw new DomainError('FORBIDDEN', '部门负责人未设所属部门，无法查看驾驶舱');
  return { departmentId: user.department.id, listsSealed, label: user.department.name };
}
