import { type ColumnKey, isColumnKey } from '../import/columns.ts';
import type { TModelSpec } from '../models/spec.ts';

/** Made-up values of each kind, as a hit's sentence would show them (names and ID numbers masked). */
const samples: Partial<Record<ColumnKey, string>> = {
  idNumber: '510108********1234',
  name: '张某',
  paidDate: '2023年5月10日',
  payMonth: '2023年12月',
  amount: '1,200.00',
  kind: '补助',
  admitted: '2022年3月5日',
  released: '2024年6月30日',
  deathDate: '2021年11月8日',
  custody: '监禁',
  plate: '川A·D1234',
  frame: 'LSVAB4BR8EN000123',
  motor: 'EA2110456',
  status: '正常',
  startDate: '2022年3月5日',
  endDate: '2027年3月4日',
  returnedDate: '2024年1月15日',
  caseNumber: '（2023）川0108刑初123号',
  interest: '35,000.00',
  organisation: '某某小学',
};

const typical = {
  name: samples.name!,
  idNumber: samples.idNumber!,
  count: '3',
  amount: '3,600.00',
};

/**
 * The model's explanation template as one example hit would read: "张某（510108********1234）于
 * 2022年3月5日至2024年6月30日服刑期间领取补(救)助金 3 次，共计 3,600.00 元。" The page shows this
 * instead of the raw `{name}（{idNumber}）于 {prisoners.admitted~prisoners.released}…`.
 */
export function explanationExample(spec: TModelSpec): string {
  const value = (operand: string): string => {
    const [role, key = ''] = operand.split('|')[0]!.split('.') as [string, string?];
    const column = spec.inputs.find((input) => input.role === role)?.columns[key as ColumnKey];
    return column?.example ?? (isColumnKey(key) ? samples[key] : undefined) ?? '……';
  };
  const placeholder = (text: string): string => {
    if (text in typical) return typical[text as keyof typeof typical];
    if (text === 'subject') {
      const key = spec.subject.keys[0] ?? 'idNumber';
      return (isColumnKey(key) ? samples[key] : undefined) ?? typical.idNumber;
    }
    if (text.includes('~')) {
      const [from, to] = text.split('~') as [string, string];
      return `${value(from)}至${value(to)}`;
    }
    if (text.endsWith('|max') && text.includes('.payMonth')) return '2024年2月';
    return value(text);
  };
  return (
    spec.explanation
      .replace(/\{([^}]*)\}/g, (_, text: string) => placeholder(text))
      // A space the template leaves beside Chinese text is no gap a Chinese sentence would have.
      .replace(/ +(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef]) +/g, '')
  );
}
