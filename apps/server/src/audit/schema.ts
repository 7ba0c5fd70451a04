import { z } from 'zod';
import { ZDateTime } from '../http/dates.ts';
import { ZPageQuery } from '../http/paging.ts';

export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditList = z.object({ items: z.array(ZAuditEntry), total: z.number() });
export type TAuditList = z.infer<typeof ZAuditList>;

export const ZAuditQuery = z.strictObject({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
  ...ZPageQuery(50),
});

export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  broken: z.object({ id: z.number(), reason: z.string() }).nullable(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;
