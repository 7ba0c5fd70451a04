import {
  disputeEntryStages,
  disputeMeans,
  disputeOutcomes,
  hearingDrawMethods,
  hearingParticipantRoles,
} from '@procura/domain/hearings';
import {
  disputeEntryStageIds,
  disputeMeansIds,
  disputeOutcomeIds,
  hearingDrawMethodIds,
  hearingParticipantRoleIds,
} from '@procura/domain/states';
import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZIdParam } from '../http/ids.ts';

export const ZCaseParams = z.strictObject({ id: ZIdParam });
export const ZHearingParams = z.strictObject({ id: ZIdParam });
export const ZOfficerParams = z.strictObject({ id: ZIdParam });
export const ZPanelParams = z.strictObject({ id: ZIdParam, officerId: ZIdParam });

const text = (label: string, max: number) => z.string().trim().min(1, `${label}不能为空`).max(max);

// ─── 听证员库 ───

export const ZRelation = z.strictObject({
  relation: text('关系', 20),
  name: text('关系人或单位名称', 100),
});

export const ZOfficerBody = z.strictObject({
  name: text('姓名', 50),
  occupation: text('职业', 100),
  organisation: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  relations: z.array(ZRelation).max(30).optional(),
});
export type TOfficerBody = z.infer<typeof ZOfficerBody>;

