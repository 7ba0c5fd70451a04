import { followUpIds, rectificationIds, suggestionKindIds, suggestionStateIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZCaseDocument } from '../cases/schema.ts';
import { ZDeadlineStatus } from '../deadlines/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

const ZRef = z.object({ id: z.number(), name: z.string() });
export const ZSuggestionKind = z.enum(suggestionKindIds);
export const ZSuggestionState = z.enum(suggestionStateIds);
export const ZRectification = z.enum(rectificationIds);
export const ZFollowUp = z.enum(followUpIds);

export const ZSuggestion = z.object({
  id: z.number(),
  case: z.object({ id: z.number(), caseNumber: z.string(), title: z.string() }),
  department: ZRef,
  handler: ZRef.nullable(),
  kind: ZSuggestionKind,
  kindLabel: z.string(),
  addressee: z.string(),
  facts: z.string(),
  legalBasis: z.string(),
  requests: z.string(),
  /** 联系人 and 联系电话 at the foot of the 检察建议书 (the handler when no name is set). */
  contactName: z.string(),
  contactPhone: z.string(),
  /** 抄送: bodies a copy goes to, printed at the foot when set. */
  copyTo: z.string(),
  urgent: z.boolean(),
  state: ZSuggestionState,
  stateLabel: z.string(),
  docNumber: z.string().nullable(),
  issuedAt: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  replyOn: z.string().nullable(),
  replyContent: z.string().nullable(),
  rectification: ZRectification.nullable(),
  rectificationLabel: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  followUp: ZFollowUp.nullable(),
  followUpLabel: z.string().nullable(),
  /** The approval history: each approval, and each return with its reason. */
  approvals: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      at: z.string(),
      note: z.string().nullable(),
      decision: z.enum(['approved', 'returned']),
    }),
  ),
  /**
   * Four eyes: who drafted and last submitted it (never its approver), and who approves it (the
   * department's head, or for a head's draft a deputy or the chief).
   */
  approval: z.object({
    authorIds: z.array(z.number()),
    level: z.enum(['departmentHead', 'leadership']),
    levelLabel: z.string(),
  }),
  /** The reply deadline once delivered. */
  replyDue: z.string().nullable(),
  replyStatus: ZDeadlineStatus.nullable(),
  replyStatusLabel: z.string().nullable(),
  documents: z.array(ZCaseDocument),
  /** Files that came with the addressee's reply. */
  replyAttachments: z.array(ZAttachment),
  /** The organisation it is addressed to on the 外部单位门户, and when it opened it (the delivery). */
  portalRecipient: z
    .object({ organisation: z.object({ id: z.number(), name: z.string() }), readAt: z.string().nullable() })
    .nullable(),
  createdAt: z.string(),
});
export type TSuggestion = z.infer<typeof ZSuggestion>;

export const ZSuggestionList = z.object({ items: z.array(ZSuggestion), total: z.number() });
export type TSuggestionList = z.infer<typeof ZSuggestionList>;

export const ZSuggestionQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  departmentId: ZIdParam.optional(),
  /** The suggestions of one case (the case page). */
  caseId: ZIdParam.optional(),
  kind: ZSuggestionKind.optional(),
  state: ZSuggestionState.optional(),
  /** me: awaiting approval by this user (四眼原则 applied), the workbench's 待我审批. */
  awaiting: z.literal('me').optional(),
  /** Drafted on or after / on or before (China days). */
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Issued (签发) on or after / on or before (China days). */
  issuedFrom: ZDay.optional(),
  issuedTo: ZDay.optional(),
  /** Replied to (回复日期) on or after / on or before. */
  repliedFrom: ZDay.optional(),
  repliedTo: ZDay.optional(),
  /** 'true': rectified in full or in part (整改到位、部分到位). */
  rectified: z.enum(['true']).optional(),
  ...ZPageQuery(),
});
export type TSuggestionQuery = z.infer<typeof ZSuggestionQuery>;

const fields = {
  addressee: z.string().trim().max(200),
  facts: z.string().trim().max(20_000),
  legalBasis: z.string().trim().max(5_000),
  requests: z.string().trim().max(20_000),
  contactName: z.string().trim().max(50),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9０-９+＋\-－—()（）\s、，,转]*$/, '联系电话只能包含数字、区号括号、连字符和“转”'),
  copyTo: z.string().trim().max(500),
  urgent: z.boolean(),
};

/** A draft may leave fields empty; submitting, issuing and printing refuse until they are filled. */
export const ZDraftSuggestionBody = z.strictObject({
  caseId: ZId,
  kind: ZSuggestionKind,
  addressee: fields.addressee.optional(),
  facts: fields.facts.optional(),
  legalBasis: fields.legalBasis.optional(),
  requests: fields.requests.optional(),
  contactName: fields.contactName.optional(),
  contactPhone: fields.contactPhone.optional(),
  copyTo: fields.copyTo.optional(),
  urgent: fields.urgent.optional(),
});
export type TDraftSuggestionBody = z.infer<typeof ZDraftSuggestionBody>;

export const ZUpdateSuggestionBody = z.strictObject({
  kind: ZSuggestionKind.optional(),
  addressee: fields.addressee.optional(),
  facts: fields.facts.optional(),
  legalBasis: fields.legalBasis.optional(),
  requests: fields.requests.optional(),
  contactName: fields.contactName.optional(),
  contactPhone: fields.contactPhone.optional(),
  copyTo: fields.copyTo.optional(),
  urgent: fields.urgent.optional(),
});
export type TUpdateSuggestionBody = z.infer<typeof ZUpdateSuggestionBody>;

export const ZApproveBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
export type TApproveBody = z.infer<typeof ZApproveBody>;

export const ZReturnBody = z.strictObject({
  reason: z.string().trim().min(1, '请填写退回理由').max(2000),
});
export type TReturnBody = z.infer<typeof ZReturnBody>;

/** A day before the 签发 is accepted only as 补录, with its reason (shown on the timeline). */
const ZLateEntryReason = z.string().trim().max(500).optional();

export const ZDeliveryBody = z.strictObject({ deliveredOn: ZDay, lateEntryReason: ZLateEntryReason });
export type TDeliveryBody = z.infer<typeof ZDeliveryBody>;

export const ZReplyBody = z.strictObject({
  repliedOn: ZDay,
  content: z.string().trim().min(1, '请填写回复内容').max(20_000),
  lateEntryReason: ZLateEntryReason,
});
export type TReplyBody = z.infer<typeof ZReplyBody>;

export const ZRectificationBody = z.strictObject({
  result: ZRectification,
  followUp: ZFollowUp,
  note: z.string().trim().max(5000).optional(),
});
export type TRectificationBody = z.infer<typeof ZRectificationBody>;
