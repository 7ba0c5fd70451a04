/** 网络巡查: online patrols of food-delivery and drug-selling platforms, and what they find. */

import type { patrolFindingKindIds, patrolKindIds } from './states.ts';

export type TPatrolKind = (typeof patrolKindIds)[number];
export const patrolKinds = {
  onlineFood: '网络餐饮平台巡查',
  onlineDrug: '药品网络销售巡查',
} as const satisfies Record<TPatrolKind, string>;

export type TPatrolFindingKind = (typeof patrolFindingKindIds)[number];
export const patrolFindingKinds = {
  unlicensed: '无证经营',
  beyondScope: '超范围经营',
  foodBlindBox: '食品盲盒',
  controlledDrugs: '违规销售激素/麻醉/精神药品',
  fakeDrugs: '假药劣药',
  other: '其他',
} as const satisfies Record<TPatrolFindingKind, string>;

/**
 * The key that makes two findings "the same shop": the platform and the shop's link when there is
 * one, else its name; spaces and case ignored.
 */
export function shopKey(platform: string, shopName: string, link: string | null): string {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return `${norm(platform)}|${link ? norm(link) : `name:${norm(shopName)}`}`;
}
