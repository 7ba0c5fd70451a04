import { z } from 'zod';
import type { LimitId } from '../deadlines/limits.ts';
import type { TLine } from '../roles.ts';
import type * as states from '../states.ts';
import type { TCaseEventKind } from './event-kinds.ts';

export interface StageDefinition {
  readonly id: string;
  readonly label: string;
  /** Records (event kinds) that must be on the case before it may leave this stage. */
  readonly requires?: readonly TCaseEventKind[];
  /** A final stage: `closed` 结案 or `terminated` 终结. Nothing leaves it. */
  readonly final?: 'closed' | 'terminated';
}

export interface TransitionDefinition {
  readonly from: string;
  readonly to: string;
  /** Records needed for this way out only, on top of the stage's own. */
  readonly requires?: readonly TCaseEventKind[];
}

/** A time limit (packages/domain/src/deadlines/limits.ts) that starts on the day of an event. */
export interface DeadlineTrigger {
  readonly limit: LimitId;
  readonly startsAt: TCaseEventKind;
}

export interface CaseTypeDefinition {
  readonly id: string;
  readonly name: string;
  /** 案号代字: 成华检{code}〔2026〕N号. Types sharing a code share one number series. */
  readonly code: string;
  /** The line of work whose departments open this type. */
  readonly line: TLine;
  /** Phases a case of this type is opened in (行政争议实质性化解: 诉前/诉中/诉后). */
  readonly phases?: readonly { readonly id: string; readonly label: string }[];
  readonly initialStage: string;
  readonly stages: readonly StageDefinition[];
  readonly transitions: readonly TransitionDefinition[];
  readonly deadlines: readonly DeadlineTrigger[];
  /**
   * The stage a case enters when a suggestion of one of these kinds is issued on it: the issue is
   * the work of that stage, so the case follows it (packages/domain/src/cases/stage-machine.ts).
   */
  readonly suggestionStage?: { readonly kinds: readonly string[]; readonly stage: string };
}

const closed = { id: 'closed', label: '结案', final: 'closed' } as const;
const terminated = { id: 'terminated', label: '终结', final: 'terminated' } as const;

/**
 * Case types as data, keyed by type. A new type (the juvenile ones) is one more entry: the stage
 * machine, the number series and the deadline triggers read nothing else.
 *
 * Codes: 公益立 comes from practice (成华检公益立〔2026〕12号) and is shared by both public-interest
 * types; the civil-administrative codes (行违立, 行执立, 民支立, 行化立) are our choice, to be
 * confirmed with the 案件管理部 against the 统一业务应用系统 before production.
 */
