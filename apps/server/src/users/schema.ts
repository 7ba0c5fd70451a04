import { ZRole } from '@procura/domain/roles';
import { z } from 'zod';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  department: z.object({ id: z.number(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ items: z.array(ZUser), total: z.number() });
export type TUserList = z.infer<typeof ZUserList>;

export const ZUserQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  role: ZRole.optional(),
  departmentId: ZIdParam.optional(),
  ...ZPageQuery(),
});

const ZUsername = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和横线');

export const ZCreateUserBody = z.strictObject({
  username: ZUsername,
  displayName: z.string().trim().min(1, '请输入姓名').max(32, '姓名不能超过 32 个字符'),
  role: ZRole,
  departmentId: ZId.nullable(),
  password: z.string().max(256),
});
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;

export const ZUpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1, '请输入姓名').max(32).optional(),
  role: ZRole.optional(),
  departmentId: ZId.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;

export const ZResetPasswordBody = z.strictObject({ password: z.string().max(256) });

export const ZUserIdParams = z.strictObject({ id: ZIdParam });
