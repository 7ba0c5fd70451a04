import { z } from 'zod';
import type { TLine } from '../roles.ts';
import type * as states from '../states.ts';

/** 线索来源, as the glossary lists them. */
export const clueSources = {
  criminalTransfer: '刑检移送',
  publicReport: '12309/群众举报',
  adminTransfer: '行政机关移送',
  congressReferral: '人大政协',
  dataModel: '大数据模型',
  selfDiscovered: '自行发现',
  media: '媒体',
  labourBureau: '人社部门移送',
  legalAidAgency: '法律援助机构移送',
  // 外部单位门户: a court's clue, and one of a body that is not an administrative organ (工会、妇联…).
  courtTransfer: '法院移送',
  otherBodyTransfer: '其他单位移送',
} as const satisfies Record<(typeof states.clueSourceIds)[number], string>;

export type TClueSource = keyof typeof clueSources;
export const clueSourceIds = Object.keys(clueSources) as TClueSource[];
export const ZClueSource = z.enum(clueSourceIds as [TClueSource, ...TClueSource[]]);

export const clueStatuses = {
  pending: '待评估',
  assessing: '评估中',
  opened: '已立案',
  declined: '不立案',
  transferred: '已移送',
} as const satisfies Record<(typeof states.clueStatusIds)[number], string>;

export type TClueStatus = keyof typeof clueStatuses;
export const clueStatusIds = Object.keys(clueStatuses) as TClueStatus[];
export const ZClueStatus = z.enum(clueStatusIds as [TClueStatus, ...TClueStatus[]]);

/** A clue still waiting for its decision: the only ones that may be decided, and duplicate candidates. */
export const openClueStatuses: readonly TClueStatus[] = ['pending', 'assessing'];

export function isOpenClue(status: TClueStatus): boolean {
  return openClueStatuses.includes(status);
}

/**
 * The source a clue has on the receiving side of an internal transfer: what the criminal line sends
 * is 刑检移送 to everyone else; otherwise the clue keeps the source it was registered with.
 */
export function sourceOnReceipt(senderLine: TLine, original: TClueSource): TClueSource {
  return senderLine === 'criminal' ? 'criminalTransfer' : original;
}
