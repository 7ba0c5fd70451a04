import { roles, type TRole } from './roles.ts';

/**
 * Authorisation as data: every API route names one of these actions, and a request passes
 * only when the user's role is listed. `scope` says which records the action reaches
 * once allowed; services apply it (a department head sees the department, and so on).
 */
type Rule = { roles: readonly TRole[]; scope: 'all' | 'department' | 'own'; label: string };

const everyone = roles;

export const policy = {
  'department.list': { roles: everyone, scope: 'all', label: '查看部门' },
  'user.list': { roles: ['admin'], scope: 'all', label: '查看用户' },
  'user.create': { roles: ['admin'], scope: 'all', label: '创建用户' },
  'user.update': { roles: ['admin'], scope: 'all', label: '修改用户' },
  'user.resetPassword': { roles: ['admin'], scope: 'all', label: '重置密码' },
  'audit.list': { roles: ['chief', 'admin'], scope: 'all', label: '查看审计日志' },
  'audit.verify': { roles: ['chief', 'admin'], scope: 'all', label: '校验审计日志' },
} as const satisfies Record<string, Rule>;

export type TAction = keyof typeof policy;
export const actions = Object.keys(policy) as TAction[];

/** Routes that need no login, or only a login, name one of these instead of an action. */
export type TRouteAccess = TAction | 'public' | 'authenticated';

export function can(role: TRole, action: TAction): boolean {
  return (policy[action].roles as readonly TRole[]).includes(role);
}

export function allowedActions(role: TRole): TAction[] {
  return actions.filter((action) => can(role, action));
}
