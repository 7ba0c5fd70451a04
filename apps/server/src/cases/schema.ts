import { ZCaseType } from '@procura/domain/cases/case-types';
import { ZClueSource } from '@procura/domain/cases/clue-sources';
import { ZCaseEventKind } from '@procura/domain/cases/event-kinds';
import { ZOutcomeKind } from '@procura/domain/cases/outcomes';
import { ZPilField } from '@procura/domain/public-interest-fields';
import { ZLine } from '@procura/domain/roles';
import { z } from 'zod';
import { ZParty } from '../clues/schema.ts';
import { ZDateTime, ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

const ZRef = z.object({ id: z.number(), name: z.string() });

export const ZCase = z.object({
  id: z.number(),
  caseNumber: z.string(),
  type: ZCaseType,
  typeLabel: z.string(),
  phase: z.string().nullable(),
  phaseLabel: z.string().nullable(),
  stage: z.string(),
  stageLabel: z.string(),
  department: ZRef,
  handler: ZRef.nullable(),
  title: z.string(),
  /** 公益诉讼领域 of a public-interest case; null when not set or not such a case. */
  pilField: ZPilField.nullable(),
  pilFieldLabel: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TCase = z.infer<typeof ZCase>;

export const ZCaseEvent = z.object({
  id: z.number(),
  kind: z.string(),
  label: z.string(),
  at: z.string(),
  /** The China day of an event known only by its day (送达, 回复): shown without a time of day. */
  day: z.string().nullable(),
  /** Entered afterwards with a date before the 签发 (补录): why; `at` is then when it was entered. */
  lateEntryReason: z.string().nullable(),
  actor: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const ZCaseOutcome = z.object({
  id: z.number(),
  kind: ZOutcomeKind,
  label: z.string(),
  amountFen: z.number().nullable(),
  count: z.number().nullable(),
  text: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** A file archived on a case (a generated 检察建议书…). */
export const ZCaseDocument = z.object({
  id: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  /** GET it to download. */
  url: z.string(),
});

export const ZCaseDetail = ZCase.extend({
  timeline: z.array(ZCaseEvent),
  clues: z.array(
    z.object({ id: z.number(), title: z.string(), sourceLabel: z.string(), department: z.string() }),
  ),
  outcomes: z.array(ZCaseOutcome),
  /** The people and organisations of the clues the case came from (a minor masked). */
  parties: z.array(ZParty),
  /** Other cases about the same adult or organisation, as far as the user reaches. */
  relatedCases: z.array(
    z.object({
      id: z.number(),
      caseNumber: z.string(),
      title: z.string(),
      department: z.string(),
      stageLabel: z.string(),
      /** The names the two cases share. */
      shared: z.array(z.string()),
    }),
  ),
  /** Documents archived on the case (检察建议书, 督促监护令…), newest last. */
  documents: z.array(ZCaseDocument),
  /**
   * Where issuing a suggestion of one of `kinds` takes the case (诉前程序…) and what must be
   * recorded before it may be issued; null when no suggestion moves the case from its stage.
   */
  suggestionStage: z
    .object({
      kinds: z.array(z.string()),
      to: z.string(),
      label: z.string(),
      missing: z.array(z.object({ kind: z.string(), label: z.string() })),
    })
    .nullable(),
  /** Where the case may go next and which records are still missing for each. */
  nextStages: z.array(
    z.object({
      to: z.string(),
      label: z.string(),
      missing: z.array(z.object({ kind: z.string(), label: z.string() })),
    }),
  ),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export const ZCaseList = z.object({ items: z.array(ZCase), total: z.number() });
export type TCaseList = z.infer<typeof ZCaseList>;

export const ZCaseQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  departmentId: ZIdParam.optional(),
  type: ZCaseType.optional(),
  stage: z.string().max(32).optional(),
  pilField: ZPilField.optional(),
  handlerId: ZIdParam.optional(),
  open: z.enum(['true', 'false']).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Cases of departments of this line of work. */
  line: ZLine.optional(),
  /** Cases with this event on their timeline (提起诉讼…), recorded on or after / on or before. */
  eventKind: ZCaseEventKind.optional(),
  eventFrom: ZDay.optional(),
  eventTo: ZDay.optional(),
  /** Cases with an outcome in money (金额成效) or of people helped (帮助群众), recorded in the range. */
  outcome: z.enum(['money', 'people']).optional(),
  outcomeFrom: ZDay.optional(),
  outcomeTo: ZDay.optional(),
  /** Cases opened from a clue of this source (大数据模型…). */
  clueSource: ZClueSource.optional(),
  /** Cases with 司法救助 paid (发放日期) on or after / on or before. */
  aidPaidFrom: ZDay.optional(),
  aidPaidTo: ZDay.optional(),
  /** Cases with a 督促监护令 issued (制发日期) on or after / on or before. */
  guardianshipFrom: ZDay.optional(),
  guardianshipTo: ZDay.optional(),
  ...ZPageQuery(),
});
export type TCaseQuery = z.infer<typeof ZCaseQuery>;

export const ZOpenCaseBody = z.strictObject({
  type: ZCaseType,
  phase: z.string().max(32).optional(),
  title: z.string().trim().min(2, '案件名称至少 2 个字').max(200),
  departmentId: ZId.optional(),
  handlerId: ZId.optional(),
  /** 公益诉讼领域: public-interest types only. */
  pilField: ZPilField.optional(),
});
export type TOpenCaseBody = z.infer<typeof ZOpenCaseBody>;

export const ZTransitionBody = z.strictObject({
  to: z.string().min(1).max(32),
  note: z.string().trim().max(2000).optional(),
});
export type TTransitionBody = z.infer<typeof ZTransitionBody>;

export const ZRecordEventBody = z.strictObject({
  kind: ZCaseEventKind,
  /** When it happened; now by default. */
  at: ZDateTime.optional(),
  note: z.string().trim().max(5000).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TRecordEventBody = z.infer<typeof ZRecordEventBody>;

export const ZRecordOutcomeBody = z.strictObject({
  kind: ZOutcomeKind,
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  count: z.number().int().positive().max(1_000_000_000).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TRecordOutcomeBody = z.infer<typeof ZRecordOutcomeBody>;

export const ZCaseIdParams = z.strictObject({ id: ZIdParam });

/** The list's filters without paging: what an export selects. */
export const ZCaseExportQuery = ZCaseQuery.omit({ page: true, pageSize: true });
export type TCaseFilter = z.infer<typeof ZCaseExportQuery>;
