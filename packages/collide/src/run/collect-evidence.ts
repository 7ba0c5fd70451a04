import { basename } from 'node:path';
import type { DuckDBBlobVector, DuckDBConnection, DuckDBVarCharVector } from '@duckdb/node-api';
import { type ColumnKey, canonicalColumns } from '../import/columns.ts';
import { fileOrder, quoteLiteral as literal, quoteIdentifier as q } from '../import/table.ts';
import type { TInput } from '../models/spec.ts';
import type { Evidence } from './hit.ts';

/**
 * Tables of (subject, confidence, id) made once a run from its matches (see findHits): the facts
 * behind each hit (with their best score) and the rows they matched, each row once.
 */
export const matchedTables = ['matched_facts', 'matched_against'] as const;

/** A cleaned value as evidence shows it: dates ISO, months YYYY-MM, amounts in yuan. */
function evidenceValue(key: ColumnKey, alias: string): string {
  const type = canonicalColumns[key].type;
  const column = `${alias}.${q(key)}`;
  return type === 'date'
    ? `strftime(${column}, '%Y-%m-%d')`
    : type === 'month'
      ? `strftime(${column}, '%Y-%m')`
      : type === 'amount'
        ? `round(${column} / 100, 2)::DOUBLE`
        : column;
}

/** Cleaned values of a row for evidence, as a struct. */
const evidenceValues = (input: TInput, alias: string): string =>
  `{${(Object.keys(input.columns) as ColumnKey[]).map((key) => `${literal(key)}: ${evidenceValue(key, alias)}`).join(', ')}}`;

const utf8 = new TextDecoder();

/** A hit's evidence as DuckDB wrote it, not yet parsed: most runs never need it as objects. */
export interface EvidenceText {
  /**
   * role → JSON array of that role's rows behind the hit, in file and row order, as UTF-8 bytes:
   * a writer copies them to its file as they are, and nothing pays for decoding them until read
   */
  json: Map<string, Uint8Array>;
}

/** The run's file names as a DuckDB list, indexed by a row's `_src` + 1. */
export const sourceFiles = (sources: string[]): string =>
  `[${sources.map((source) => literal(basename(source))).join(', ')}]::VARCHAR[]`;

/** One evidence row as JSON text: role, file, row number as in Excel, cleaned values. */
export const evidenceRowJson = (input: TInput, alias: string, files: string): string =>
  `to_json({'role': ${literal(input.role)}, 'file': list_extract(${files}, ${alias}._src + 1),
    'row': ${alias}._row, 'values': ${evidenceValues(input, alias)}})::VARCHAR`;

/**
 * The rows behind each hit, facts first then the rows they matched, keyed by subject and
 * confidence. DuckDB writes each row as JSON, then joins a hit's rows into one array in file and
 * row order (ordered by `list_grade_up` on a number: an ordered aggregate sorts group by group, 4×
 * slower here, and to_json of a list of structs a third slower than joining the rows' texts), in
 * parallel, in native code: far cheaper than converting millions of cells one by one into JavaScript.
 */
export async function collectEvidenceText(
  connection: DuckDBConnection,
  [facts, against]: [TInput, TInput],
  sources: string[],
): Promise<Map<string, EvidenceText>> {
  const evidence = new Map<string, EvidenceText>();
  const files = sourceFiles(sources);
  for (const [input, matched] of [
    [facts, matchedTables[0]],
    [against, matchedTables[1]],
  ] as const) {
    const result = await connection.run(`
      SELECT subject || chr(0) || confidence AS key,
        encode('[' || array_to_string(list_select(rows, list_grade_up(ats)), ',') || ']') AS evidence
      FROM (
        SELECT m.subject, m.confidence, list(${evidenceRowJson(input, 't', files)}) AS rows,
          list(${fileOrder('t')}) AS ats
        FROM ${matched} AS m
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
      for (let i = 0; i < chunk.rowCount; i++) {
        const key = keys.getItem(i)!;
        let text = evidence.get(key);
        if (!text) {
          text = { json: new Map() };
          evidence.set(key, text);
        }
        text.json.set(input.role, lists.getItemBytes(i)!);
      }
    }
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
