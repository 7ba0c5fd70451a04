import { z } from 'zod';
import { lineIds, roleIds } from './states.ts';

/** Roles from the glossary; the UI shows the Chinese label. */
export const roles = roleIds;

export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

export const roleLabels: Record<TRole, string> = {
  chief: '检察长',
  deputyChief: '副检察长',
  departmentHead: '部门负责人',
  prosecutor: '检察官',
  assistant: '检察官助理',
  clerk: '书记员',
  analyst: '数据分析员',
  admin: '系统管理员',
  school: '学校（幼儿园）账号',
  invitedAssistant: '特邀检察官助理',
  organisation: '外部单位',
  personnel: '政治部（组织人事）',
};

/**
 * 院领导 and heads: they reach sealed and juvenile records, so the administrator alone may not
 * create such an account, raise anyone to it or reset its password; the chief approves.
 */
export const leadershipRoles: readonly TRole[] = ['chief', 'deputyChief', 'departmentHead'];

/**
 * Who may be a record's 承办人: a prosecutor (检察官), a head, the chief or a deputy. Assistants and
 * clerks help on a case but never hold it; analysts and admins do no casework.
 */
export const handlerRoles: readonly TRole[] = ['chief', 'deputyChief', 'departmentHead', 'prosecutor'];

/** Lines of work a department belongs to (glossary: 刑检, 未检, 民事/行政, 公益诉讼…). */
export const lines = lineIds;

export const ZLine = z.enum(lines);
export type TLine = z.infer<typeof ZLine>;

export const lineLabels: Record<TLine, string> = {
  criminal: '刑事检察',
  civilAdministrative: '民事行政检察',
  publicInterest: '公益诉讼检察',
  juvenile: '未成年人检察',
  caseManagement: '案件管理',
  political: '政治工作',
  office: '院领导',
};
