import { patrolFindingKindIds, patrolKindIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId } from '../http/ids.ts';

const ZFindingInput = z.strictObject({
  shopName: z.string().trim().min(1, '请填写店铺名称').max(200),
  link: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
  kind: z.enum(patrolFindingKindIds),
  note: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
});

export const ZCreatePatrolBody = z.strictObject({
  kind: z.enum(patrolKindIds),
  platform: z.string().trim().min(1, '请填写平台名称').max(200),
  patrolledBy: z.string().trim().min(1, '请填写巡查人').max(200),
  patrolledOn: ZDay,
  findings: z.array(ZFindingInput).max(500).default([]),
});
export type TCreatePatrolBody = z.infer<typeof ZCreatePatrolBody>;

export const ZAddFindingBody = ZFindingInput;
export type TAddFindingBody = z.infer<typeof ZAddFindingBody>;

export const ZFinding = z.object({
  id: z.number(),
  shopName: z.string(),
  link: z.string().nullable(),
  kind: z.enum(patrolFindingKindIds),
  note: z.string().nullable(),
  clueId: z.number().nullable(),
  /** 截图 (attachments owned by the finding). */
  screenshots: z.array(ZAttachment),
  /** Earlier patrols (of this department's reach) that found the same shop: 重复发现. */
  repeatOf: z.array(z.object({ patrolId: z.number(), patrolledOn: z.string(), findingId: z.number() })),
});

export const ZPatrol = z.object({
  id: z.number(),
  departmentId: z.number(),
  kind: z.enum(patrolKindIds),
  platform: z.string(),
  patrolledBy: z.string(),
  patrolledOn: z.string(),
  findings: z.array(ZFinding),
});
export type TPatrol = z.infer<typeof ZPatrol>;

export const ZPatrolSummary = z.object({
  id: z.number(),
  kind: z.enum(patrolKindIds),
  platform: z.string(),
  patrolledBy: z.string(),
  patrolledOn: z.string(),
  findings: z.number(),
  clues: z.number(),
});
export const ZPatrolList = z.object({ items: z.array(ZPatrolSummary) });

export const ZMakeCluesBody = z.strictObject({
  findingIds: z.array(ZId).min(1, '请选择至少一条发现').max(500),
  handlerId: ZId.optional(),
});
export const ZMakeCluesResult = z.object({
  clues: z.array(z.object({ findingId: z.number(), clueId: z.number() })),
});
