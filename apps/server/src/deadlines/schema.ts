import { z } from 'zod';
import { ZDay } from '../http/dates.ts';
import { ZIdParam } from '../http/ids.ts';
import { maxPageSize } from '../http/paging.ts';

export const deadlineStatuses = ['open', 'dueSoon', 'overdue', 'done', 'paused'] as const;
export const ZDeadlineStatus = z.enum(deadlineStatuses);

export const ZDeadline = z.object({
  id: z.number(),
  limitId: z.string(),
  name: z.string(),
  urgent: z.boolean(),
  start: z.string().nullable(),
  due: z.string().nullable(),
  /** The engine's state: running, paused (open pause), pending (waits for the previous limit). */
  state: z.string(),
  status: ZDeadlineStatus,
  statusLabel: z.string(),
  basis: z.object({
    law: z.string(),
    article: z.string(),
    text: z.string().nullable(),
    verified: z.boolean(),
    /** 民法典第二百零三条 / …（待核实） */
    citation: z.string(),
  }),
  /** The engine's one-line explanation: 2026-08-01 送达 + 两个月 = 2026-10-01，国庆节假期顺延至 2026-10-08 */
  explanation: z.string(),
  steps: z.array(z.string()),
  warnings: z.array(z.string()),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  completedOn: z.string().nullable(),
  predecessorId: z.number().nullable(),
  suggestionId: z.number().nullable(),
  record: z.object({
    kind: z.enum(['case', 'clue']),
    id: z.number(),
    /** 案号, or the clue's title */
    label: z.string(),
    title: z.string(),
    department: z.object({ id: z.number(), name: z.string() }),
    handler: z.object({ id: z.number(), name: z.string() }).nullable(),
  }),
});
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZDeadlineList = z.object({
  items: z.array(ZDeadline),
  /** How many match (all of them when the query names no page). */
  total: z.number(),
});
export type TDeadlineList = z.infer<typeof ZDeadlineList>;

export const ZDeadlineBoard = z.object({
  department: z.object({ id: z.number(), name: z.string() }),
  counts: z.record(ZDeadlineStatus, z.number()),
  items: z.array(ZDeadline),
});
export type TDeadlineBoard = z.infer<typeof ZDeadlineBoard>;

/** 全院期限看板 (chief and deputies): every department's counts side by side, and all unfinished deadlines. */
export const ZDeadlineOverview = z.object({
  counts: z.record(ZDeadlineStatus, z.number()),
  departments: z.array(
    z.object({
      department: z.object({ id: z.number(), name: z.string() }),
      counts: z.record(ZDeadlineStatus, z.number()),
    }),
  ),
  items: z.array(ZDeadline),
});
export type TDeadlineOverview = z.infer<typeof ZDeadlineOverview>;

export const ZDeadlineQuery = z.strictObject({
  caseId: ZIdParam.optional(),
  clueId: ZIdParam.optional(),
  suggestionId: ZIdParam.optional(),
  /** 1: only the deadlines of the cases and clues the user handles. */
  mine: z.literal('1').optional(),
  /** 1: unfinished and past their due day (逾期). */
  overdue: z.literal('1').optional(),
  /** 7d: unfinished and due today or within the next seven days. */
  due: z.literal('7d').optional(),
  /** Due day from … to (inclusive): the cockpit's 按期办结 / 逾期 lists. */
  dueFrom: ZDay.optional(),
  dueTo: ZDay.optional(),
  /** met: completed on or before the due day; overdue: completed after it, or unfinished past it. */
  timely: z.enum(['met', 'overdue']).optional(),
  /** The department of the deadline's case (else its clue). */
  departmentId: ZIdParam.optional(),
  /** A page of the list (all when absent). */
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).optional(),
});
export type TDeadlineQuery = z.infer<typeof ZDeadlineQuery>;

export const ZBoardQuery = z.strictObject({ departmentId: ZIdParam.optional() });

export const pauseReasons = { appraisal: '鉴定', audit: '审计', approval: '审批' } as const;

export const ZPauseBody = z.strictObject({
  /** First paused day. */
  from: ZDay,
  reason: z.enum(['appraisal', 'audit', 'approval']),
  note: z.string().trim().max(200).optional(),
});
export type TPauseBody = z.infer<typeof ZPauseBody>;

export const ZResumeBody = z.strictObject({
  /** Last paused day: counting resumes the day after. */
  to: ZDay,
});
export type TResumeBody = z.infer<typeof ZResumeBody>;

export const ZDeadlineIdParams = z.strictObject({ id: ZIdParam });
