import { checkResultIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

export const ZUploadBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The .xlsx file in base64. */
  content: z.string().min(1, '文件内容为空'),
});
export type TUploadBody = z.infer<typeof ZUploadBody>;

export const checkResults = { clear: '无相关记录', review: '需人工核实' } as const satisfies Record<
  (typeof checkResultIds)[number],
  string
>;
export type TCheckResult = keyof typeof checkResults;
export const ZCheckResult = z.enum(checkResultIds);

export const ZOffenceRecordSet = z.object({
  id: z.number(),
  fileName: z.string(),
  rowCount: z.number(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  current: z.boolean(),
});
export type TOffenceRecordSet = z.infer<typeof ZOffenceRecordSet>;
export const ZOffenceRecordSetList = z.object({ items: z.array(ZOffenceRecordSet) });
export type TOffenceRecordSetList = z.infer<typeof ZOffenceRecordSetList>;

export const ZCheckedPerson = z.object({
  row: z.number(),
  name: z.string(),
  /** Masked (510108********0012) for display; the school typed the full number itself. */
  idNumberMasked: z.string(),
  position: z.string().nullable(),
  result: ZCheckResult,
  resultLabel: z.string(),
  /** Only for the juvenile department: why the person needs a manual check. Absent for schools. */
  review: z
    .array(
      z.object({
        confidence: z.string(),
        explanation: z.string(),
        records: z.array(z.object({ kind: z.string(), occurredOn: z.string().nullable(), row: z.number() })),
      }),
    )
    .optional(),
});
export type TCheckedPerson = z.infer<typeof ZCheckedPerson>;

export const ZCheckBatch = z.object({
  id: z.number(),
  school: z.object({ id: z.number(), name: z.string() }),
  requestedBy: z.string(),
  requestedAt: z.string(),
  fileName: z.string(),
  peopleCount: z.number(),
  reviewCount: z.number(),
});
export type TCheckBatch = z.infer<typeof ZCheckBatch>;

export const ZCheckBatchDetail = ZCheckBatch.extend({ people: z.array(ZCheckedPerson) });
export type TCheckBatchDetail = z.infer<typeof ZCheckBatchDetail>;

export const ZCheckBatchList = z.object({ items: z.array(ZCheckBatch), total: z.number() });
export type TCheckBatchList = z.infer<typeof ZCheckBatchList>;

export const ZCheckQuery = z.strictObject({
  schoolId: ZIdParam.optional(),
  ...ZPageQuery(),
});
export type TCheckQuery = z.infer<typeof ZCheckQuery>;

export const ZDocumentParams = z.strictObject({
  id: ZIdParam,
  format: z.enum(['docx', 'xlsx']),
});
