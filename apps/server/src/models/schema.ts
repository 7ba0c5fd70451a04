import { ZPilField } from '@procura/domain/public-interest-fields';
import type * as states from '@procura/domain/states';
import { hitConfidenceIds, scheduleRepeatIds } from '@procura/domain/states';
import { z } from 'zod';
import { maxId, ZId } from '../http/ids.ts';

const ZRef = z.object({ id: z.number(), name: z.string() });

export const ZModelParams = z.strictObject({ id: z.string().min(1).max(100) });

// ── data sets ────────────────────────────────────────────────────────────────

export const ZDatasetKind = z.object({
  id: z.string(),
  label: z.string(),
  /** the columns it needs, in Chinese, required first */
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  models: z.array(z.string()),
});
export type TDatasetKind = z.infer<typeof ZDatasetKind>;

export const ZDatasetReject = z.object({
  file: z.string(),
  row: z.number(),
  column: z.string(),
  value: z.string().optional(),
  reason: z.string(),
});
export type TDatasetReject = z.infer<typeof ZDatasetReject>;

export const ZDataset = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  fileName: z.string(),
  contentHash: z.string(),
  sizeBytes: z.number(),
  rowsRead: z.number(),
  rowsCleaned: z.number(),
  rowsRejected: z.number(),
  uploadedBy: ZRef,
  uploadedAt: z.string(),
});
export type TDataset = z.infer<typeof ZDataset>;

export const ZDatasetDetail = ZDataset.extend({ rejects: z.array(ZDatasetReject) });
export type TDatasetDetail = z.infer<typeof ZDatasetDetail>;

export const ZDatasetList = z.object({ kinds: z.array(ZDatasetKind), items: z.array(ZDataset) });
export type TDatasetList = z.infer<typeof ZDatasetList>;

export const ZDatasetQuery = z.strictObject({ kind: z.string().optional() });

export const ZUploadQuery = z.strictObject({
  kind: z.string().min(1, '请选择数据集类型（kind）'),
  fileName: z.string().min(1, '请提供文件名（fileName）').max(200),
});

export const ZUploadResult = z.object({ dataset: ZDatasetDetail, reused: z.boolean() });
export type TUploadResult = z.infer<typeof ZUploadResult>;

// ── runs ─────────────────────────────────────────────────────────────────────

export const runStatuses = {
  queued: '排队中',
  running: '运行中',
  succeeded: '已完成',
  failed: '失败',
} as const satisfies Record<(typeof states.runStatusIds)[number], string>;
export type TRunStatus = keyof typeof runStatuses;
export const ZRunStatus = z.enum(Object.keys(runStatuses) as [TRunStatus, ...TRunStatus[]]);

export const runStages = {
  queued: '等待运行',
  import: '载入数据集',
  match: '碰撞比对',
  explain: '生成说明和证据',
  save: '保存命中',
  done: '完成',
} as const satisfies Record<(typeof states.runStageIds)[number], string>;
export type TRunStage = keyof typeof runStages;

export const ZRunInput = z.object({
  role: z.string(),
  label: z.string(),
  datasetId: z.number(),
  contentHash: z.string(),
  fileName: z.string(),
});