export const caseTypes = {
  adminPublicInterest: {
    id: 'adminPublicInterest',
    name: '行政公益诉讼',
    code: '公益立',
    line: 'publicInterest',
    initialStage: 'investigation',
    stages: [
      { id: 'investigation', label: '立案调查', requires: ['investigationReport'] },
      { id: 'preLitigation', label: '诉前程序', requires: ['suggestionIssued', 'suggestionDelivered'] },
      { id: 'followUp', label: '跟进监督', requires: ['replyReceived', 'rectificationChecked'] },
      { id: 'litigation', label: '提起诉讼', requires: ['suitFiled', 'judgment'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'investigation', to: 'preLitigation' },
      { from: 'investigation', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'preLitigation', to: 'followUp' },
      { from: 'followUp', to: 'closed', requires: ['closureDecision'] },
      { from: 'followUp', to: 'litigation' },
      { from: 'litigation', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [
      { limit: 'caseHandlingToSuggestion', startsAt: 'caseOpened' },
      { limit: 'preLitigationSuggestionReply', startsAt: 'suggestionDelivered' },
      { limit: 'attendanceNoticeSubmission', startsAt: 'courtNoticeReceived' },
      { limit: 'caseClosureNotice', startsAt: 'terminationDecision' },
    ],
    // The 诉前检察建议 is the pre-litigation procedure (两高《关于检察公益诉讼案件适用法律若干问题的
    // 解释》第二十一条第一款: 应当向行政机关提出检察建议; 第二十二条第（三）项: 已经履行诉前程序):
    // issuing it moves the case into 诉前程序, and like any way out of 立案调查 it needs the
    // 调查终结报告 first. 2021《人民检察院公益诉讼办案规则》 is not in laws/: its article is 待核实.
    suggestionStage: { kinds: ['preLitigation'], stage: 'preLitigation' },
  },
  civilPublicInterest: {
    id: 'civilPublicInterest',
    name: '民事公益诉讼',
    code: '公益立',
    line: 'publicInterest',
    initialStage: 'investigation',
    stages: [
      { id: 'investigation', label: '立案调查', requires: ['investigationReport'] },
      { id: 'announcement', label: '诉前公告', requires: ['announcementPublished'] },
      { id: 'litigation', label: '提起诉讼', requires: ['suitFiled', 'judgment'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'investigation', to: 'announcement' },
      { from: 'investigation', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'announcement', to: 'litigation' },
      // 公告期满后法律规定的机关或组织自行起诉：检察机关终结案件。
      { from: 'announcement', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'litigation', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [
      { limit: 'civilPilAnnouncement', startsAt: 'announcementPublished' },
      { limit: 'attendanceNoticeSubmission', startsAt: 'courtNoticeReceived' },
      { limit: 'caseClosureNotice', startsAt: 'terminationDecision' },
    ],
  },
  adminViolation: {
    id: 'adminViolation',
    name: '行政违法行为监督',
    code: '行违立',
    line: 'civilAdministrative',
    initialStage: 'investigation',
    stages: [
      { id: 'investigation', label: '调查核实', requires: ['investigationReport'] },
      { id: 'suggestion', label: '检察建议', requires: ['suggestionIssued', 'suggestionDelivered'] },
      { id: 'followUp', label: '跟进监督', requires: ['replyReceived'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'investigation', to: 'suggestion' },
      { from: 'investigation', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'suggestion', to: 'followUp' },
      { from: 'followUp', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [{ limit: 'generalSuggestionReply', startsAt: 'suggestionDelivered' }],
    suggestionStage: { kinds: ['general'], stage: 'suggestion' },
  },
  nonLitigationEnforcement: {
    id: 'nonLitigationEnforcement',
    name: '行政非诉执行监督',
    code: '行执立',
    line: 'civilAdministrative',
    initialStage: 'review',
    stages: [
      { id: 'review', label: '审查', requires: ['reviewReport'] },
      { id: 'suggestion', label: '检察建议', requires: ['suggestionIssued', 'suggestionDelivered'] },
      { id: 'followUp', label: '跟进监督', requires: ['replyReceived'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'review', to: 'suggestion' },
      { from: 'review', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'suggestion', to: 'followUp' },
      { from: 'followUp', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [{ limit: 'generalSuggestionReply', startsAt: 'suggestionDelivered' }],
    suggestionStage: { kinds: ['general'], stage: 'suggestion' },
  },
  supportedSuit: {
    id: 'supportedSuit',
    name: '民事支持起诉',
    code: '民支立',
    line: 'civilAdministrative',
    initialStage: 'review',
    stages: [
      { id: 'review', label: '审查', requires: ['applicationReceived', 'reviewReport'] },
      { id: 'support', label: '支持起诉', requires: ['supportOpinion', 'suitFiled'] },
      { id: 'trial', label: '出庭支持', requires: ['judgment'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'review', to: 'support' },
      { from: 'review', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'support', to: 'trial' },
      // 起诉后当事人和解、撤诉：不经庭审结案。
      { from: 'support', to: 'closed', requires: ['closureDecision'] },
      { from: 'trial', to: 'closed', requires: ['closureDecision'] },
    ],
    // 民事诉讼法 第十五条 sets no time limit for supported prosecution (RULES.md).
    deadlines: [],
  },
  adminDisputeResolution: {
    id: 'adminDisputeResolution',
    name: '行政争议实质性化解',
    code: '行化立',
    line: 'civilAdministrative',
    phases: [
      { id: 'preLitigation', label: '诉前' },
      { id: 'inLitigation', label: '诉中' },
      { id: 'postLitigation', label: '诉后' },
    ],
    initialStage: 'review',
    stages: [
      { id: 'review', label: '审查', requires: ['reviewReport'] },
      { id: 'resolution', label: '化解' },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'review', to: 'resolution' },
      { from: 'review', to: 'terminated', requires: ['terminationDecision'] },
      { from: 'resolution', to: 'closed', requires: ['resolutionAgreement', 'closureDecision'] },
      { from: 'resolution', to: 'terminated', requires: ['terminationDecision'] },
    ],
    deadlines: [{ limit: 'adminLitigationSupervisionApplication', startsAt: 'rulingEffective' }],
  },
  // Juvenile types (未检). 代字 未检立 is our choice, to be confirmed like the codes above. The
  // juvenile records themselves (minors, one-stop sessions, 附条件不起诉…) live in the juvenile module.
  juvenileVictim: {
    id: 'juvenileVictim',
    name: '侵害未成年人犯罪案件',
    code: '未检立',
    line: 'juvenile',
    initialStage: 'review',
    stages: [
      { id: 'review', label: '审查', requires: ['reviewReport'] },
      { id: 'prosecution', label: '提起公诉', requires: ['judgment'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'review', to: 'prosecution', requires: ['publicProsecution'] },
      { from: 'review', to: 'terminated', requires: ['nonProsecutionDecision'] },
      { from: 'prosecution', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [],
  },
  juvenileSuspect: {
    id: 'juvenileSuspect',
    name: '未成年人犯罪案件',
    code: '未检立',
    line: 'juvenile',
    initialStage: 'review',
    stages: [
      { id: 'review', label: '审查', requires: ['reviewReport'] },
      // 刑事诉讼法 第二百八十三条: 考验期六个月以上一年以下, from the decision.
      { id: 'probation', label: '附条件不起诉考验', requires: ['probationEvaluation'] },
      { id: 'prosecution', label: '提起公诉', requires: ['judgment'] },
      closed,
      terminated,
    ],
    transitions: [
      { from: 'review', to: 'probation', requires: ['conditionalNonProsecution'] },
      { from: 'review', to: 'prosecution', requires: ['publicProsecution'] },
      { from: 'review', to: 'terminated', requires: ['nonProsecutionDecision'] },
      // 第二百八十四条: revoked → prosecution; otherwise, at the end, a non-prosecution decision.
      { from: 'probation', to: 'prosecution', requires: ['publicProsecution'] },
      { from: 'probation', to: 'closed', requires: ['nonProsecutionDecision'] },
      { from: 'prosecution', to: 'closed', requires: ['closureDecision'] },
    ],
    deadlines: [],
  },
} as const satisfies Record<(typeof states.caseTypeIds)[number], CaseTypeDefinition>;

export type TCaseType = keyof typeof caseTypes;
export const caseTypeIds = Object.keys(caseTypes) as TCaseType[];
export const ZCaseType = z.enum(caseTypeIds as [TCaseType, ...TCaseType[]]);

export function getCaseType(type: TCaseType): CaseTypeDefinition {
  return caseTypes[type];
}

export function findStage(type: TCaseType, stage: string): StageDefinition | undefined {
  return getCaseType(type).stages.find((s) => s.id === stage);
}

export function stageLabel(type: TCaseType, stage: string): string {
  return findStage(type, stage)?.label ?? stage;
}

export function isFinalStage(type: TCaseType, stage: string): boolean {
  return Boolean(findStage(type, stage)?.final);
}

/** The phases label, or null for types without phases. */
export function phaseLabel(type: TCaseType, phase: string | null): string | null {
  if (phase === null) return null;
  return getCaseType(type).phases?.find((p) => p.id === phase)?.label ?? phase;
}

/** null when the phase suits the type; otherwise the Chinese reason. */
export function phaseProblem(type: TCaseType, phase: string | null | undefined): string | null {
  const definition = getCaseType(type);
  if (!definition.phases) {
    return phase ? `${definition.name}案件不分阶段（诉前/诉中/诉后），请勿填写 phase` : null;
  }
  const names = definition.phases.map((p) => `${p.label}（${p.id}）`).join('、');
  if (!phase) return `${definition.name}案件须选择所处阶段：${names}`;
  if (!definition.phases.some((p) => p.id === phase)) return `${definition.name}案件的阶段只能是：${names}`;
  return null;
}

/** Limits that start when an event of this kind is recorded on a case of this type. */
export function deadlinesStartedBy(type: TCaseType, kind: TCaseEventKind): LimitId[] {
  return getCaseType(type)
    .deadlines.filter((d) => d.startsAt === kind)
    .map((d) => d.limit);
}
