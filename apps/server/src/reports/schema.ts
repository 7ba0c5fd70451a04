import { pilFields } from '@procura/domain/public-interest-fields';
import { reportKindIds, reportLineIds } from '@procura/domain/reports/kinds';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';

const pilFieldIds = Object.keys(pilFields);

/** 生成报告: a kind, a period [from, to) and, for 白皮书 a line of work, for 类案分析 a 公益诉讼 field. */
export const ZReportCreate = z
  .strictObject({
    kind: z.enum(reportKindIds, '报告类型无效'),
    from: ZDay,
    to: ZDay,
    subject: z.string().max(64).nullish(),
  })
  .refine((b) => b.from < b.to, { message: '结束日期应晚于开始日期', path: ['to'] })
  .refine((b) => (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 <= 3700, {
    message: '统计期间最长 10 年',
    path: ['to'],
  })
  .refine((b) => b.kind !== 'whitePaper' || reportLineIds.includes(b.subject as never), {
    message: '白皮书应选择一条业务线',
    path: ['subject'],
  })
  .refine((b) => b.kind !== 'caseAnalysis' || pilFieldIds.includes(b.subject ?? ''), {
    message: '类案分析应选择一个公益诉讼领域',
    path: ['subject'],
  });
export type TReportCreate = z.infer<typeof ZReportCreate>;

/** The chief's text per section: null goes back to the generated text. */
export const ZSectionsEdit = z.strictObject({
  sections: z
    .array(z.strictObject({ id: z.string().min(1).max(64), text: z.string().max(20_000).nullable() }))
    .min(1)
    .max(20),
});
export type TSectionsEdit = z.infer<typeof ZSectionsEdit>;

export const ZReportSection = z.object({
  id: z.string(),
  title: z.string(),
  generated: z.string(),
  edited: z.string().nullable(),
});

export const ZReport = z.object({
  id: z.number(),
  kind: z.enum(reportKindIds),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  departmentId: z.number().nullable(),
  scopeLabel: z.string(),
  subject: z.string().nullable(),
  sections: z.array(ZReportSection),
  createdBy: z.string(),
  createdAt: z.string(),
  generatedAt: z.string(),
  updatedAt: z.string(),
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportList = z.object({ items: z.array(ZReport.omit({ sections: true })) });
