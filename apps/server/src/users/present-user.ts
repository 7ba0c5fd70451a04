import type { schema } from '@procura/db';
import { roleLabels } from '@procura/domain/roles';
import type { TUser } from './schema.ts';

type UserRow = typeof schema.users.$inferSelect;
type DepartmentRow = typeof schema.departments.$inferSelect;

/** `lockedSomewhere`: five wrong passwords from one address still lock it out there. */
export function presentUser(
  user: UserRow,
  department: DepartmentRow | null,
  lockedSomewhere = false,
  now = new Date(),
): TUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: roleLabels[user.role],
    department: department ? { id: department.id, name: department.name } : null,
    disabled: user.disabled,
    locked: lockedSomewhere || Boolean(user.lockedUntil && user.lockedUntil > now),
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
  };
}
