import { z } from 'zod';
import type * as states from '../states.ts';

/** The outcome of follow-up education (跟踪帮教): where the minor "返航" to. */
export const followUpOutcomes = {
  backToSchool: '复学',
  employed: '就业',
  training: '参加职业培训',
  backHome: '回归家庭',
  other: '其他',
} as const satisfies Record<(typeof states.followUpOutcomeIds)[number], string>;
export type TFollowUpOutcome = keyof typeof followUpOutcomes;
export const ZFollowUpOutcome = z.enum(
  Object.keys(followUpOutcomes) as [TFollowUpOutcome, ...TFollowUpOutcome[]],
);

export const followUpSubjects = {
  caseInvolved: '涉案未成年人',
  unsupervised: '失管未成年人',
} as const satisfies Record<(typeof states.followUpSubjectIds)[number], string>;
export type TFollowUpSubject = keyof typeof followUpSubjects;
export const ZFollowUpSubject = z.enum(
  Object.keys(followUpSubjects) as [TFollowUpSubject, ...TFollowUpSubject[]],
);

/** Bodies a referral goes to (与教育、民政等部门协作). */
export const referralBodyKinds = {
  education: '教育部门',
  civilAffairs: '民政部门',
  womensFederation: '妇联',
  socialWork: '专业社会机构',
  other: '其他',
} as const satisfies Record<(typeof states.referralBodyKindIds)[number], string>;
export type TReferralBodyKind = keyof typeof referralBodyKinds;
export const ZReferralBodyKind = z.enum(
  Object.keys(referralBodyKinds) as [TReferralBodyKind, ...TReferralBodyKind[]],
);

/** Partner bodies of the family-education studio (seed: 区妇联、关工委). */
export const guidancePartners = ['区妇联', '区关工委', '区教育局', '社会工作服务机构'] as const;

/** 家庭教育促进法 第四十九条; 预防未成年人犯罪法 第六十一条. */
export const guardianshipBasis =
  '《中华人民共和国家庭教育促进法》第四十九条、《中华人民共和国预防未成年人犯罪法》第六十一条';

export interface GuardianshipOrderFields {
  guardianName: string;
  relation: string;
  minorName: string;
  facts: string;
  requirements: string;
  partnerBody: string;
}

export const guardianshipFieldLabels: Record<keyof GuardianshipOrderFields, string> = {
  guardianName: '监护人姓名',
  relation: '与未成年人关系',
  minorName: '未成年人姓名',
  facts: '监护失职事实',
  requirements: '督促监护事项',
  partnerBody: '家庭教育指导机构',
};

/** The empty required fields of a 督促监护令, named in Chinese; the document is refused while any remain. */
export function missingGuardianshipFields(fields: Partial<GuardianshipOrderFields>): string[] {
  return (Object.keys(guardianshipFieldLabels) as (keyof GuardianshipOrderFields)[])
    .filter((key) => !fields[key]?.trim())
    .map((key) => guardianshipFieldLabels[key]);
}
