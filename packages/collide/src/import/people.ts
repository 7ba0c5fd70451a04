import type { DuckDBConnection } from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { quoteIdentifier as q } from './table.ts';

/**
 * A role's people: the distinct pairs of id number and name in its rows. Suspected matching (same
 * name, birth date and region, another id) looks for them among these, a tenth of a payment list's
 * rows, instead of joining every row on a part of its id (see compile).
 */
export const peopleTable = (role: string): string => q(`${role}__people`);

/**
 * Makes a role's people from its table and `parts`, SELECTs of ("idNumber", name) that may repeat
 * pairs (a CSV read by DuckDB brings the pairs it judged). Rows without a name are left out: they
 * cannot match a name. A table, not a view: over a view of a DISTINCT, DuckDB misjudged its size
 * and built the join's hash table from ten million payments instead (twice as slow).
 */
export async function createPeopleTable(
  connection: DuckDBConnection,
  options: { input: TInput; table: string; parts?: string[] },
): Promise<void> {
  if (!('idNumber' in options.input.columns) || !('name' in options.input.columns)) return;
  const rows = `SELECT "idNumber", name FROM ${options.table} WHERE name IS NOT NULL`;
  await connection.run(
    `CREATE OR REPLACE TABLE ${peopleTable(options.input.role)} AS
     SELECT DISTINCT "idNumber", name FROM (${[rows, ...(options.parts ?? [])].join(' UNION ALL ')})`,
  );
}