export const ZOfficerPatch = ZOfficerBody.partial()
  .extend({ active: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type TOfficerPatch = z.infer<typeof ZOfficerPatch>;

export const ZOfficer = z.object({
  id: z.number(),
  name: z.string(),
  occupation: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  relations: z.array(z.object({ relation: z.string(), name: z.string() })),
  active: z.boolean(),
});
export type TOfficer = z.infer<typeof ZOfficer>;
export const ZOfficerList = z.array(ZOfficer);

// ─── 公开听证 ───

export const ZParticipantRole = z.enum(hearingParticipantRoleIds);
export const ZParticipant = z.strictObject({ name: text('参加人', 100), role: ZParticipantRole });

const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
  .optional();

export const ZHearingBody = z.strictObject({
  question: text('听证事项', 500),
  heldOn: ZDay,
  startsAt: ZTime,
  place: text('听证地点', 200),
  participants: z.array(ZParticipant).max(50).optional(),
});
export type THearingBody = z.infer<typeof ZHearingBody>;

export const ZHearingPatch = ZHearingBody.partial()
  .extend({
    minutes: z.string().trim().max(50_000).optional(),
    decisionUse: z.string().trim().max(5_000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type THearingPatch = z.infer<typeof ZHearingPatch>;

export const ZDrawBody = z.strictObject({
  count: z.number().int().min(1, '至少抽取1名').max(9, '一次最多抽取9名'),
  /** Left out, the server draws one at random; given, the draw can be repeated. */
  seed: z.string().trim().min(1).max(64).optional(),
});
export type TDrawBody = z.infer<typeof ZDrawBody>;

export const ZChooseBody = z.strictObject({ reason: text('指定理由', 500) });
export const ZOpinionBody = z.strictObject({ opinion: text('听证员意见', 5_000) });

export const ZNoticeBody = z.strictObject({
  recipient: text('通知对象', 100),
  means: z.string().trim().max(50).optional(),
  sentOn: ZDay,
});
export type TNoticeBody = z.infer<typeof ZNoticeBody>;

export const ZPanelMember = z.object({
  officerId: z.number(),
  name: z.string(),
  occupation: z.string(),
  organisation: z.string().nullable(),
  method: z.enum(hearingDrawMethodIds),
  methodLabel: z.string(),
  seed: z.string().nullable(),
  /** The candidates the draw was made from (ids of the pool), so it can be repeated. */
  candidateIds: z.array(z.number()).nullable(),
  reason: z.string().nullable(),
  opinion: z.string().nullable(),
});

export const ZHearing = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  question: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  /** Parties' names masked (张某) for anyone outside the case's department. */
  participants: z.array(z.object({ name: z.string(), role: ZParticipantRole, roleLabel: z.string() })),
  namesMasked: z.boolean(),
  panel: z.array(ZPanelMember),
  notices: z.array(
    z.object({ id: z.number(), recipient: z.string(), means: z.string().nullable(), sentOn: z.string() }),
  ),
  minutes: z.string().nullable(),
  decisionUse: z.string().nullable(),
  documentId: z.number().nullable(),
  publishedAt: z.string().nullable(),
});
export type THearing = z.infer<typeof ZHearing>;
export const ZHearingList = z.array(ZHearing);

export const ZDrawResult = z.object({
  seed: z.string(),
  method: z.string(),
  drawn: z.array(z.object({ officerId: z.number(), name: z.string() })),
  candidates: z.number(),
  /** Officers of the pool left out of the draw for a declared relation with a party. */
  excluded: z.array(z.object({ officerId: z.number(), name: z.string(), reason: z.string() })),
  hearing: ZHearing,
});
export type TDrawResult = z.infer<typeof ZDrawResult>;

/** A published hearing: parties' names masked for everyone. */
export const ZPublishedHearing = z.object({
  id: z.number(),
  caseNumber: z.string(),
  question: z.string(),
  heldOn: z.string(),
  place: z.string(),
  participants: z.array(z.object({ name: z.string(), roleLabel: z.string() })),
  officers: z.array(z.object({ name: z.string(), occupation: z.string(), opinion: z.string().nullable() })),
  decisionUse: z.string().nullable(),
  publishedAt: z.string(),
});
export const ZPublishedList = z.array(ZPublishedHearing);
export type TPublishedHearing = z.infer<typeof ZPublishedHearing>;

// ─── 行政争议实质性化解 ───

export const ZEntryStage = z.enum(disputeEntryStageIds);
export const ZMeans = z.enum(disputeMeansIds);
export const ZOutcome = z.enum(disputeOutcomeIds);

export const ZDisputeBody = z.strictObject({
  /** Taken from the case's 诉前/诉中/诉后 when it was opened with one; must agree with it. */
  entryStage: ZEntryStage.optional(),
  referredBy: text('邀请或移送机关', 200),
  referredOn: ZDay.optional(),
  parties: z.array(ZParticipant).max(50),
  administrativeOrgan: text('行政机关', 200),
  administrativeAct: text('被诉（申请复议）的行政行为', 1_000),
  disputeFocus: text('争议焦点', 2_000),
  means: z.array(ZMeans).max(disputeMeansIds.length),
});
export type TDisputeBody = z.infer<typeof ZDisputeBody>;

export const ZMeetingBody = z.strictObject({
  heldOn: ZDay,
  bodies: z.array(text('参会单位', 100)).min(1, '请填写参会单位').max(30),
  minutes: text('会商纪要', 20_000),
});
export type TMeetingBody = z.infer<typeof ZMeetingBody>;

export const ZOutcomeBody = z.strictObject({
  outcome: ZOutcome,
  outcomeOn: ZDay,
  note: z.string().trim().max(2_000).optional(),
});
export type TOutcomeBody = z.infer<typeof ZOutcomeBody>;

export const ZDispute = z.object({
  caseId: z.number(),
  /** False until the dispute's particulars are filled in; the rest is then empty. */
  recorded: z.boolean(),
  entryStage: ZEntryStage.nullable(),
  entryStageLabel: z.string().nullable(),
  referredBy: z.string().nullable(),
  referredOn: z.string().nullable(),
  parties: z.array(z.object({ name: z.string(), role: ZParticipantRole, roleLabel: z.string() })),
  namesMasked: z.boolean(),
  administrativeOrgan: z.string().nullable(),
  administrativeAct: z.string().nullable(),
  disputeFocus: z.string().nullable(),
  means: z.array(z.object({ id: ZMeans, label: z.string() })),
  /** The case's hearings, linked when 公开听证 is among the means. */
  hearings: z.array(z.object({ id: z.number(), question: z.string(), heldOn: z.string() })),
  meetings: z.array(
    z.object({ id: z.number(), heldOn: z.string(), bodies: z.array(z.string()), minutes: z.string() }),
  ),
  outcome: ZOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  resolved: z.boolean(),
});
export type TDispute = z.infer<typeof ZDispute>;

export const ZStatisticsQuery = z.strictObject({ from: ZDay.optional(), to: ZDay.optional() });
export const ZStatistics = z.object({
  from: z.string(),
  to: z.string(),
  /** Disputes whose outcome (other than 未化解) is dated within the period: 化解 N 起. */
  resolved: z.number(),
  unresolved: z.number(),
  byOutcome: z.array(z.object({ outcome: ZOutcome, label: z.string(), count: z.number() })),
  byEntryStage: z.array(z.object({ entryStage: ZEntryStage, label: z.string(), resolved: z.number() })),
  byYear: z.array(z.object({ year: z.number(), resolved: z.number() })),
});
export type TStatistics = z.infer<typeof ZStatistics>;

export { disputeEntryStages, disputeMeans, disputeOutcomes, hearingDrawMethods, hearingParticipantRoles };
