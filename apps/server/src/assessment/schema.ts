import {
  appealStatusIds,
  assessmentEntryKindIds,
  assessmentEntryOriginIds,
  assessmentEntryStatusIds,
  assessmentPeriodKindIds,
  assessmentPeriodStatusIds,
  assessmentRecordTypeIds,
  caseTypeIds,
  gradeIds,
  indicatorDimensionIds,
  indicatorDirectionIds,
  indicatorSourceIds,
  pointCategoryIds,
  pointProposerIds,
  pointTriggerIds,
  studySessionKindIds,
} from '@procura/domain/states';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const ZPoints = z.number().min(-1000).max(1000);

// ─── schemes ────────────────────────────────────────────────────────────────────────────────

export const ZPointRule = z.strictObject({
  code: text(20, '请填写条款编号'),
  category: z.enum(pointCategoryIds),
  title: text(200, '请填写条款内容'),
  points: ZPoints,
  evidenceRequired: z.boolean(),
  capPerPeriod: z.number().min(0).max(10000).nullable(),
  proposer: z.enum(pointProposerIds),
  trigger: z.enum(pointTriggerIds).nullable(),
});

export const ZIndicator = z.strictObject({
  code: text(20, '请填写指标编号'),
  name: text(200, '请填写指标名称'),
  dimension: z.enum(indicatorDimensionIds),
  unit: text(20, '请填写计量单位'),
  weight: z.number().min(0).max(100),
  direction: z.enum(indicatorDirectionIds),
  source: z.enum(indicatorSourceIds),
  computedKey: z.string().trim().min(1).max(64).nullable(),
});

export const ZGradeBand = z.strictObject({
  grade: z.enum(gradeIds),
  minScore: z.number().min(0).max(1000),
  quotaPercent: z.number().min(0).max(100).nullable(),
});

export const ZDifficulty = z.strictObject({
  caseType: z.enum(caseTypeIds, '案件类型不在平台的案件类型中'),
  coefficient: z.number('难度系数应为数字').gt(0, '难度系数应大于 0').max(10, '难度系数不超过 10'),
});

export const ZScheme = z.strictObject({
  appealDays: z.number().int().min(1).max(365),
  pointRules: z.array(ZPointRule).max(200),
  indicators: z.array(ZIndicator).max(100),
  gradeBands: z.array(ZGradeBand).max(4),
  /** 难度系数 by case type; left out: the stored table is kept. */
  difficulty: z.array(ZDifficulty).max(caseTypeIds.length).optional(),
});
export type TSchemeBody = z.infer<typeof ZScheme>;

export const ZPeriodSummary = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(assessmentPeriodKindIds),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(assessmentPeriodStatusIds),
  isExample: z.boolean(),
  revision: z.number(),
  copiedFromId: z.number().nullable(),
});
export type TPeriodSummary = z.infer<typeof ZPeriodSummary>;
export const ZPeriodList = z.array(ZPeriodSummary);

export const ZPeriod = ZPeriodSummary.extend({
  scheme: z.object({
    appealDays: z.number(),
    pointRules: z.array(ZPointRule.extend({ id: z.number() })),
    indicators: z.array(ZIndicator.extend({ id: z.number() })),
    gradeBands: z.array(ZGradeBand),
    difficulty: z.array(ZDifficulty),
  }),
});
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZCreatePeriodBody = z
  .strictObject({
    name: text(60, '请填写周期名称'),
    kind: z.enum(assessmentPeriodKindIds),
    startsOn: ZDay,
    endsOn: ZDay,
    /** The period whose scheme is copied; null: the shipped 示例 scheme. */
    copyFromId: ZId.nullable(),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type TCreatePeriodBody = z.infer<typeof ZCreatePeriodBody>;

// ─── entries ────────────────────────────────────────────────────────────────────────────────

export const ZEntryQuery = z.strictObject({
  periodId: ZIdParam.optional(),
  status: z.enum(assessmentEntryStatusIds).optional(),
  kind: z.enum(assessmentEntryKindIds).optional(),
  /** Only the caller's own entries. */
  mine: z.enum(['true', 'false']).optional(),
  /**
   * What waits for the caller in an open period (the workbench's counts): `review` the head's
   * department review and confirmation, `approval` personnel's approval, `appeal` appeals to decide.
   */
  awaiting: z.enum(['review', 'approval', 'appeal']).optional(),
});
export type TEntryQuery = z.infer<typeof ZEntryQuery>;

export const ZProposeEntryBody = z.strictObject({
  periodId: ZId,
  userId: ZId,
  kind: z.enum(assessmentEntryKindIds),
  ruleId: ZId.nullable().default(null),
  indicatorId: ZId.nullable().default(null),
  title: text(200, '请填写事项'),
  /** bonus/negative without a rule: the points (bonus > 0, negative < 0). */
  points: ZPoints.nullable().default(null),
  /** indicator: the value in its unit. */
  value: z.number().min(0).max(1e9).nullable().default(null),
  occurredOn: ZDay,
});
export type TProposeEntryBody = z.infer<typeof ZProposeEntryBody>;

export const ZDecisionBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZAppealBody = z.strictObject({ reason: text(1000, '请填写复核理由') });

export const ZAppealDecisionBody = z.strictObject({
  revoke: z.boolean(),
  decision: text(1000, '请填写复核决定'),
});

export const ZAppeal = z.object({
  id: z.number(),
  reason: z.string(),
  filedAt: z.string(),
  status: z.enum(appealStatusIds),
  decision: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});

export const ZEntry = z.object({
  id: z.number(),
  periodId: z.number(),
  periodName: z.string(),
  userId: z.number(),
  userName: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  kind: z.enum(assessmentEntryKindIds),
  status: z.enum(assessmentEntryStatusIds),
  origin: z.enum(assessmentEntryOriginIds),
  ruleId: z.number().nullable(),
  ruleLabel: z.string().nullable(),
  indicatorId: z.number().nullable(),
  indicatorName: z.string().nullable(),
  title: z.string(),
  points: z.number().nullable(),
  value: z.number().nullable(),
  occurredOn: z.string(),
  record: z
    .object({
      type: z.enum(assessmentRecordTypeIds),
      id: z.number(),
      label: z.string(),
      link: z.string().nullable(),
    })
    .nullable(),
  proposedByName: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The last day 复核 may be asked (effective entries). */
  appealClosesOn: z.string().nullable(),
  appeal: ZAppeal.nullable(),
  evidence: z.array(ZAttachment),
});
export type TEntry = z.infer<typeof ZEntry>;
export const ZEntryList = z.array(ZEntry);

export const ZRefreshResult = z.object({ proposed: z.number() });

// ─── study sessions, people ─────────────────────────────────────────────────────────────────

export const ZStudySessionBody = z.strictObject({
  periodId: ZId,
  kind: z.enum(studySessionKindIds),
  title: text(200, '请填写学习主题'),
  heldOn: ZDay,
  attendeeIds: z.array(ZId).min(1, '请选择参加人员').max(500),
});

export const ZStudySession = z.object({
  id: z.number(),
  periodId: z.number(),
  kind: z.enum(studySessionKindIds),
  title: z.string(),
  heldOn: z.string(),
  attendees: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Points each attendee earned (the rule's), null when the scheme has no rule for the kind. */
  points: z.number().nullable(),
});
export const ZStudySessionList = z.array(ZStudySession);
export const ZStudyQuery = z.strictObject({ periodId: ZIdParam });

export const ZPerson = z.object({
  id: z.number(),
  displayName: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
});
export const ZPersonList = z.array(ZPerson);
export type TStudySessionBody = z.infer<typeof ZStudySessionBody>;
