import { z } from 'zod';
import { caseTypes, type TCaseType } from './cases/case-types.ts';
import type * as states from './states.ts';

/**
 * 公益诉讼领域: the field of a public-interest clue or case, as the department counts its work.
 * The list follows the fields the 公益诉讼检察部门 reports by; `other` takes the rest.
 */
export const pilFields = {
  ecology: '生态环境和资源保护',
  culturalHeritage: '文物和文化遗产保护',
  stateProperty: '国有财产保护',
  stateLandTransfer: '国有土地使用权出让',
  foodDrugSafety: '食品药品安全',
  tax: '税收',
  pensionSubsistenceFunds: '养老低保基金',
  heroesMartyrs: '英烈保护',
  minors: '未成年人保护',
  personalInformation: '个人信息保护',
  workSafety: '安全生产',
  other: '其他',
} as const satisfies Record<(typeof states.pilFieldIds)[number], string>;

export type TPilField = keyof typeof pilFields;
export const pilFieldIds = Object.keys(pilFields) as TPilField[];
export const ZPilField = z.enum(pilFieldIds as [TPilField, ...TPilField[]], {
  error: `公益诉讼领域须为以下之一：${Object.values(pilFields).join('、')}`,
});

export function pilFieldLabel(field: string | null | undefined): string | null {
  return field ? (pilFields[field as TPilField] ?? field) : null;
}

/** Case types that carry a field: those of the public-interest line (case-types.ts). */
export function isPilCaseType(type: TCaseType): boolean {
  return caseTypes[type].line === 'publicInterest';
}

/** Why a field does not fit a case of this type, or null: public-interest cases must name one. */
export function pilFieldProblem(type: TCaseType, field: string | null | undefined): string | null {
  if (field && !isPilCaseType(type)) return '只有公益诉讼案件填写公益诉讼领域';
  if (!field && isPilCaseType(type)) return pilFieldMissing('公益诉讼案件');
  return null;
}

/** The refusal when a public-interest case or clue is opened without its field. */
export function pilFieldMissing(what: string): string {
  return `${what}须选择公益诉讼领域（pilField）：${Object.values(pilFields).join('、')}`;
}

/** 保护对象 kinds: the site or object a case protects. */
export const protectedObjectKinds = {
  culturalRelic: '文物保护单位',
  natureReserve: '自然保护地',
  wildlife: '野生动植物',
  landmark: '历史文化街区和建筑',
  other: '其他',
} as const satisfies Record<(typeof states.protectedObjectKindIds)[number], string>;
export type TProtectedObjectKind = keyof typeof protectedObjectKinds;
export const ZProtectedObjectKind = z.enum(
  Object.keys(protectedObjectKinds) as [TProtectedObjectKind, ...TProtectedObjectKind[]],
);
