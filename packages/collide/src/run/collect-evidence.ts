import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnKey, canonicalColumns } from '../import/columns.ts';
import { quoteIdentifier as q } from '../import/table.ts';
import type { TInput } from '../models/spec.ts';
import type { Evidence } from './hit.ts';

/** Cleaned values of a row for evidence: dates ISO, months YYYY-MM, amounts yuan. */
function evidenceColumns(input: TInput, alias: string): string {
  return (Object.keys(input.columns) as ColumnKey[])
    .map((key) => {
      const type = canonicalColumns[key].type;
      const column = `${alias}.${q(key)}`;
      if (type === 'date') return `strftime(${column}, '%Y-%m-%d') AS ${q(key)}`;
      if (type === 'month') return `strftime(${column}, '%Y-%m') AS ${q(key)}`;
      if (type === 'amount') return `round(${column} / 100, 2)::DOUBLE AS ${q(key)}`;
      return `${column} AS ${q(key)}`;
    })
    .join(', ');
}

/**
 * The rows behind each hit, facts first then the rows they matched, keyed by subject and
 * confidence: source file, row number as in Excel, cleaned values.
 */
export async function collectEvidence(
  connection: DuckDBConnection,
  [facts, against]: [TInput, TInput],
  sources: string[],
): Promise<Map<string, Evidence[]>> {
  const evidence = new Map<string, Evidence[]>();
  for (const [input, idColumn] of [
    [facts, 'fact_id'],
    [against, 'against_id'],
  ] as const) {
    const rows = await connection.runAndReadAll(`
      SELECT m.subject, m.confidence, t._src::INTEGER AS _src, t._row, ${evidenceColumns(input, 't')}
      FROM (SELECT DISTINCT subject, confidence, ${idColumn} AS id FROM matches) AS m
      JOIN ${q(input.role)} AS t ON t._id = m.id
      ORDER BY m.subject, m.confidence, _src, t._row`);
    // Column-wise JS values: several times faster than row objects for large evidence sets.
    const columns = rows.getColumnsObjectJS() as Record<string, (string | number | null)[]>;
    const names = rows
      .columnNames()
      .filter((name) => !['subject', 'confidence', '_src', '_row'].includes(name));
    for (let i = 0; i < rows.currentRowCount; i++) {
      const key = `${columns.subject![i]}\u0000${columns.confidence![i]}`;
      const values: Record<string, string | number | null> = {};
      for (const name of names) values[name] = columns[name]![i] ?? null;
      const list = evidence.get(key) ?? [];
      list.push({
        role: input.role,
        file: basename(sources[Number(columns._src![i])]!),
        row: Number(columns._row![i]),
        values,
      });
      evidence.set(key, list);
    }
  }
  return evidence;
}
