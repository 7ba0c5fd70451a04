import type { supportClaimKindIds, weakPartyCategoryIds } from './states.ts';

/** 老、弱、病、残、幼、农民工、家暴受害人: why the applicant cannot easily sue alone. */
export const weakPartyCategories = {
  elderly: '老年人',
  poor: '经济困难（弱）',
  ill: '患病（病）',
  disabled: '残疾人',
  minor: '未成年人（幼）',
  migrantWorker: '农民工',
  domesticViolenceVictim: '家庭暴力受害人',
} as const satisfies Record<(typeof weakPartyCategoryIds)[number], string>;

/** The words a labour bureau's sheet may use for each category (spaces removed). */
export const categoryWords: Record<TWeakPartyCategory, readonly string[]> = {
  elderly: ['老', '老年人', '老人'],
  poor: ['弱', '经济困难', '经济困难（弱）', '困难群众', '低保'],
  ill: ['病', '患病', '患病（病）', '重病', '重大疾病'],
  disabled: ['残', '残疾', '残疾人'],
  minor: ['幼', '未成年人', '未成年人（幼）', '儿童'],
  migrantWorker: ['农民工', '务工人员', '劳动者'],
  domesticViolenceVictim: ['家暴受害人', '家庭暴力受害人', '家暴'],
};

export const supportClaimKinds = {
  labourPay: '追索劳动报酬',
  childSupport: '追索抚养费',
  elderSupport: '追索赡养费',
  disabilityFund: '残疾人保证金',
  domesticViolence: '家庭暴力',
  other: '其他',
} as const satisfies Record<(typeof supportClaimKindIds)[number], string>;
export type TWeakPartyCategory = keyof typeof weakPartyCategories;
export type TSupportClaimKind = keyof typeof supportClaimKinds;
