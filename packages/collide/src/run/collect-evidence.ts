import { basename } from 'node:path';
import type { DuckDBBlobVector, DuckDBConnection, DuckDBVarCharVector } from '@duckdb/node-api';
import { type ColumnKey, canonicalColumns } from '../import/columns.ts';
import { quoteIdentifier as q } from '../import/table.ts';
import type { TInput } from '../models/spec.ts';
import type { Evidence } from './hit.ts';

/** Cleaned values of a row for evidence, as a struct: dates ISO, months YYYY-MM, amounts yuan. */
function evidenceValues(input: TInput, alias: string): string {
  const fields = (Object.keys(input.columns) as ColumnKey[]).map((key) => {
    const type = canonicalColumns[key].type;
    const column = `${alias}.${q(key)}`;
    const value =
      type === 'date'
        ? `strftime(${column}, '%Y-%m-%d')`
        : type === 'month'
          ? `strftime(${column}, '%Y-%m')`
          : type === 'amount'
            ? `round(${column} / 100, 2)::DOUBLE`
            : column;
    return `${literal(key)}: ${value}`;
  });
  return `{${fields.join(', ')}}`;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A hit's evidence as DuckDB wrote it, not yet parsed: most runs never need it as objects. */
export interface EvidenceText {
  /**
   * role → JSON array of that role's rows behind the hit, in file and row order, as UTF-8 bytes:
   * a writer copies them to its file as they are, and nothing pays for decoding them until read
   */
  json: Map<string, Uint8Array>;
  /** role → column → the first non-empty value among those rows (name, id number) */
  first: Map<string, Record<string, string | null>>;
}

const pickable = ['idNumber', 'name'] as const;

const utf8 = new TextDecoder();

/** A row's place in file order, as one number: sorting by it needs no string comparisons. */
const at = '(t._src::BIGINT * 4294967296 + t._row)';

/**
 * The rows behind each hit, facts first then the rows they matched, keyed by subject and
 * confidence: source file, row number as in Excel, cleaned values. DuckDB writes each row as JSON,
 * then joins a hit's rows into one array in file and row order (ordered by `list_grade_up` on a
 * number: an ordered aggregate sorts group by group, 4× slower here, and to_json of a list of
 * structs a third slower than joining the rows' texts), in parallel, in native code: far cheaper
 * than converting millions of cells one by one into JavaScript.
 */
export async function collectEvidenceText(
  connection: DuckDBConnection,
  [facts, against]: [TInput, TInput],
  sources: string[],
): Promise<Map<string, EvidenceText>> {
  const evidence = new Map<string, EvidenceText>();
  const files = `[${sources.map((source) => literal(basename(source))).join(', ')}]::VARCHAR[]`;
  for (const [input, idColumn] of [
    [facts, 'fact_id'],
    [against, 'against_id'],
  ] as const) {
    const picks = pickable.filter((key) => key in input.columns);
    const result = await connection.run(`
      SELECT coalesce(subject, 'null') || chr(0) || confidence AS key,
        encode('[' || array_to_string(list_select(rows, list_grade_up(ats)), ',') || ']') AS evidence
        ${picks.map((key) => `, ${q(key)}`).join('')}
      FROM (
        SELECT m.subject, m.confidence,
          list(to_json({'role': ${literal(input.role)}, 'file': list_extract(${files}, t._src + 1),
            'row': t._row, 'values': ${evidenceValues(input, 't')}})::VARCHAR) AS rows,
          list(${at}) AS ats
          ${picks.map((key) => `, arg_min(t.${q(key)}, ${at}) FILTER (WHERE t.${q(key)} <> '') AS ${q(key)}`).join('')}
        FROM (SELECT DISTINCT subject, confidence, ${idColumn} AS id FROM matches) AS m
        JOIN ${q(input.role)} AS t ON t._id = m.id
        GROUP BY m.subject, m.confidence
      )`);
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      const keys = chunk.getColumnVector(0) as DuckDBVarCharVector;
      const lists = chunk.getColumnVector(1) as DuckDBBlobVector;
      const pickColumns = picks.map((_, c) => chunk.getColumnVector(2 + c) as DuckDBVarCharVector);
      for (let i = 0; i < chunk.rowCount; i++) {
        const key = keys.getItem(i)!;
        let text = evidence.get(key);
        if (!text) {
          text = { json: new Map(), first: new Map() };
          evidence.set(key, text);
        }
        text.json.set(input.role, lists.getItemBytes(i)!);
        const first: Record<string, string | null> = {};
        picks.forEach((column, c) => {
          first[column] = pickColumns[c]!.getItem(i) ?? null;
        });
        text.first.set(input.role, first);
      }
    }
  }
  return evidence;
}

/** The rows behind each hit as objects (see collectEvidenceText), facts first. */
export async function collectEvidence(
  connection: DuckDBConnection,
  inputs: [TInput, TInput],
  sources: string[],
): Promise<Map<string, Evidence[]>> {
  const evidence = new Map<string, Evidence[]>();
  for (const [key, text] of await collectEvidenceText(connection, inputs, sources)) {
    evidence.set(
      key,
      parseEvidence(
        text,
        inputs.map((input) => input.role),
      ),
    );
  }
  return evidence;
}

/** The evidence rows of the given roles, in that order. */
export function parseEvidence(text: EvidenceText, roles: string[]): Evidence[] {
  const rows: Evidence[] = [];
  for (const role of roles) {
    const json = text.json.get(role);
    if (json) for (const row of JSON.parse(utf8.decode(json)) as Evidence[]) rows.push(row);
  }
  return rows;
}
