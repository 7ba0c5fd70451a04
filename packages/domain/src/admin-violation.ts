import type { adminActKindIds, adminCorrectionIds, clueOriginKindIds } from './states.ts';

/** 线索来源情形: how a clue from a criminal case reached the administrative line. */
export const clueOriginKinds = {
  foundInCriminalCase: '刑事案件中发现',
  reverseLinkage: '行刑反向衔接（不起诉后需予行政处罚）',
  other: '其他',
} as const satisfies Record<(typeof clueOriginKindIds)[number], string>;
export type TClueOriginKind = keyof typeof clueOriginKinds;

/** 被监督的行政行为. */
export const adminActKinds = {
  penalty: '行政处罚',
  licensing: '行政许可',
  coercion: '行政强制',
  nonLitigationEnforcement: '行政非诉执行',
  levy: '行政征收',
  inaction: '不履行法定职责',
  other: '其他',
} as const satisfies Record<(typeof adminActKindIds)[number], string>;
export type TAdminActKind = keyof typeof adminActKinds;

/** 行政机关纠正结果 (跟进监督). */
export const adminCorrections = {
  corrected: '已纠正',
  partlyCorrected: '部分纠正',
  notCorrected: '未纠正',
} as const satisfies Record<(typeof adminCorrectionIds)[number], string>;
export type TAdminCorrection = keyof typeof adminCorrections;

/** Departments whose clues may name the criminal case they came from (sourceOnReceipt's sender line). */
export const criminalLines = ['criminal'] as const;

/** Case types in Procura that are criminal cases, which a clue's origin may link by id. */
export const criminalCaseTypes = ['juvenileVictim', 'juvenileSuspect'] as const;
