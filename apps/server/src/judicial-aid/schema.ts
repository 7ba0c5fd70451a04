import { ZLine } from '@procura/domain/roles';
import { judicialAidCategoryIds, judicialAidDecisionIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';

export const ZJudicialAidCategory = z.enum(judicialAidCategoryIds);
export const ZJudicialAidDecision = z.enum(judicialAidDecisionIds);

const ZFen = z.number().int('金额须为整数（单位：分）').min(0, '金额不能为负数').max(Number.MAX_SAFE_INTEGER);

export const ZCaseParams = z.strictObject({ id: ZIdParam });
export const ZAidQuery = z.strictObject({
  /** On a juvenile case: the full names and ID numbers (handler, 未检 head, chief; audited). */
  full: z.enum(['true', 'false']).optional(),
});

export const ZAidParams = z.strictObject({ id: ZIdParam, aidId: ZIdParam });

export const ZApplyBody = z.strictObject({
  applicantName: z.string().trim().min(1, '申请人姓名不能为空').max(50),
  applicantIdNumber: z.string().trim().min(1, '申请人身份证号不能为空').max(30),
  /** On a juvenile case: the minor the assistance is for. */
  minorId: ZId.optional(),
  appliedOn: ZDay,
  category: ZJudicialAidCategory,
  reason: z.string().trim().max(2000).optional(),
});
export type TApplyBody = z.infer<typeof ZApplyBody>;

/** A correction of an application while it awaits its decision. */
export const ZApplicationPatch = ZApplyBody.omit({ minorId: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type TApplicationPatch = z.infer<typeof ZApplicationPatch>;

export const ZDecisionBody = z.strictObject({
  decision: z.enum(['granted', 'refused']),
  decidedOn: ZDay,
  /** Required when granted. */
  approvedFen: ZFen.optional(),
  /** Required when refused (why). */
  note: z.string().trim().max(2000).optional(),
});
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZPaymentBody = z.strictObject({
  paidOn: ZDay,
  paidFen: ZFen,
  /** Set when more than approved is paid, with the reason. */
  confirmed: z.boolean().optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type TPaymentBody = z.infer<typeof ZPaymentBody>;

export const ZJudicialAid = z.object({
  id: z.number(),
  minorId: z.number().nullable(),
  /** Full in the case's department (for a juvenile case: handler, 未检 head, chief); masked otherwise. */
  applicantName: z.string(),
  applicantIdNumber: z.string().nullable(),
  appliedOn: z.string(),
  category: ZJudicialAidCategory,
  categoryLabel: z.string(),
  reason: z.string().nullable(),
  decision: ZJudicialAidDecision,
  decisionLabel: z.string(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  approvedFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  paidFen: z.number().nullable(),
  overPaidReason: z.string().nullable(),
  stage: z.string(),
});
export type TJudicialAid = z.infer<typeof ZJudicialAid>;

export const ZCaseJudicialAid = z.object({
  caseId: z.number(),
  masked: z.boolean(),
  /** Whether this user may record 批准 / 不予救助. */
  mayDecide: z.boolean(),
  aids: z.array(ZJudicialAid),
  totals: z.object({
    applications: z.number(),
    granted: z.number(),
    approvedFen: z.number(),
    paidFen: z.number(),
  }),
});
export type TCaseJudicialAid = z.infer<typeof ZCaseJudicialAid>;

export const ZSummaryQuery = z
  .strictObject({ from: ZDay, to: ZDay })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type TSummaryQuery = z.infer<typeof ZSummaryQuery>;

const ZFigures = z.object({
  /** Applications received in the period. */
  applications: z.number(),
  /** Assistances granted in the period. */
  granted: z.number(),
  /** People paid in the period, each counted once (by ID number). */
  people: z.number(),
  paidFen: z.number(),
});

export const ZSummary = z.object({
  from: z.string(),
  to: z.string(),
  lines: z.array(ZFigures.extend({ line: ZLine, lineLabel: z.string() })),
  /** The whole court: a person helped on cases of two lines is one person here. */
  total: ZFigures,
});
export type TSummary = z.infer<typeof ZSummary>;
