import { ZOrganisationKind } from '@procura/domain/portal';
import { z } from 'zod';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZSuggestionState } from '../suggestions/schema.ts';
import { ZPortalDetailExtras, ZPortalSuggestionExtras } from './replies-schema.ts';

export const ZPortalParams = z.strictObject({ id: ZIdParam });

export const ZOrganisation = z.object({
  id: z.number(),
  name: z.string(),
  kind: ZOrganisationKind,
  kindLabel: z.string(),
  accounts: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string() })),
});
export const ZOrganisationList = z.object({ items: z.array(ZOrganisation) });
export type TOrganisationList = z.infer<typeof ZOrganisationList>;

export const ZCreateOrganisationBody = z.strictObject({
  name: z.string().trim().min(1, '单位名称不能为空').max(200),
  kind: ZOrganisationKind,
  /** Existing accounts of role 外部单位 to bind to this organisation. */
  usernames: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});
export type TCreateOrganisationBody = z.infer<typeof ZCreateOrganisationBody>;

export const ZRecipientBody = z.strictObject({ organisationId: ZId });

export const ZRecipient = z.object({
  suggestionId: z.number(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  readAt: z.string().nullable(),
});

/** The reply deadline as the engine computed it, shown to both sides with its calculation. */
export const ZPortalDeadline = z.object({
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  explanation: z.string(),
  steps: z.array(z.string()),
  completedOn: z.string().nullable(),
});

export const ZPortalSuggestion = z.object({
  id: z.number(),
  docNumber: z.string().nullable(),
  addressee: z.string(),
  state: ZSuggestionState,
  stateLabel: z.string(),
  issuedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  replyOn: z.string().nullable(),
  deadline: ZPortalDeadline.nullable(),
  ...ZPortalSuggestionExtras.shape,
});
export type TPortalSuggestion = z.infer<typeof ZPortalSuggestion>;

export const ZPortalSuggestionDetail = ZPortalSuggestion.extend({
  facts: z.string(),
  legalBasis: z.string(),
  requests: z.string(),
  replyContent: z.string().nullable(),
  ...ZPortalDetailExtras.shape,
});
export type TPortalSuggestionDetail = z.infer<typeof ZPortalSuggestionDetail>;

export const ZPortalSuggestionList = z.object({ items: z.array(ZPortalSuggestion) });
export type TPortalSuggestionList = z.infer<typeof ZPortalSuggestionList>;

export const ZPortalReplyBody = z.strictObject({
  content: z.string().trim().min(1, '回复内容不能为空').max(20_000),
});
export type TPortalReplyBody = z.infer<typeof ZPortalReplyBody>;
