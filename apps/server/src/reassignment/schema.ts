import { z } from 'zod';
import { ZId } from '../http/ids.ts';

export const ZReassignBody = z
  .strictObject({
    clueIds: z.array(ZId).max(500).default([]),
    caseIds: z.array(ZId).max(500).default([]),
    toHandlerId: ZId,
    reason: z.string().trim().min(2, '请填写改派理由（至少 2 个字）').max(500),
  })
  .refine((b) => b.clueIds.length + b.caseIds.length > 0, {
    message: '请选择要改派的线索或案件',
    path: ['caseIds'],
  });
export type TReassignBody = z.infer<typeof ZReassignBody>;

export const ZReassignResult = z.object({
  toHandler: z.object({ id: z.number(), name: z.string() }),
  clues: z.array(z.object({ id: z.number(), title: z.string(), from: z.string().nullable() })),
  cases: z.array(z.object({ id: z.number(), caseNumber: z.string(), from: z.string().nullable() })),
});
export type TReassignResult = z.infer<typeof ZReassignResult>;
