import { addDays, type IsoDate } from '../deadlines/period.ts';
import type * as states from '../states.ts';

/** 刑事诉讼法 第二百八十六条; 人民检察院刑事诉讼规则 第四百八十二条、第四百八十六条. */
export const sealingBasis = {
  sentence: '刑事诉讼法 第二百八十六条；人民检察院刑事诉讼规则 第四百八十二条',
  nonProsecution: '人民检察院刑事诉讼规则 第四百八十六条',
} as const satisfies Record<(typeof states.sealingBasisIds)[number], string>;
export type TSealingBasis = keyof typeof sealingBasis;
export const sealingBasisLabels: Record<TSealingBasis, string> = {
  sentence: '犯罪时不满十八周岁，被判处五年有期徒刑以下刑罚',
  nonProsecution: '对未成年犯罪嫌疑人作出不起诉决定',
};

/** null when the record must be sealed on this basis; otherwise the Chinese reason. */
export function sealingProblem(input: {
  basis: TSealingBasis;
  ageAtOffence: number;
  sentenceMonths?: number | null;
}): string | null {
  if (input.ageAtOffence >= 18) return '犯罪时已满十八周岁，不适用犯罪记录封存';
  if (input.basis === 'sentence') {
    if (input.sentenceMonths == null) return '请填写判处的刑期（月）';
    if (input.sentenceMonths > 60) return '判处五年有期徒刑以上刑罚的，不予封存（刑事诉讼法 第二百八十六条）';
  }
  return null;
}

/** 人民检察院刑事诉讼规则 第四百八十四条第二款: 七日以内作出是否许可的决定. */
export const sealQueryBasis = '人民检察院刑事诉讼规则 第四百八十四条';
export const sealQueryDays = 7;

/** The last day to decide a query received on a day: the day itself not counted (刑事诉讼法 第一百零五条). */
export function sealQueryDueOn(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, sealQueryDays);
}

export type TSealQueryState = (typeof states.sealQueryStateIds)[number];
export const sealQueryStates: Record<TSealQueryState, string> = {
  pending: '待决定',
  permitted: '许可查询',
  refused: '不予许可',
};
