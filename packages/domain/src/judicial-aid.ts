import type { judicialAidCategoryIds, judicialAidDecisionIds } from './states.ts';

/**
 * Why a person asks for 国家司法救助. The wording follows the situations prosecutors list in
 * practice; the rules that define them (人民检察院国家司法救助工作细则) are not among the statute
 * copies in laws/, so docs/civil-administrative.md marks them 待核实.
 */
export const judicialAidCategories = {
  victimInjured: '刑事被害人受犯罪侵害致重伤或严重残疾，未获赔偿，生活困难',
  victimDeceased: '刑事被害人因犯罪侵害死亡，其近亲属生活困难',
  propertyLoss: '刑事被害人因犯罪侵害遭受重大财产损失，未获赔偿，生活困难',
  retaliated: '举报人、证人、鉴定人因举报、作证受到打击报复，生活困难',
  civilUncompensated: '民事、行政案件当事人因侵权受到人身伤害，无法经诉讼获得赔偿，生活困难',
  juvenile: '未成年人需要司法救助（未成年人保护法 第一百零四条）',
  other: '其他生活困难情形',
} as const satisfies Record<(typeof judicialAidCategoryIds)[number], string>;
export type TJudicialAidCategory = keyof typeof judicialAidCategories;

/** 待决定 → 批准救助 or 不予救助. */
export const judicialAidDecisions = {
  pending: '待决定',
  granted: '批准救助',
  refused: '不予救助',
} as const satisfies Record<(typeof judicialAidDecisionIds)[number], string>;
export type TJudicialAidDecision = keyof typeof judicialAidDecisions;

/** Where one assistance stands, for lists: 已申请 / 已批准 / 不予救助 / 已发放. */
export function judicialAidStage(aid: {
  decision: TJudicialAidDecision;
  paidOn: string | null;
}): '已申请' | '已批准' | '不予救助' | '已发放' {
  if (aid.decision === 'refused') return '不予救助';
  if (aid.decision === 'pending') return '已申请';
  return aid.paidOn ? '已发放' : '已批准';
}
