import { ZCaseType } from '@procura/domain/cases/case-types';
import { ZClueSource, ZClueStatus } from '@procura/domain/cases/clue-sources';
import { ZPilField } from '@procura/domain/public-interest-fields';
import { z } from 'zod';
import { ZAttachment } from '../attachments/schema.ts';
import { ZDateTime, ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

const ZRef = z.object({ id: z.number(), name: z.string() });

export const ZParty = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  idNumber: z.string().nullable(),
});
export type TParty = z.infer<typeof ZParty>;

export const ZPossibleDuplicate = z.object({
  kind: z.enum(['clue', 'case']),
  /** Null when the user could not open the record (another department's): it is flagged anonymously. */
  id: z.number().nullable(),
  /** The case number for a case; null for a clue (its title is not shown across departments). */
  caseNumber: z.string().nullable(),
  department: z.string(),
  reason: z.string(),
});
export type TPossibleDuplicate = z.infer<typeof ZPossibleDuplicate>;

export const ZClue = z.object({
  id: z.number(),
  source: ZClueSource,
  sourceLabel: z.string(),
  title: z.string(),
  description: z.string(),
  /** 公益诉讼领域 of a public-interest department's clue; null when not set. */
  pilField: ZPilField.nullable(),
  pilFieldLabel: z.string().nullable(),
  department: ZRef,
  handler: ZRef.nullable(),
  status: ZClueStatus,
  statusLabel: z.string(),
  receivedAt: z.string(),
  assessmentDueOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  case: z.object({ id: z.number(), caseNumber: z.string() }).nullable(),
  parties: z.array(ZParty),
  createdAt: z.string(),
});
export type TClue = z.infer<typeof ZClue>;

export const ZClueTransfer = z.object({
  id: z.number(),
  clueId: z.number(),
  fromDepartment: ZRef,
  toDepartment: ZRef.nullable(),
  toOutsideBody: z.string().nullable(),
  receivedClueId: z.number().nullable(),
  reason: z.string(),
  transferredAt: z.string(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
});
export type TClueTransfer = z.infer<typeof ZClueTransfer>;

export const ZClueDetail = ZClue.extend({
  /** Transfers of this clue to others, and the transfer that brought it here. */
  transfers: z.array(ZClueTransfer),
  receivedFrom: ZClueTransfer.nullable(),
  possibleDuplicates: z.array(ZPossibleDuplicate),
  /** Material handed in with the clue (letters, photos, scans). */
  attachments: z.array(ZAttachment),
});
export type TClueDetail = z.infer<typeof ZClueDetail>;

export const ZClueList = z.object({ items: z.array(ZClue), total: z.number() });
export type TClueList = z.infer<typeof ZClueList>;

const ZPartyInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: z.string().trim().min(1, '请输入姓名').max(64),
    /** As typed: the server cleans it (full-width digits, spaces, lower-case x, 15 → 18 digits). */
    idNumber: z.string().trim().max(40).optional(),
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    name: z.string().trim().min(1, '请输入单位名称').max(128),
  }),
]);
export type TPartyInput = z.infer<typeof ZPartyInput>;

export const ZRegisterClueBody = z.strictObject({
  source: ZClueSource,
  title: z.string().trim().min(2, '标题至少 2 个字').max(200),
  description: z.string().trim().min(2, '请填写线索内容').max(20_000),
  /** The receiving department; by default the registering user's. */
  departmentId: ZId.optional(),
  handlerId: ZId.optional(),
  assessmentDueOn: ZDay.optional(),
  /** 公益诉讼领域: clues received by a public-interest department only. */
  pilField: ZPilField.optional(),
  parties: z.array(ZPartyInput).max(200).default([]),
});
export type TRegisterClueBody = z.infer<typeof ZRegisterClueBody>;

export const ZRegisterClueResult = z.object({
  clue: ZClueDetail,
  possibleDuplicates: z.array(ZPossibleDuplicate),
});

export const ZTransferInput = z
  .strictObject({
    toDepartmentId: ZId.optional(),
    toOutsideBody: z.string().trim().min(2).max(128).optional(),
    reason: z.string().trim().min(2, '请填写移送理由').max(2000),
    /** 公益诉讼领域 of the clue received by a public-interest department; by default the sent clue's. */
    pilField: ZPilField.optional(),
  })
  .refine((t) => Boolean(t.toDepartmentId) !== Boolean(t.toOutsideBody), {
    message: '请选择接收部门或填写外单位名称，二者选一',
  });
export type TTransferInput = z.infer<typeof ZTransferInput>;

export const ZDecideClueBody = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('open'),
    caseType: ZCaseType,
    phase: z.string().max(32).optional(),
    title: z.string().trim().min(2).max(200).optional(),
    handlerId: ZId.optional(),
    /** 公益诉讼领域 of the case; by default the clue's. */
    pilField: ZPilField.optional(),
  }),
  z.strictObject({
    decision: z.literal('decline'),
    reason: z.string().trim().min(2, '请填写不立案理由').max(2000),
  }),
  z.strictObject({ decision: z.literal('transfer'), transfer: ZTransferInput }),
]);
export type TDecideClueBody = z.infer<typeof ZDecideClueBody>;

export const ZTransferFeedbackBody = z
  .strictObject({
    receivedAt: ZDateTime.optional(),
    receivedBy: z.string().trim().min(1).max(64).optional(),
    feedback: z.string().trim().min(1).max(5000).optional(),
  })
  .refine((b) => b.receivedAt || b.receivedBy || b.feedback, { message: '请填写回执或反馈' });
export type TTransferFeedbackBody = z.infer<typeof ZTransferFeedbackBody>;

export const ZClueQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  departmentId: ZIdParam.optional(),
  source: ZClueSource.optional(),
  status: ZClueStatus.optional(),
  /** decision: still waiting for its decision (待处置: pending or assessing). */
  awaiting: z.literal('decision').optional(),
  pilField: ZPilField.optional(),
  handlerId: ZIdParam.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  ...ZPageQuery(),
});
export type TClueQuery = z.infer<typeof ZClueQuery>;

export const ZSentClue = z.object({
  transfer: ZClueTransfer,
  clue: z.object({ id: z.number(), title: z.string(), source: ZClueSource, sourceLabel: z.string() }),
  /** The receiving department's clue and what became of it; null for an outside body. */
  received: z
    .object({
      clueId: z.number(),
      status: ZClueStatus,
      statusLabel: z.string(),
      declineReason: z.string().nullable(),
    })
    .nullable(),
  case: z
    .object({
      id: z.number(),
      caseNumber: z.string(),
      typeLabel: z.string(),
      stageLabel: z.string(),
      closed: z.boolean(),
    })
    .nullable(),
  outcomes: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      amountFen: z.number().nullable(),
      count: z.number().nullable(),
      text: z.string(),
    }),
  ),
  recoveredFen: z.number(),
});
export type TSentClue = z.infer<typeof ZSentClue>;

export const ZSentClueList = z.object({ items: z.array(ZSentClue), total: z.number() });
export type TSentClueList = z.infer<typeof ZSentClueList>;

export const ZSentClueQuery = z.strictObject({
  departmentId: ZIdParam.optional(),
  /** feedback: sent to an outside body whose feedback is not yet recorded (待反馈). */
  awaiting: z.literal('feedback').optional(),
  ...ZPageQuery(),
});

/** The list's filters without paging: what an export selects. */
export const ZClueExportQuery = ZClueQuery.omit({ page: true, pageSize: true });
export type TClueFilter = z.infer<typeof ZClueExportQuery>;
