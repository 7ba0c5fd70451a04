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

/**
 * Fills an explanation template from a hit's evidence. `{role.col}` lists the distinct values,
 * `{role.col|min}`/`|max` picks one, `{role.a~role.b}` lists intervals (a blank end shows as the
 * column's `blankMeans`, e.g. 今).
 */
export function explain(spec: TModelSpec, hit: Facts, evidence: Evidence[]): string {
  const column = (operand: string) => {
    const [role, key] = operand.split('.') as [string, string];
    const type: ColumnType = isColumnKey(key) ? canonicalColumns[key].type : 'text';
    const blankMeans = spec.inputs.find((input) => input.role === role)?.columns[key]?.blankMeans;
    const rows = evidence.filter((row) => row.role === role);
    return { key, type, blankMeans, rows };
  };
  const distinct = (values: string[]) => [...new Set(values)].join('、');
  return spec.explanation.replace(/\{([^}]*)\}/g, (_, placeholder: string) => {
    if (placeholder === 'name') return hit.name ?? '（姓名不详）';
    if (placeholder === 'idNumber') return hit.idNumber ?? hit.subject;
    if (placeholder === 'subject') return hit.subject;
    if (placeholder === 'count') return String(hit.count);
    if (placeholder === 'amount') return hit.amount === null ? '' : formatYuan(Math.round(hit.amount * 100));
    if (placeholder.includes('~')) {
      const [from, to] = placeholder.split('~').map(column) as [
        ReturnType<typeof column>,
        ReturnType<typeof column>,
      ];
      const pairs = from.rows
        .map((row) => ({ start: row.values[from.key], end: row.values[to.key] }))
        .filter((pair) => pair.start !== null && pair.start !== undefined)
        .sort((a, b) => String(a.start).localeCompare(String(b.start)))
        .map(
          ({ start, end }) =>
            `${formatValue(from.type, start!)}至${end === null || end === undefined ? (to.blankMeans ?? '今') : formatValue(to.type, end)}`,
        );
      return distinct(pairs) || '（不详）';
    }
    const [operand, pick] = placeholder.split('|') as [string, 'min' | 'max' | undefined];
    const { key, type, rows } = column(operand);
    const values = rows
      .map((row) => row.values[key])
      .filter((value): value is string | number => value !== null && value !== undefined);
    if (values.length === 0) return '（不详）';
    if (pick) {
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return formatValue(type, pick === 'min' ? sorted[0]! : sorted[sorted.length - 1]!);
    }
    return distinct(values.map((value) => formatValue(type, value)));
  });
}