export const ZRun = z.object({
  id: z.number(),
  modelId: z.string(),
  modelName: z.string(),
  inputs: z.array(ZRunInput),
  status: ZRunStatus,
  statusLabel: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  percent: z.number(),
  hitCount: z.number().nullable(),
  newHitCount: z.number().nullable(),
  amountFen: z.number().nullable(),
  error: z.string().nullable(),
  scheduleId: z.number().nullable(),
  startedBy: ZRef,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TRun = z.infer<typeof ZRun>;

export const ZRunList = z.object({ items: z.array(ZRun) });
export const ZRunQuery = z.strictObject({ modelId: z.string().optional() });

export const ZStartRunBody = z.strictObject({
  modelId: z.string().min(1),
  /** role → data set id */
  datasets: z.record(z.string(), ZId),
});
export type TStartRunBody = z.infer<typeof ZStartRunBody>;

// ── hits ─────────────────────────────────────────────────────────────────────

export const hitStatuses = {
  pending: '待审查',
  confirmed: '已确认',
  dismissed: '已排除',
  clue: '已转线索',
} as const satisfies Record<(typeof states.hitStatusIds)[number], string>;
export type THitStatus = keyof typeof hitStatuses;
export const ZHitStatus = z.enum(Object.keys(hitStatuses) as [THitStatus, ...THitStatus[]]);

export const ZEvidence = z.object({
  role: z.string(),
  file: z.string(),
  row: z.number(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export const ZHit = z.object({
  id: z.number(),
  runId: z.number(),
  isNew: z.boolean(),
  subject: z.string(),
  idNumber: z.string().nullable(),
  name: z.string().nullable(),
  count: z.number(),
  amountFen: z.number().nullable(),
  confidence: z.enum(hitConfidenceIds),
  score: z.number().nullable(),
  explanation: z.string(),
  evidence: z.array(ZEvidence),
  status: ZHitStatus,
  statusLabel: z.string(),
  dismissReason: z.string().nullable(),
  reviewedBy: ZRef.nullable(),
  reviewedAt: z.string().nullable(),
  clue: z.object({ id: z.number(), status: z.string() }).nullable(),
});
export type THit = z.infer<typeof ZHit>;

export const ZHitQuery = z.strictObject({
  onlyNew: z.enum(['true', 'false']).optional(),
  status: ZHitStatus.optional(),
});
export type THitQuery = z.infer<typeof ZHitQuery>;

/** Hits of every run (the workbench's 待审查命中 opens `?status=pending`). */
export const ZAllHitsQuery = z.strictObject({ status: ZHitStatus.optional() });
export type TAllHitsQuery = z.infer<typeof ZAllHitsQuery>;

export const ZHitList = z.object({
  items: z.array(ZHit),
  total: z.number(),
  newCount: z.number(),
  /** Chinese header of each evidence value key (idNumber → 身份证号) */
  columnLabels: z.record(z.string(), z.string()),
});
export type THitList = z.infer<typeof ZHitList>;

const ZHitIds = z.array(ZId).min(1, '请至少选择一条命中').max(1000);

export const ZReviewBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm'), hitIds: ZHitIds }),
  z.strictObject({
    action: z.literal('dismiss'),
    hitIds: ZHitIds,
    reason: z.string().trim().min(2, '排除须填写理由（至少 2 个字）').max(500),
  }),
]);
export type TReviewBody = z.infer<typeof ZReviewBody>;

export const ZToCluesBody = z.strictObject({
  hitIds: ZHitIds,
  departmentId: z
    .number({ message: '请选择接收部门' })
    .int()
    .positive({ message: '请选择接收部门' })
    .max(maxId, '部门编号无效'),
  /** 公益诉讼领域 of the clues, required when the department is a public-interest one. */
  pilField: ZPilField.optional(),
});
export type TToCluesBody = z.infer<typeof ZToCluesBody>;

export const ZToCluesResult = z.object({
  items: z.array(z.object({ hitId: z.number(), clueId: z.number() })),
});

// ── schedules ────────────────────────────────────────────────────────────────

export const ZScheduleRepeat = z.enum(scheduleRepeatIds);

export const ZSchedule = z.object({
  id: z.number(),
  modelId: z.string(),
  repeat: ZScheduleRepeat,
  every: z.number(),
  /** 每月 5 日 / 每 7 天 */
  label: z.string(),
  enabled: z.boolean(),
  nextRunAt: z.string(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdBy: ZRef,
});
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZScheduleList = z.object({ items: z.array(ZSchedule) });
export const ZScheduleQuery = z.strictObject({ modelId: z.string().optional() });

export const ZCreateScheduleBody = z
  .strictObject({
    modelId: z.string().min(1),
    repeat: ZScheduleRepeat,
    every: z.number().int().min(1),
  })
  .refine((body) => body.repeat !== 'monthly' || body.every <= 28, {
    message: '每月运行的日期须在 1 至 28 日之间（每个月都有的日子）',
    path: ['every'],
  })
  .refine((body) => body.repeat !== 'days' || body.every <= 366, {
    message: '间隔天数须在 1 至 366 天之间',
    path: ['every'],
  });
export type TCreateScheduleBody = z.infer<typeof ZCreateScheduleBody>;

export const ZUpdateScheduleBody = z.strictObject({ enabled: z.boolean() });

// ── models ───────────────────────────────────────────────────────────────────

export const ZModelStats = z.object({
  runs: z.number(),
  lastRunAt: z.string().nullable(),
  hits: z.number(),
  clues: z.number(),
  /** sum of the money outcomes of cases opened from those clues */
  recoveredFen: z.number(),
});

export const ZModelSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  legalBasis: z.array(z.string()),
  inputs: z.array(z.object({ role: z.string(), label: z.string(), kind: z.string() })),
  stats: ZModelStats,
});
export type TModelSummary = z.infer<typeof ZModelSummary>;

export const ZModelList = z.object({ items: z.array(ZModelSummary) });

export const ZModelDetail = ZModelSummary.extend({
  /** how one hit is explained, as an example sentence: 张某（510108********1234）于 2022年3月5日至… */
  explanationExample: z.string(),
  clues: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      department: z.string(),
      hitId: z.number(),
      runId: z.number(),
      caseNumber: z.string().nullable(),
      recoveredFen: z.number(),
    }),
  ),
});
export type TModelDetail = z.infer<typeof ZModelDetail>;
