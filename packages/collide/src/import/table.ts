import type { DuckDBConnection } from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { sqlTypes } from './clean-cell.ts';
import { type ColumnKey, canonicalColumns } from './columns.ts';

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A SQL string literal. */
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A row's place in file order, as one number: sorting by it needs no string comparisons. */
export const fileOrder = (alias: string): string => `(${alias}._src::BIGINT * 4294967296 + ${alias}._row)`;

export async function createInputTable(connection: DuckDBConnection, input: TInput): Promise<void> {
  const keys = Object.keys(input.columns) as ColumnKey[];
  const columns = keys.map((key) => `${quoteIdentifier(key)} ${sqlTypes[canonicalColumns[key].type]}`);
  await connection.run(
    `CREATE OR REPLACE TABLE ${quoteIdentifier(input.role)} (_id INTEGER, _src USMALLINT, _row INTEGER, ${columns.join(', ')})`,
  );
}
