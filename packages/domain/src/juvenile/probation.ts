import { addMonths, type IsoDate } from '../deadlines/period.ts';

/** 刑事诉讼法 第二百八十三条第二款; 人民检察院刑事诉讼规则 第四百七十三条. */
export const probationBasis = '刑事诉讼法 第二百八十三条第二款；人民检察院刑事诉讼规则 第四百七十三条';
export const probationMinMonths = 6;
export const probationMaxMonths = 12;

/** null when the probation period is lawful; otherwise the Chinese reason. */
export function probationProblem(months: number): string | null {
  if (!Number.isInteger(months)) return '考验期须为整月数';
  if (months < probationMinMonths || months > probationMaxMonths) {
    return `附条件不起诉的考验期为六个月以上一年以下（${probationBasis}），不能定为${months}个月`;
  }
  return null;
}

/**
 * The last day of the probation period: it runs from the day of the decision (第二百八十三条:
 * 从作出决定之日起计算), so a 6-month period decided on 2026-03-10 ends on 2026-09-09.
 */
export function probationEndsOn(decidedOn: IsoDate, months: number): IsoDate {
  const end = addMonths(decidedOn, months);
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
