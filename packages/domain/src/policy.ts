import { roles, type TRole } from './roles.ts';

/**
 * Authorisation as data: every API route names one of these actions, and a request passes
 * only when the user's role is listed. `scope` says which records the action reaches
 * once allowed; services apply it (a department head sees the department, and so on).
 */
type Rule = { roles: readonly TRole[]; scope: 'all' | 'department' | 'own'; label: string };

const everyone = roles;
/** Roles that handle casework: they see their department's records and those assigned to them. */
const caseworkers = ['chief', 'deputyChief', 'departmentHead', 'prosecutor', 'assistant', 'clerk'] as const;
const deciders = ['chief', 'deputyChief', 'departmentHead', 'prosecutor'] as const;
const heads = ['chief', 'deputyChief', 'departmentHead'] as const;

export const policy = {
  'department.list': { roles: everyone, scope: 'all', label: '查看部门' },
  'user.list': { roles: ['admin'], scope: 'all', label: '查看用户' },
  'user.create': { roles: ['admin'], scope: 'all', label: '创建用户' },
  'user.update': { roles: ['admin'], scope: 'all', label: '修改用户' },
  'user.resetPassword': { roles: ['admin'], scope: 'all', label: '重置密码' },
  'audit.list': { roles: ['chief', 'admin'], scope: 'all', label: '查看审计日志' },
  'audit.verify': { roles: ['chief', 'admin'], scope: 'all', label: '校验审计日志' },
  'clue.read': { roles: caseworkers, scope: 'department', label: '查看线索' },
  // Analysts register clues from model hits (after human review) but do not read casework.
  'clue.create': { roles: [...caseworkers, 'analyst'], scope: 'department', label: '登记线索' },
  'clue.decide': { roles: deciders, scope: 'department', label: '线索处置（立案、不立案、移送）' },
  'clue.transfer': { roles: deciders, scope: 'department', label: '移送线索、记录移送反馈' },
  'case.read': { roles: caseworkers, scope: 'department', label: '查看案件' },
  'case.create': { roles: deciders, scope: 'department', label: '立案' },
  'case.update': { roles: caseworkers, scope: 'department', label: '记录办案过程与成效' },
  'case.transition': { roles: deciders, scope: 'department', label: '变更案件阶段' },
  'suggestion.read': { roles: caseworkers, scope: 'department', label: '查看检察建议' },
  'suggestion.write': {
    roles: caseworkers,
    scope: 'department',
    label: '起草检察建议、生成文书、记录送达回复整改',
  },
  // The use case narrows a department head to the case's own department.
  'suggestion.approve': { roles: heads, scope: 'department', label: '审批检察建议' },
  'suggestion.issue': { roles: deciders, scope: 'department', label: '签发检察建议（分配文号）' },
  'deadline.read': { roles: caseworkers, scope: 'department', label: '查看期限' },
  'deadline.board': { roles: heads, scope: 'department', label: '查看部门期限看板' },
  'deadline.pause': { roles: deciders, scope: 'department', label: '中止、恢复期限' },
  'calendar.manage': { roles: ['admin'], scope: 'all', label: '维护节假日安排' },
  'record.reassign': { roles: heads, scope: 'department', label: '改派线索和案件承办人' },
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

/**
 * Which clues and cases a role reaches once an action is allowed: the chief and deputies see
 * everything; everyone else who handles casework sees the department's records and the ones
 * assigned to them; the administrator and analyst see no case content.
 */
export type TRecordReach = 'all' | 'departmentOrAssigned' | 'none';

export function recordReach(role: TRole): TRecordReach {
  if (role === 'chief' || role === 'deputyChief') return 'all';
  if (role === 'admin' || role === 'analyst') return 'none';
  return 'departmentOrAssigned';
}
