import type { DuckDBConnection } from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { quoteIdentifier as q } from './table.ts';

/**
 * A role's people: the pairs of id number and name in its rows, each at least once. Suspected
 * matching (same name, birth date and region, another id) looks for them among these instead of
 * joining every row on a part of its id (see compile). A CSV read by DuckDB brings the distinct
 * pairs it judged, a tenth of a payment list's rows.
 */
export const peopleTable = (role: string): string => q(`${role}__people`);

/**
 * Makes a role's people a view over its table and `parts`, SELECTs of ("idNumber", name). Rows
 * without a name are left out: they cannot match a name. Pairs may repeat (the matching keeps
 * each suspect once), and the view costs nothing unless a model reads it.
 */
export async function createPeopleView(
  connection: DuckDBConnection,
  options: { input: TInput; table: string; parts?: string[] },
): Promise<void> {
  if (!('idNumber' in options.input.columns) || !('name' in options.input.columns)) return;
  const rows = `SELECT "idNumber", name FROM ${options.table} WHERE name IS NOT NULL`;
  await connection.run(
    `CREATE OR REPLACE VIEW ${peopleTable(options.input.role)} AS ${[rows, ...(options.parts ?? [])].join(' UNION ALL ')}`,
  );
}
