import { classSiteKindIds, siteRectificationIds } from '@procura/domain/states';
import { z } from 'zod';
import { ZCase, ZCaseDocument } from '../cases/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZSuggestionState } from '../suggestions/schema.ts';

export const ZClassSiteKind = z.enum(classSiteKindIds);
export const ZSiteRectification = z.enum(siteRectificationIds);

export const ZGroupParams = z.strictObject({ id: ZIdParam });
export const ZMemberParams = z.strictObject({ id: ZIdParam, memberId: ZIdParam });

/** One case or clue of a group: exactly one of caseId and clueId, and the site it concerns. */
export const ZMemberBody = z
  .strictObject({
    caseId: ZId.optional(),
    clueId: ZId.optional(),
    siteName: z.string().trim().min(1, '场所名称不能为空').max(200),
    siteKind: ZClassSiteKind,
  })
  .refine((m) => (m.caseId === undefined) !== (m.clueId === undefined), {
    message: '每个场所须关联一件案件或一条线索（二者选一）',
    path: ['caseId'],
  });
export type TMemberBody = z.infer<typeof ZMemberBody>;

export const ZCreateGroupBody = z.strictObject({
  title: z.string().trim().min(1, '类案名称不能为空').max(200),
  problem: z.string().trim().min(1, '问题描述不能为空').max(5_000),
  members: z.array(ZMemberBody).min(2, '类案至少包含两件案件或线索').max(200, '一个类案最多 200 个场所'),
});
export type TCreateGroupBody = z.infer<typeof ZCreateGroupBody>;

/** The group's 社会治理类检察建议: drafted on its first case, its facts citing every site. */
export const ZGroupSuggestionBody = z.strictObject({
  addressee: z.string().trim().min(1, '主送单位不能为空').max(200),
  legalBasis: z.string().trim().max(5_000).optional(),
  requests: z.string().trim().max(20_000).optional(),
});
export type TGroupSuggestionBody = z.infer<typeof ZGroupSuggestionBody>;

export const ZRectificationBody = z
  .strictObject({
    status: ZSiteRectification,
    /** The day the site finished (已整改) or last reported (整改中). */
    on: ZDay.optional(),
    note: z.string().trim().max(2_000).optional(),
  })
  .refine((b) => b.status !== 'done' || b.on !== undefined, {
    message: '已整改须填写整改完成日期',
    path: ['on'],
  });
export type TRectificationBody = z.infer<typeof ZRectificationBody>;

export const ZGroupMember = z.object({
  id: z.number(),
  case: z.object({ id: z.number(), caseNumber: z.string(), title: z.string() }).nullable(),
  clue: z.object({ id: z.number(), title: z.string() }).nullable(),
  siteName: z.string(),
  siteKind: ZClassSiteKind,
  siteKindLabel: z.string(),
  rectification: ZSiteRectification,
  rectificationLabel: z.string(),
  rectifiedOn: z.string().nullable(),
  rectificationNote: z.string().nullable(),
});

export const ZGroupSuggestionSummary = z.object({
  id: z.number(),
  kindLabel: z.string(),
  addressee: z.string(),
  state: ZSuggestionState,
  stateLabel: z.string(),
  docNumber: z.string().nullable(),
  caseId: z.number(),
});

export const ZGroupSummary = z.object({
  id: z.number(),
  title: z.string(),
  problem: z.string(),
  department: z.object({ id: z.number(), name: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  sites: z.number(),
  rectifiedSites: z.number(),
  suggestion: ZGroupSuggestionSummary.nullable(),
});
export type TGroupSummary = z.infer<typeof ZGroupSummary>;

export const ZGroup = ZGroupSummary.extend({ members: z.array(ZGroupMember) });
export type TGroup = z.infer<typeof ZGroup>;

export const ZGroupList = z.object({ items: z.array(ZGroupSummary) });

// ─── 检行协作: 特邀检察官助理 ──────────────────────────────────────────────────────────────────

export const ZInvitedDocumentParams = z.strictObject({ id: ZIdParam, documentId: ZIdParam });
export const ZAdviserParams = z.strictObject({ id: ZIdParam, userId: ZIdParam });
export const ZAddAdviserBody = z.strictObject({ userId: ZId });

export const ZAdviser = z.object({
  userId: z.number(),
  name: z.string(),
  username: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export const ZAdviserList = z.object({ items: z.array(ZAdviser) });
export type TAdviserList = z.infer<typeof ZAdviserList>;

/** The accounts a decider may add (active 特邀检察官助理 accounts). */
export const ZInvitedAccountList = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), username: z.string() })),
});

/** What a 特邀检察官助理 reads of a case it was added to: the case, its timeline, outcomes, suggestions. */
export const ZInvitedCase = z.object({
  case: ZCase,
  timeline: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      at: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
    }),
  ),
  outcomes: z.array(z.object({ id: z.number(), label: z.string(), text: z.string() })),
  suggestions: z.array(
    z.object({
      id: z.number(),
      kindLabel: z.string(),
      addressee: z.string(),
      stateLabel: z.string(),
      docNumber: z.string().nullable(),
    }),
  ),
  /** Documents archived on the case, downloaded through the officer's own route. */
  documents: z.array(ZCaseDocument),
});
export type TInvitedCase = z.infer<typeof ZInvitedCase>;
export const ZInvitedCaseList = z.object({ items: z.array(ZCase) });
