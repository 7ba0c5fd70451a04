import {
  adminActKinds,
  adminCorrections,
  clueOriginKinds,
  type TAdminActKind,
  type TAdminCorrection,
  type TClueOriginKind,
} from '@procura/domain/admin-violation';
import { adminActKindIds, adminCorrectionIds, clueOriginKindIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';

export const ZClueOriginKind = z.enum(clueOriginKindIds);
export const ZAdminActKind = z.enum(adminActKindIds);
export const ZAdminCorrection = z.enum(adminCorrectionIds);

export const ZIdParams = z.strictObject({ id: ZIdParam });

// ─── where a clue came from: the criminal case ───

export const ZCriminalOriginBody = z
  .strictObject({
    kind: ZClueOriginKind,
    /** A criminal case in Procura the user reaches; its number is taken from it. */
    criminalCaseId: ZId.optional(),
    /** Otherwise the case number as the 统一业务应用系统 gives it (成华检刑诉〔2026〕88号). */
    criminalCaseNumber: z.string().trim().min(2, '请填写刑事案件案号').max(100).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.criminalCaseId === undefined) !== (b.criminalCaseNumber === undefined), {
    message: '请选择本院案件或填写刑事案件案号，二者选一',
    path: ['criminalCaseNumber'],
  });
export type TCriminalOriginBody = z.infer<typeof ZCriminalOriginBody>;

export const ZCriminalOrigin = z.object({
  clueId: z.number(),
  kind: ZClueOriginKind,
  kindLabel: z.string(),
  criminalCaseNumber: z.string(),
  /** The linked case when the viewer reaches it; null otherwise (the number still shows). */
  criminalCaseId: z.number().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type TCriminalOrigin = z.infer<typeof ZCriminalOrigin>;

export const ZCriminalOriginResult = z.object({
  /** Whether the clue may name a criminal case: a criminal department's clue or one it sent. */
  applicable: z.boolean(),
  origin: ZCriminalOrigin.nullable(),
});
export type TCriminalOriginResult = z.infer<typeof ZCriminalOriginResult>;

// ─── the funnel: clues received from 刑检 → cases ───

export const ZFunnelQuery = z
  .strictObject({
    /** Transferred on or after / on or before (China days); by default this year so far. */
    from: ZDay.optional(),
    to: ZDay.optional(),
    departmentId: ZIdParam.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '起始日期不能晚于结束日期', path: ['to'] });
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;

const ZFunnelCounts = z.object({
  /** Clues the criminal line transferred to the department in the period. */
  transferred: z.number(),
  /** Of those, the ones that name the criminal case they came from. */
  withCriminalCase: z.number(),
  /** Of those, the ones the department opened a case on (at any time since). */
  opened: z.number(),
  /** Of the cases opened, 行政违法行为监督 cases. */
  adminViolationCases: z.number(),
  declined: z.number(),
  pending: z.number(),
});

export const ZFunnel = ZFunnelCounts.extend({
  from: z.string(),
  to: z.string(),
  departments: z.array(ZFunnelCounts.extend({ department: z.object({ id: z.number(), name: z.string() }) })),
});
export type TFunnel = z.infer<typeof ZFunnel>;

// ─── a 行违 case's record ───

export const ZAdminViolationBody = z
  .strictObject({
    organ: z.string().trim().min(2, '请填写行政机关名称').max(200),
    organCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位数字或大写字母')
      .optional(),
    actKind: ZAdminActKind,
    /** Required when actKind is 'other'. */
    actKindOther: z.string().trim().min(1).max(50).optional(),
    actDescription: z.string().trim().max(2000).optional(),
    violation: z.string().trim().min(2, '请填写发现的违法情形').max(5000),
    /** The case's 检察建议 to the organ (apps/server/src/suggestions). */
    suggestionId: ZId.nullable().optional(),
  })
  .refine((b) => (b.actKind === 'other') === (b.actKindOther !== undefined), {
    message: '行政行为为“其他”时须写明名称，其他类别不填',
    path: ['actKindOther'],
  });
export type TAdminViolationBody = z.infer<typeof ZAdminViolationBody>;

export const ZFollowUpBody = z.strictObject({
  correction: ZAdminCorrection,
  correctionMeasures: z.string().trim().min(2, '请填写行政机关的纠正情况').max(5000),
  correctedOn: ZDay,
});
export type TFollowUpBody = z.infer<typeof ZFollowUpBody>;

const ZSuggestionSummary = z.object({
  id: z.number(),
  docNumber: z.string().nullable(),
  kindLabel: z.string(),
  stateLabel: z.string(),
  addressee: z.string(),
  deliveredOn: z.string().nullable(),
  replyDue: z.string().nullable(),
  replyStatusLabel: z.string().nullable(),
  replyOn: z.string().nullable(),
  rectificationLabel: z.string().nullable(),
});

export const ZAdminViolation = z.object({
  caseId: z.number(),
  /** Null until the organ, the act and the violation are recorded. */
  record: z
    .object({
      organ: z.string(),
      organCode: z.string().nullable(),
      actKind: ZAdminActKind,
      actKindLabel: z.string(),
      actKindOther: z.string().nullable(),
      actDescription: z.string().nullable(),
      violation: z.string(),
      suggestion: ZSuggestionSummary.nullable(),
      followUp: z
        .object({
          correction: ZAdminCorrection,
          correctionLabel: z.string(),
          correctionMeasures: z.string().nullable(),
          correctedOn: z.string(),
        })
        .nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The case's suggestions the record may link (the 检察建议 module drafts and issues them). */
  suggestions: z.array(ZSuggestionSummary),
  /** The clue the case was opened from and the criminal case it names, if any. */
  origin: ZCriminalOrigin.nullable(),
});
export type TAdminViolation = z.infer<typeof ZAdminViolation>;

export {
  adminActKinds,
  adminCorrections,
  clueOriginKinds,
  type TAdminActKind,
  type TAdminCorrection,
  type TClueOriginKind,
};
