import { z } from 'zod';
import type * as states from '../states.ts';

/**
 * What can happen on a case, as recorded on its timeline. Stage rules name these kinds as the
 * records that must exist before a case may leave a stage; deadline triggers name the kind whose
 * date starts a limit. Juvenile kinds are added here when their case types arrive.
 */
export const caseEventKinds = {
  caseOpened: '立案',
  stageChanged: '阶段变更',
  investigation: '调查取证',
  investigationReport: '调查终结报告',
  reviewReport: '审查报告',
  applicationReceived: '受理申请',
  hearing: '公开听证',
  roundTable: '圆桌会议',
  suggestionIssued: '制发检察建议',
  suggestionDelivered: '送达检察建议',
  replyReceived: '收到书面回复',
  rectificationChecked: '整改情况跟进评估',
  announcementPublished: '发布诉前公告',
  supportOpinion: '出具支持起诉意见书',
  suitFiled: '提起诉讼',
  courtNoticeReceived: '收到出庭通知书',
  courtAttendance: '出庭',
  judgment: '裁判结果',
  rulingEffective: '裁判生效',
  resolutionAgreement: '达成化解协议',
  terminationDecision: '终结审查决定',
  closureDecision: '结案审批',
  // Juvenile cases (刑事诉讼法 第五编第一章; 人民检察院刑事诉讼规则 第四百五十七条起).
  earlyIntervention: '提前介入',
  socialInvestigationReport: '社会调查报告',
  conditionalNonProsecution: '附条件不起诉决定',
  probationEvaluation: '考验期满考察意见',
  nonProsecutionDecision: '不起诉决定',
  publicProsecution: '提起公诉',
  outcomeRecorded: '记录办案成效',
  note: '办案记录',
} as const satisfies Record<(typeof states.caseEventKindIds)[number], string>;

export type TCaseEventKind = keyof typeof caseEventKinds;
export const caseEventKindIds = Object.keys(caseEventKinds) as TCaseEventKind[];
export const ZCaseEventKind = z.enum(caseEventKindIds as [TCaseEventKind, ...TCaseEventKind[]]);

/** Kinds the system writes itself; a user records the others. */
export const systemEventKinds: readonly TCaseEventKind[] = ['caseOpened', 'stageChanged', 'outcomeRecorded'];

export function caseEventLabel(kind: string): string {
  return (caseEventKinds as Record<string, string>)[kind] ?? kind;
}
