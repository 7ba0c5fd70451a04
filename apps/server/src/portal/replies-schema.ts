import { extensionRequestStateIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';

export const extensionRequestStates = {
  pending: '待审查',
  granted: '已同意延期',
  refused: '不同意延期',
} as const satisfies Record<(typeof extensionRequestStateIds)[number], string>;

export const ZExtensionRequestBody = z.strictObject({
  reason: z.string().trim().min(1, '请填写申请延期的理由').max(5_000),
  proposedDueOn: ZDay,
});
export type TExtensionRequestBody = z.infer<typeof ZExtensionRequestBody>;

export const ZExtensionDecisionBody = z.strictObject({
  grant: z.boolean(),
  /** The new reply day when granted (the organisation's proposal unless the prosecutor sets another). */
  newDueOn: ZDay.optional(),
  note: z.string().trim().min(1, '请填写决定理由').max(5_000),
});
export type TExtensionDecisionBody = z.infer<typeof ZExtensionDecisionBody>;

/** What the organisation sees of its own request and the decision. */
export const ZPortalExtension = z.object({
  id: z.number(),
  reason: z.string(),
  proposedDueOn: z.string(),
  previousDueOn: z.string().nullable(),
  state: z.enum(extensionRequestStateIds),
  stateLabel: z.string(),
  requestedAt: z.string(),
  newDueOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TPortalExtension = z.infer<typeof ZPortalExtension>;

/** What the prosecutor sees: the same, with who asked and who decided. */
export const ZExtensionRequest = ZPortalExtension.extend({
  suggestionId: z.number(),
  organisation: z.string(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
});
export type TExtensionRequest = z.infer<typeof ZExtensionRequest>;
export const ZExtensionRequestList = z.object({ items: z.array(ZExtensionRequest) });
export type TExtensionRequestList = z.infer<typeof ZExtensionRequestList>;

export const ZExtensionParams = z.strictObject({ id: ZIdParam });
export const ZPortalAttachmentParams = z.strictObject({ id: ZIdParam, attachmentId: ZIdParam });

/** The portal's additions to a suggestion: warnings, the requests, the evidence, the evaluation. */
export const ZPortalSuggestionExtras = z.object({
  /** 临近期限 (five working days or fewer left) or 已逾期, from the deadline engine; null otherwise. */
  warning: z.enum(['dueSoon', 'overdue']).nullable(),
  warningLabel: z.string().nullable(),
});

export const ZPortalDetailExtras = z.object({
  extensions: z.array(ZPortalExtension),
  attachments: z.array(ZAttachment),
  /** The procuratorate's evaluation of the rectification (整改到位…), once it closed the suggestion. */
  rectificationLabel: z.string().nullable(),
  followUpLabel: z.string().nullable(),
});

// ─── 磋商 the organisation joined ───────────────────────────────────────────────────────────

export const ZConsultationOrganisationsBody = z.strictObject({
  organisationIds: z.array(ZId).max(30, '参加单位最多 30 个'),
});

export const ZConsultationOrganisations = z.object({
  consultationId: z.number(),
  organisations: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type TConsultationOrganisations = z.infer<typeof ZConsultationOrganisations>;

/** A consultation as its organisation sees it: no case, no minutes of others, no internal notes. */
export const ZPortalConsultation = z.object({
  id: z.number(),
  heldOn: z.string(),
  bodies: z.array(z.string()),
  topic: z.string().nullable(),
  agreed: z.string().nullable(),
  actionDueOn: z.string().nullable(),
  checkedOn: z.string().nullable(),
  checkResultLabel: z.string().nullable(),
});
export type TPortalConsultation = z.infer<typeof ZPortalConsultation>;
export const ZPortalConsultationList = z.object({ items: z.array(ZPortalConsultation) });
export type TPortalConsultationList = z.infer<typeof ZPortalConsultationList>;
