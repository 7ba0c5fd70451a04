import { cooperationMechanismIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZIdParam } from '../http/ids.ts';

export const ZAgreementParams = z.strictObject({ id: ZIdParam });

const text = (label: string, max: number) => z.string().trim().min(1, `${label}不能为空`).max(max);

export const ZAgreementBody = z.strictObject({
  title: text('文件名称', 200),
  bodies: z.array(text('会签单位', 100)).min(1, '请填写会签单位').max(50, '会签单位最多 50 个'),
  mechanisms: z
    .array(z.enum(cooperationMechanismIds, '协作机制不在列表中'))
    .min(1, '请选择至少一项协作机制')
    .max(cooperationMechanismIds.length),
  signedOn: ZDay,
  /** 联席会议 every so many months. */
  meetingEveryMonths: z
    .number()
    .int('联席会议周期应为整数月')
    .min(1, '联席会议周期为 1—24 个月')
    .max(24, '联席会议周期为 1—24 个月')
    .optional(),
  firstMeetingOn: ZDay.optional(),
  note: z.string().trim().max(2_000).optional(),
});
export type TAgreementBody = z.infer<typeof ZAgreementBody>;

export const ZAgreementMeetingBody = z.strictObject({
  heldOn: ZDay,
  minutes: text('会议纪要', 20_000),
});
export type TAgreementMeetingBody = z.infer<typeof ZAgreementMeetingBody>;

export const ZCaseAgreementBody = z.strictObject({ agreementId: ZIdParam.nullable() });
export type TCaseAgreementBody = z.infer<typeof ZCaseAgreementBody>;

export const ZAgreement = z.object({
  id: z.number(),
  title: z.string(),
  departmentName: z.string(),
  bodies: z.array(z.string()),
  mechanisms: z.array(z.string()),
  mechanismLabels: z.array(z.string()),
  signedOn: z.string(),
  meetingEveryMonths: z.number().nullable(),
  nextMeetingOn: z.string().nullable(),
  /** The next joint meeting's day has passed without a meeting recorded. */
  meetingOverdue: z.boolean(),
  note: z.string().nullable(),
  meetings: z.array(z.object({ id: z.number(), heldOn: z.string(), minutes: z.string() })),
  caseIds: z.array(z.number()),
  /** Clues that cite it (ids; each opens only for those who reach the clue). */
  clueIds: z.array(z.number()),
  /** The citing cases the user reaches, by number and title (minors' names masked). */
  citingCases: z.array(z.object({ id: z.number(), caseNumber: z.string(), title: z.string() })),
  /** The citing clues the user reaches, by title (minors' names masked). */
  citingClues: z.array(z.object({ id: z.number(), title: z.string() })),
  /** Citing cases and clues out of the user's reach (or sealed): counted, never listed. */
  unlistedCitations: z.number(),
  /** The agreement's text and annexes. */
  attachments: z.array(ZAttachment),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZAgreementList = z.object({ items: z.array(ZAgreement) });
export type TAgreementList = z.infer<typeof ZAgreementList>;

export const ZCaseAgreement = z.object({
  caseId: z.number(),
  agreement: z.object({ id: z.number(), title: z.string() }).nullable(),
});
export type TCaseAgreement = z.infer<typeof ZCaseAgreement>;

export const ZClueAgreement = z.object({
  clueId: z.number(),
  agreement: z.object({ id: z.number(), title: z.string() }).nullable(),
});
export type TClueAgreement = z.infer<typeof ZClueAgreement>;
