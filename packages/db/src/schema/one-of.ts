import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/**
 * The CHECK that keeps a status, kind or role column to its list (packages/domain/src/states.ts).
 * Named `<table>_<column>_check`, as PostgreSQL names a column's own CHECK; the values are the
 * platform's constants, never a request's, and are quoted as SQL literals.
 */
export function oneOf(table: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  const condition: SQL = sql`${column} in (${sql.raw(list)})`;
  return check(`${table}_${column.name}_check`, condition);
}
