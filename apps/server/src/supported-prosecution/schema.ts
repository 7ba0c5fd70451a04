import {
  eligibilityReasonIds,
  supportClaimKindIds,
  supportStepKindIds,
  supportStepResultIds,
  weakPartyCategoryIds,
} from '@procura/domain/states';
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

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZApplicantIds = z
  .array(z.number().int().positive())
  .min(1)
  .max(2000)
  .optional()
  .describe('所涉申请人；不填为全体申请人');

/** One step of the work (支持起诉条件审查 … 申请执行); the domain checks its order and dates. */
export const ZStepBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('eligibilityReview'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    reasonKinds: z.array(z.enum(eligibilityReasonIds)).min(1, '请选择不能独立起诉的原因').max(8),
    detail: z.string().trim().min(1, '请写明审查理由').max(2000),
    person: z.string().trim().min(1, '请填写审查人').max(50),
    result: z.enum(['eligible', 'ineligible']),
  }),
  z.strictObject({
    kind: z.literal('legalAidReferral'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    body: z.string().trim().min(1, '请填写法律援助机构').max(200),
    result: z.enum(['aidGranted', 'aidRefused', 'aidPending']),
    detail: ZText(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('evidenceCollection'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    detail: z.string().trim().min(1, '请写明收集的证据').max(2000),
  }),
  z.strictObject({
    kind: z.literal('courtFiling'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    body: z.string().trim().min(1, '请填写受理法院').max(200),
    reference: z.string().trim().min(1, '请填写案号').max(100),
    detail: ZText(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('mediation'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    result: z.enum(['settled', 'notSettled']),
    detail: ZText(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('judgment'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    result: z.enum(['upheld', 'partlyUpheld', 'dismissed']),
    reference: ZText(100).optional(),
    detail: ZText(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('enforcement'),
    on: ZDay,
    applicantIds: ZApplicantIds,
    result: z.enum(['enforced', 'partlyEnforced', 'enforcing']),
    reference: ZText(100).optional(),
    detail: ZText(2000).optional(),
  }),
]);
export type TStepBody = z.infer<typeof ZStepBody>;

export const ZStep = z.object({
  id: z.number(),
  kind: z.enum(supportStepKindIds),
  kindLabel: z.string(),
  on: z.string(),
  /** Null: every applicant of the case. */
  applicantIds: z.array(z.number()).nullable(),
  reasonKinds: z.array(z.enum(eligibilityReasonIds)),
  reasonLabels: z.array(z.string()),
  result: z.enum(supportStepResultIds).nullable(),
  resultLabel: z.string().nullable(),
  body: z.string().nullable(),
  reference: z.string().nullable(),
  person: z.string().nullable(),
  detail: z.string().nullable(),
  recordedBy: z.string(),
});
export type TStep = z.infer<typeof ZStep>;

export const ZSupportedProsecution = z.object({
  caseId: z.number(),
  respondent: z.string().nullable(),
  respondentCode: z.string().nullable(),
  claimKind: ZSupportClaimKind.nullable(),
  claimKindLabel: z.string().nullable(),
  idNumbersMasked: z.boolean(),
  applicants: z.array(ZApplicant),
  /** The work so far, in date order. */
  steps: z.array(ZStep),
  /** The kinds of step the order allows next (the page offers only these). */
  nextSteps: z.array(z.enum(supportStepKindIds)),
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
