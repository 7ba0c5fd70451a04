import { formatYuan } from '@procura/domain/clean/amount';
import { type ColumnType, canonicalColumns, isColumnKey } from '../import/columns.ts';
import type { TModelSpec } from '../models/spec.ts';
import type { Evidence } from './hit.ts';

/** A cleaned value as a Chinese sentence shows it: 2022年3月5日, 2022年3月, 3,400.00. */
export function formatValue(type: ColumnType, value: string | number): string {
  if (type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  if (type === 'month' && typeof value === 'string') {
    const [y, m] = value.split('-');
    return `${y}年${Number(m)}月`;
  }
  if (type === 'amount' && typeof value === 'number') return formatYuan(Math.round(value * 100));
  return String(value);
}

interface Facts {
  name: string | null;
  idNumber: string | null;
  subject: string;
  count: number;
  amount: number | null;
}

type Part = string | ((hit: Facts, evidence: Evidence[]) => string);

const byValue = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const distinct = (values: string[]) => [...new Set(values)].join('、');

/**
 * Compiles an explanation template once per run (a run explains up to hundreds of thousands of
 * hits). `{role.col}` lists the distinct values, `{role.col|min}`/`|max` picks one,
 * `{role.a~role.b}` lists intervals (a blank end shows as the column's `blankMeans`, e.g. 今).
 */
export function compileExplanation(spec: TModelSpec): (hit: Facts, evidence: Evidence[]) => string {
  const column = (operand: string) => {
    const [role, key] = operand.split('.') as [string, string];
    const type: ColumnType = isColumnKey(key) ? canonicalColumns[key].type : 'text';
    const blankMeans = spec.inputs.find((input) => input.role === role)?.columns[key]?.blankMeans;
    return { role, key, type, blankMeans };
  };
  const placeholder = (text: string): Part => {
    if (text === 'name') return (hit) => hit.name ?? '（姓名不详）';
    if (text === 'idNumber') return (hit) => hit.idNumber ?? hit.subject;
    if (text === 'subject') return (hit) => hit.subject;
    if (text === 'count') return (hit) => String(hit.count);
    if (text === 'amount')
      return (hit) => (hit.amount === null ? '' : formatYuan(Math.round(hit.amount * 100)));
    if (text.includes('~')) {
      const [from, to] = text.split('~').map(column) as [
        ReturnType<typeof column>,
        ReturnType<typeof column>,
      ];
      return (_, evidence) => {
        const pairs: { start: string | number; end: string | number | null | undefined }[] = [];
        for (const row of evidence) {
          const start = row.values[from.key];
          if (row.role === from.role && start !== null && start !== undefined)
            pairs.push({ start, end: row.values[to.key] });
        }
        pairs.sort((a, b) => byValue(a.start, b.start));
        const shown = pairs.map(
          ({ start, end }) =>
            `${formatValue(from.type, start)}至${end === null || end === undefined ? (to.blankMeans ?? '今') : formatValue(to.type, end)}`,
        );
        return distinct(shown) || '（不详）';
      };
    }
    const [operand, pick] = text.split('|') as [string, 'min' | 'max' | undefined];
    const { role, key, type } = column(operand);
    return (_, evidence) => {
      const values: (string | number)[] = [];
      for (const row of evidence) {
        const value = row.values[key];
        if (row.role === role && value !== null && value !== undefined) values.push(value);
      }
      if (values.length === 0) return '（不详）';
      if (pick) {
        values.sort(byValue);
        return formatValue(type, pick === 'min' ? values[0]! : values[values.length - 1]!);
      }
      return distinct(values.map((value) => formatValue(type, value)));
    };
  };
  const parts: Part[] = spec.explanation
    .split(/(\{[^}]*\})/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('{') && part.endsWith('}') ? placeholder(part.slice(1, -1)) : part));
  return (hit, evidence) => {
    let text = '';
    for (const part of parts) text += typeof part === 'string' ? part : part(hit, evidence);
    return text;
  };
}
