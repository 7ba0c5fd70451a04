import type { classSiteKindIds, siteRectificationIds } from './states.ts';

/** 类案监督: the kind of site where a group's shared problem (消防隐患, 飞线充电…) was found. */
export const classSiteKinds = {
  hospital: '医院',
  mall: '商场',
  oldCompound: '老旧小区',
  school: '学校',
  market: '农贸市场',
  enterprise: '企业',
  other: '其他场所',
} as const satisfies Record<(typeof classSiteKindIds)[number], string>;
export type TClassSiteKind = keyof typeof classSiteKinds;

/** Rectification of one site after the group's 社会治理类检察建议. */
export const siteRectifications = {
  notStarted: '未整改',
  inProgress: '整改中',
  done: '已整改',
} as const satisfies Record<(typeof siteRectificationIds)[number], string>;
export type TSiteRectification = keyof typeof siteRectifications;

/** The suggestion kind a class-case group issues (suggestions.kind). */
export const classCaseSuggestionKind = 'socialGovernance' as const;
