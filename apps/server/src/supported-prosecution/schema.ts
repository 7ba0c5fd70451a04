import { supportClaimKindIds, weakPartyCategoryIds } from '@procura/domain/states';
import {
  supportClaimKinds,
  type TSupportClaimKind,
  type TWeakPartyCategory,
  weakPartyCategories,
} from '@procura/domain/supported-prosecution';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZIdParam } from '../http/ids.ts';

export const ZWeakPartyCategory = z.enum(weakPartyCategoryIds);

export const ZSupportClaimKind = z.enum(supportClaimKindIds);

const ZFen = z.number().int('金额须为整数（单位：分）').min(0, '金额不能为负数').max(Number.MAX_SAFE_INTEGER);

export const ZCaseParams = z.strictObject({ id: ZIdParam });
export const ZApplicantParams = z.strictObject({ id: ZIdParam, applicantId: ZIdParam });

export const ZSupportBody = z
  .strictObject({
    respondent: z.string().trim().min(1, '被告单位不能为空').max(200),
    respondentCode: z.string().trim().max(18).optional(),
    claimKind: ZSupportClaimKind,
    /** Required when claimKind is 'other'. */
    claimKindOther: z.string().trim().min(1).max(50).optional(),
  })
  .refine((b) => (b.claimKind === 'other') === (b.claimKindOther !== undefined), {
    message: '请求类别为“其他”时须写明类别，其他类别不填',
    path: ['claimKindOther'],
  });
export type TSupportBody = z.infer<typeof ZSupportBody>;

export const ZApplicantBody = z.strictObject({
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  idNumber: z.string().trim().min(1, '身份证号不能为空').max(30),
  phone: z.string().trim().max(30).optional(),
  category: ZWeakPartyCategory,
  claimFen: ZFen,
});
export type TApplicantBody = z.infer<typeof ZApplicantBody>;

export const ZApplicantPatch = ZApplicantBody.partial().refine(
  (b) => Object.keys(b).length > 0,
  '没有要修改的内容',
);
export type TApplicantPatch = z.infer<typeof ZApplicantPatch>;

export const ZRecoveryBody = z.strictObject({
  recoveredFen: ZFen,
  paidOn: ZDay,
  /** Set when the amount recovered is above the claim, with the reason. */
  confirmed: z.boolean().optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type TRecoveryBody = z.infer<typeof ZRecoveryBody>;

export const ZImportBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The .xlsx file in base64. */
  content: z.string().min(1, '文件内容为空'),
});
export type TImportBody = z.infer<typeof ZImportBody>;

export const ZApplicant = z.object({
  id: z.number(),
  name: z.string(),
  /** Full for the case's department; masked (510108********0012) for anyone else who reaches the case. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  category: ZWeakPartyCategory,
  categoryLabel: z.string(),
  claimFen: z.number(),
  recoveredFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  overClaimReason: z.string().nullable(),
});
export type TApplicant = z.infer<typeof ZApplicant>;

export const ZSupportedProsecution = z.object({
  caseId: z.number(),
  respondent: z.string().nullable(),
  respondentCode: z.string().nullable(),
  claimKind: ZSupportClaimKind.nullable(),
  claimKindLabel: z.string().nullable(),
  idNumbersMasked: z.boolean(),
  applicants: z.array(ZApplicant),
  totals: z.object({
    applicants: z.number(),
    claimFen: z.number(),
    /** The sum of the applicants' recovered amounts: the case outcome shows this figure. */
    recoveredFen: z.number(),
    recoveredApplicants: z.number(),
  }),
});
export type TSupportedProsecution = z.infer<typeof ZSupportedProsecution>;

export const ZImportResult = z.object({
  added: z.number(),
  merged: z.number(),
  /** Rows merged into an applicant already listed, in Chinese, naming file and row. */
  warnings: z.array(z.string()),
  supportedProsecution: ZSupportedProsecution,
});
export type TImportResult = z.infer<typeof ZImportResult>;

export { supportClaimKinds, type TSupportClaimKind, type TWeakPartyCategory, weakPartyCategories };
