import type { reportKindIds } from '../states.ts';

/**
 * The reports a leader generates from the cockpit's figures (issue 16): a period's 工作报告, a
 * 白皮书 on one line of work, a 类案分析 on one problem (a 公益诉讼 field).
 */
export const reportKinds: Record<(typeof reportKindIds)[number], { label: string }> = {
  workReport: { label: '工作报告' },
  whitePaper: { label: '白皮书' },
  caseAnalysis: { label: '类案分析' },
};
export type TReportKind = (typeof reportKindIds)[number];
export { reportKindIds } from '../states.ts';

/** The lines of work a 白皮书 covers: each is one section of the work report. */
export const reportLines = {
  publicInterest: '公益诉讼检察',
  supportedProsecution: '民事支持起诉',
  judicialAid: '司法救助',
  dataModel: '大数据法律监督模型',
  juvenile: '未成年人检察',
} as const;
export type TReportLine = keyof typeof reportLines;
export const reportLineIds = Object.keys(reportLines) as [TReportLine, ...TReportLine[]];
