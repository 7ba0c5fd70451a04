import type * as states from '../states.ts';

/**
 * One-time questioning of child victims: 未成年人保护法 第一百一十二条 (尽量一次完成, 同步录音录像).
 * The first inquiry needs nothing more; every further one needs an approved request naming why.
 */
export const inquiryBasis = '未成年人保护法 第一百一十二条';

export type TInquiryRequestState = (typeof states.inquiryRequestStateIds)[number];

export const inquiryRequestStates: Record<TInquiryRequestState, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '不予批准',
  used: '已使用',
};

/** null when one more inquiry may be booked; otherwise the Chinese reason. */
export function inquiryProblem(options: {
  inquiriesSoFar: number;
  hasApprovedRequest: boolean;
  victimName: string;
}): string | null {
  if (options.inquiriesSoFar === 0) return null;
  if (options.hasApprovedRequest) return null;
  return `被害人${options.victimName}已询问${options.inquiriesSoFar}次。为避免二次伤害，再次询问须说明理由并经部门负责人批准（${inquiryBasis}），请先提出再次询问申请`;
}
