import { ZPortalClueField, ZPortalClueState } from '@procura/domain/portal-clues';
import { ZPilField } from '@procura/domain/public-interest-fields';
import { z } from 'zod';
import { ZIdParam } from '../http/ids.ts';

export const ZPortalClueParams = z.strictObject({ id: ZIdParam });

const ZSentParty = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: z.string().trim().min(1, '请输入姓名').max(64),
    /** As typed: the server cleans it like any clue's (full-width digits, 15 → 18 digits). */
    idNumber: z.string().trim().max(40).optional(),
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    name: z.string().trim().min(1, '请输入单位名称').max(128),
  }),
]);

/** 移送线索: what an outside organisation sends (its files follow, one upload each). */
export const ZSendPortalClueBody = z.strictObject({
  title: z.string().trim().min(2, '标题至少 2 个字').max(200, '标题不能超过 200 个字'),
  /** 线索事实: what happened, who, when, where. */
  description: z.string().trim().min(10, '请写明线索事实（至少 10 个字）').max(20_000),
  /** The line of work the organisation thinks the clue belongs to; it decides the receiving department. */
  field: ZPortalClueField,
  /** 公益诉讼领域, for a public-interest clue only. */
  pilField: ZPilField.optional(),
  /** 涉及的人员、单位 (optional). */
  parties: z.array(ZSentParty).max(200, '涉及人员、单位最多 200 个').default([]),
});
export type TSendPortalClueBody = z.infer<typeof ZSendPortalClueBody>;

/** One clue as its organisation sees it: no internal notes, no names of the procuratorate's staff. */
export const ZPortalClue = z.object({
  id: z.number(),
  title: z.string(),
  field: ZPortalClueField,
  fieldLabel: z.string(),
  sentAt: z.string(),
  state: ZPortalClueState,
  stateLabel: z.string(),
  /** The department handling it now (never the person). */
  department: z.string(),
  /** The day of the decision (立案, 不予立案, 移送) or, once concluded, of the conclusion. */
  decidedOn: z.string().nullable(),
});
export type TPortalClue = z.infer<typeof ZPortalClue>;

export const ZPortalClueDetail = ZPortalClue.extend({
  description: z.string(),
  pilFieldLabel: z.string().nullable(),
  parties: z.array(z.object({ kind: z.enum(['person', 'organisation']), name: z.string() })),
  attachments: z.array(
    z.object({ id: z.number(), fileName: z.string(), size: z.number(), uploadedAt: z.string() }),
  ),
  /** The decision in words: 已立案（民事支持起诉）, 不予立案 with its reason, 已移送某机关处理. */
  decision: z
    .object({
      text: z.string(),
      on: z.string(),
      reason: z.string().nullable(),
      caseType: z.string().nullable(),
    })
    .nullable(),
  /** What happened in the case opened from it (起诉立案, 调解, 判决, 执行…), dated. */
  progress: z.array(z.object({ on: z.string(), text: z.string() })),
  /** 办案成效: money recovered, people helped… */
  outcomes: z.array(z.object({ label: z.string(), text: z.string() })),
  concludedOn: z.string().nullable(),
  /** 反馈 written by the procuratorate, newest last. */
  feedback: z.array(z.object({ at: z.string(), department: z.string(), text: z.string() })),
});
export type TPortalClueDetail = z.infer<typeof ZPortalClueDetail>;

export const ZPortalClueList = z.object({ items: z.array(ZPortalClue) });
export type TPortalClueList = z.infer<typeof ZPortalClueList>;

/** Inside: where a clue came from on the portal, and the feedback written to that organisation. */
export const ZCluePortalOrigin = z.object({
  origin: z
    .object({
      portalClueId: z.number(),
      organisation: z.object({ id: z.number(), name: z.string(), kindLabel: z.string() }),
      field: ZPortalClueField,
      fieldLabel: z.string(),
      sentAt: z.string(),
      sentBy: z.string(),
      feedback: z.array(
        z.object({
          id: z.number(),
          text: z.string(),
          at: z.string(),
          writtenBy: z.string(),
          department: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type TCluePortalOrigin = z.infer<typeof ZCluePortalOrigin>;

export const ZPortalFeedbackBody = z.strictObject({
  text: z.string().trim().min(2, '请填写反馈内容').max(5000, '反馈内容不能超过 5000 个字'),
});
export type TPortalFeedbackBody = z.infer<typeof ZPortalFeedbackBody>;
