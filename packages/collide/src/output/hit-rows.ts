import type { Hit } from '../run/hit.ts';

/** The columns of a hit in a spreadsheet, with Chinese headers. */
export const hitHeaders = [
  '序号',
  '身份证号',
  '姓名',
  '比对对象',
  '笔数',
  '金额（元）',
  '匹配方式',
  '说明',
  '证据（文件 行号）',
];

export const confidenceLabel = (hit: Hit): string =>
  hit.confidence === 'exact' ? '精确' : `疑似（相似度 ${hit.confidence.suspected.toFixed(3)}）`;

export function hitRow(hit: Hit, index: number): (string | number | null)[] {
  return [
    index + 1,
    hit.idNumber,
    hit.name,
    hit.subject,
    hit.count,
    hit.amount === null ? null : Number(hit.amount.toFixed(2)),
    confidenceLabel(hit),
    hit.explanation,
    hit.evidence.map((e) => `${e.file} 第${e.row}行`).join('；'),
  ];
}
