import { ZRole } from '@procura/domain/roles';
import { accountRequestKindIds, accountRequestStatusIds } from '@procura/domain/states';
import { z } from 'zod';

export const accountRequestKinds = accountRequestKindIds;
export const accountRequestKindLabels: Record<(typeof accountRequestKinds)[number], string> = {
  create: '创建账号',
  elevate: '变更为领导角色',
  resetPassword: '重置密码',
};

export const ZAccountRequest = z.object({
  id: z.number(),
  kind: z.enum(accountRequestKinds),
  kindLabel: z.string(),
  status: z.enum(accountRequestStatusIds),
  userId: z.number().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  department: z.object({ id: z.number(), name: z.string() }).nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type TAccountRequest = z.infer<typeof ZAccountRequest>;

/** What the admin hears instead of 201/200/204 when the change needs the chief. */
export const ZAccountRequestPending = z.object({
  accountRequest: ZAccountRequest,
  message: z.string(),
});
export type TAccountRequestPending = z.infer<typeof ZAccountRequestPending>;

export const ZAccountRequestList = z.object({ items: z.array(ZAccountRequest) });
export type TAccountRequestList = z.infer<typeof ZAccountRequestList>;

export const ZAccountRequestQuery = z.strictObject({
  status: z.enum(['pending', 'all']).default('pending'),
});

export const ZAccountRequestIdParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2147483647),
});

export const ZAccountRequestDecision = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(200).optional(),
});
export type TAccountRequestDecision = z.infer<typeof ZAccountRequestDecision>;

export const ZAccountRequestDecided = z.object({
  accountRequest: ZAccountRequest,
  /** The generated password of a created or reset account, shown to the chief this once. */
  password: z.string().nullable(),
});
export type TAccountRequestDecided = z.infer<typeof ZAccountRequestDecided>;
