import { ZCaseRecordKind } from '@procura/domain/juvenile/case-records';
import { ZFollowUpOutcome, ZFollowUpSubject, ZReferralBodyKind } from '@procura/domain/juvenile/follow-up';
import { ZOneStopFunction, ZOneStopRoom } from '@procura/domain/juvenile/one-stop';
import {
  genderIds,
  inquiryRequestStateIds,
  minorRoleIds,
  sealingBasisIds,
  sealQueryStateIds,
} from '@procura/domain/states';
import { z } from 'zod';
import { ZDateTime, ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';
import { ZPageQuery } from '../http/paging.ts';

const ZRef = z.object({ id: z.number(), name: z.string() });
const day = ZDay;
const text = (max = 2000) => z.string().trim().min(1, '不能为空').max(max);

export const ZMinor = z.object({
  id: z.number(),
  role: z.enum(minorRoleIds),
  roleLabel: z.string(),
  /** Masked (张*) unless the full view was asked for and allowed. */
  name: z.string(),
  gender: z.enum(genderIds),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  /** 询问 sessions held for a victim (未成年人保护法 第一百一十二条: 尽量一次完成). */
  inquiries: z.number(),
});
export type TMinor = z.infer<typeof ZMinor>;

export const ZCaseRecord = z.object({
  id: z.number(),
  kind: ZCaseRecordKind,
  label: z.string(),
  basis: z.string(),
  minorId: z.number().nullable(),
  data: z.record(z.string(), z.unknown()),
  recordedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZInquiryRequest = z.object({
  id: z.number(),
  minorId: z.number(),
  minorName: z.string(),
  reason: z.string(),
  state: z.enum(inquiryRequestStateIds),
  stateLabel: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const ZSession = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  minorId: z.number(),
  minorName: z.string(),
  room: ZOneStopRoom,
  roomLabel: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  functions: z.array(ZOneStopFunction),
  functionLabels: z.array(z.string()),
  attendees: z.array(z.string()),
  inquiryNumber: z.number().nullable(),
  note: z.string().nullable(),
  cancelled: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZOrderSession = z.object({
  on: z.string(),
  topic: z.string(),
  attended: z.boolean().nullable(),
  note: z.string().nullable(),
});

export const ZGuardianshipOrder = z.object({
  id: z.number(),
  minorId: z.number(),
  minorName: z.string(),
  guardianName: z.string(),
  relation: z.string(),
  facts: z.string(),
  requirements: z.string(),
  partnerBody: z.string(),
  sessions: z.array(ZOrderSession),
  issuedOn: z.string().nullable(),
  documentId: z.number().nullable(),
  evaluation: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  missing: z.array(z.string()),
});
export type TGuardianshipOrder = z.infer<typeof ZGuardianshipOrder>;

export const ZSealing = z.object({
  id: z.number(),
  basis: z.enum(sealingBasisIds),
  basisLabel: z.string(),
  legalBasis: z.string(),
  sentenceMonths: z.number().nullable(),
  sealedOn: z.string(),
  sealedBy: z.string(),
});

export const ZSealQuery = z.object({
  id: z.number(),
  sealingId: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  requesterBody: z.string(),
  requesterName: z.string(),
  purpose: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  state: z.enum(sealQueryStateIds),
  stateLabel: z.string(),
  overdue: z.boolean(),
  recordedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TSealQuery = z.infer<typeof ZSealQuery>;

export const ZJuvenileCase = z.object({
  id: z.number(),
  caseNumber: z.string(),
  type: z.enum(['juvenileVictim', 'juvenileSuspect']),
  typeLabel: z.string(),
  stageLabel: z.string(),
  title: z.string(),
  department: ZRef,
  handler: ZRef.nullable(),
  openedAt: z.string(),
  sealed: z.boolean(),
  minors: z.array(z.object({ id: z.number(), role: z.string(), name: z.string(), inquiries: z.number() })),
});
export type TJuvenileCase = z.infer<typeof ZJuvenileCase>;

export const ZJuvenileCaseList = z.object({ items: z.array(ZJuvenileCase), total: z.number() });
export type TJuvenileCaseList = z.infer<typeof ZJuvenileCaseList>;

export const ZJuvenileCaseQuery = z.strictObject({
  sealed: z.enum(['true', 'false']).optional(),
  /** me: cases with a 再次询问申请 awaiting this user's decision. */
  awaiting: z.literal('me').optional(),
  ...ZPageQuery(),
});
export type TJuvenileCaseQuery = z.infer<typeof ZJuvenileCaseQuery>;

export const ZJuvenileCaseDetail = ZJuvenileCase.extend({
  /** Whether names and id numbers are shown in full (and the view was written to the audit log). */
  full: z.boolean(),
  /** Whether this user may ask for the full view. */
  mayViewFull: z.boolean(),
  minors: z.array(ZMinor),
  records: z.array(ZCaseRecord),
  inquiryRequests: z.array(ZInquiryRequest),
  sessions: z.array(ZSession),
  orders: z.array(ZGuardianshipOrder),
  sealing: ZSealing.nullable(),
  sealQueries: z.array(ZSealQuery),
});
export type TJuvenileCaseDetail = z.infer<typeof ZJuvenileCaseDetail>;

export const ZCaseDetailQuery = z.strictObject({ full: z.enum(['true', 'false']).optional() });

export const ZAddMinorBody = z.strictObject({
  role: z.enum(minorRoleIds),
  name: text(50),
  gender: z.enum(genderIds),
  birthDate: day.optional(),
  idNumber: z.string().trim().max(30).optional(),
  guardianName: z.string().trim().max(50).optional(),
  guardianRelation: z.string().trim().max(20).optional(),
});
export type TAddMinorBody = z.infer<typeof ZAddMinorBody>;

export const ZAddRecordBody = z.strictObject({
  kind: ZCaseRecordKind,
  minorId: ZId.optional(),
  data: z.record(z.string(), z.unknown()),
});
export type TAddRecordBody = z.infer<typeof ZAddRecordBody>;

export const ZUpdateRecordBody = z.strictObject({ data: z.record(z.string(), z.unknown()) });

export const ZInquiryRequestBody = z.strictObject({
  minorId: ZId,
  reason: text(1000),
});
export const ZDecisionBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});

export const ZBookSessionBody = z.strictObject({
  minorId: ZId,
  room: ZOneStopRoom,
  startsAt: ZDateTime,
  endsAt: ZDateTime,
  functions: z.array(ZOneStopFunction).min(1, '至少选择一项功能'),
  attendees: z.array(text(50)).min(1, '至少填写一名参加人员').max(20),
  note: z.string().trim().max(1000).optional(),
});
export type TBookSessionBody = z.infer<typeof ZBookSessionBody>;

export const ZCalendarQuery = z.strictObject({ from: day, to: day });
export const ZSessionList = z.array(ZSession);

export const ZOrderBody = z.strictObject({
  minorId: ZId,
  guardianName: z.string().trim().max(50).default(''),
  relation: z.string().trim().max(20).default(''),
  facts: z.string().trim().max(5000).default(''),
  requirements: z.string().trim().max(5000).default(''),
  partnerBody: z.string().trim().max(100).default(''),
  sessions: z
    .array(z.strictObject({ on: day, topic: text(200) }))
    .max(50)
    .default([]),
});
export type TOrderBody = z.infer<typeof ZOrderBody>;

export const ZAttendanceBody = z.strictObject({
  index: z.number().int().min(0),
  attended: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});
export const ZEvaluationBody = z.strictObject({ evaluation: text(5000) });

export const ZVisit = z.object({
  id: z.number(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  notes: z.string().nullable(),
  progress: z.string().nullable(),
  status: z.enum(['open', 'dueSoon', 'overdue', 'done', 'paused']),
});
export const ZReferral = z.object({
  id: z.number(),
  bodyKind: ZReferralBodyKind,
  bodyKindLabel: z.string(),
  body: z.string(),
  reason: z.string(),
  sentOn: z.string(),
  feedback: z.string().nullable(),
  feedbackOn: z.string().nullable(),
});
export const ZFollowUp = z.object({
  id: z.number(),
  subject: ZFollowUpSubject,
  subjectLabel: z.string(),
  minorName: z.string(),
  goal: z.string(),
  startedOn: z.string(),
  department: ZRef,
  handler: ZRef.nullable(),
  case: z.object({ id: z.number(), caseNumber: z.string() }).nullable(),
  outcome: ZFollowUpOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  dueSoon: z.number(),
  overdue: z.number(),
  visits: z.array(ZVisit),
  referrals: z.array(ZReferral),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;
export const ZFollowUpList = z.array(ZFollowUp);

export const ZFollowUpQuery = z.strictObject({
  /** 1: only the plans the user handles. */
  mine: z.literal('1').optional(),
  /** 7d: open plans with a visit not yet made that is due within seven days or overdue. */
  due: z.literal('7d').optional(),
  /** Closed on or after / on or before (China days): the cockpit's 帮教后复学就业. */
  closedFrom: ZDay.optional(),
  closedTo: ZDay.optional(),
  /** 1: closed with the minor back at school or employed (复学、就业). */
  returned: z.literal('1').optional(),
  /** The plan's department (a head's cockpit). */
  departmentId: ZIdParam.optional(),
});
export type TFollowUpQuery = z.infer<typeof ZFollowUpQuery>;

export const ZFollowUpBody = z.strictObject({
  subject: ZFollowUpSubject,
  minorName: text(50),
  goal: text(2000),
  startedOn: day,
  caseId: ZId.optional(),
  handlerId: ZId.optional(),
  visitDueDates: z.array(day).min(1, '至少安排一次回访').max(60),
});
export type TFollowUpBody = z.infer<typeof ZFollowUpBody>;

export const ZVisitParams = z.strictObject({
  id: ZIdParam,
  visitId: ZIdParam,
});
export const ZVisitBody = z.strictObject({ doneOn: day, notes: text(5000), progress: text(2000) });
export const ZAddVisitBody = z.strictObject({ dueOn: day });
export const ZCloseFollowUpBody = z.strictObject({
  outcome: ZFollowUpOutcome,
  note: z.string().trim().max(2000).optional(),
});
export const ZReferralBody = z.strictObject({
  bodyKind: ZReferralBodyKind,
  body: text(100),
  reason: text(2000),
  sentOn: day,
});
export const ZReferralFeedbackBody = z.strictObject({ feedback: text(5000), feedbackOn: day });

export const ZSealBody = z.strictObject({
  basis: z.enum(sealingBasisIds),
  ageAtOffence: z.number().int().min(12).max(30),
  sentenceMonths: z.number().int().min(0).max(600).optional(),
  sealedOn: day,
});
export type TSealBody = z.infer<typeof ZSealBody>;

export const ZSealQueryBody = z.strictObject({
  requesterBody: text(100),
  requesterName: text(50),
  purpose: text(2000),
  receivedOn: day,
});
export type TSealQueryBody = z.infer<typeof ZSealQueryBody>;

export const ZSealedRecord = z.object({
  caseId: z.number(),
  caseNumber: z.string(),
  title: z.string(),
  sealing: ZSealing,
  pendingQueries: z.number(),
});
export const ZSealedRegister = z.object({ records: z.array(ZSealedRecord), queries: z.array(ZSealQuery) });
export type TSealedRegister = z.infer<typeof ZSealedRegister>;

export const ZSealedRegisterQuery = z.strictObject({
  /** me: only the query requests awaiting this user's decision (and the records they are on). */
  awaiting: z.literal('me').optional(),
});
export type TSealedRegisterQuery = z.infer<typeof ZSealedRegisterQuery>;

export const ZDocumentResult = z.object({ documentId: z.number() });
