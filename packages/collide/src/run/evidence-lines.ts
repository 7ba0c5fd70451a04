import { appendFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fileOrder, quoteLiteral as literal, quoteIdentifier as q } from '../import/table.ts';
import type { TInput } from '../models/spec.ts';
import { evidenceRowJson, matchedTables, sourceFiles } from './collect-evidence.ts';
import type { HitSummary } from './hit.ts';

/** Evidence of the matched rows (role 1) sorts after the facts' (role 0): 2^48 > any file order. */
const roleOrder = 281474976710656;

/**
 * Writes every hit as one JSON line with all its evidence rows, the way `writeHits` would, but
 * DuckDB builds and writes the text on all its threads: at 10 million payments that is 1.8
 * million evidence rows and 380 MB, which JavaScript took longer to receive than DuckDB to write.
 *
 * Each hit is written as fragments in order (its head and first row, then one row a fragment, the
 * last closing the line), joined by the CSV writer's row separator, a space: JSON allows it between
 * values, so each line is still one JSON object, only with a space after each comma of the
 * evidence array and before the line's end.
 */
export async function writeEvidenceLines(
  connection: DuckDBConnection,
  options: { path: string; hits: HitSummary[]; inputs: [TInput, TInput]; sources: string[] },
): Promise<void> {
  const { hits, inputs } = options;
  await connection.run(
    'CREATE OR REPLACE TEMP TABLE hit_heads (k INTEGER, subject VARCHAR, confidence VARCHAR, head VARCHAR)',
  );
  const heads = await connection.createAppender('hit_heads');
  for (const [k, hit] of hits.entries()) {
    const { subject, idNumber, name, count, amount, confidence, explanation } = hit;
    const head = JSON.stringify({ subject, idNumber, name, count, amount, confidence, explanation });
    heads.appendInteger(k);
    heads.appendVarchar(subject);
    heads.appendVarchar(confidence === 'exact' ? 'exact' : 'suspected');
    heads.appendVarchar(`${k === 0 ? '' : '\n'}${head.slice(0, -1)},"evidence":[`);
    heads.endRow();
  }
  heads.closeSync();
  const files = sourceFiles(options.sources);
  const fragments = inputs
    .map(
      (input, side) => `
        SELECT m.subject, m.confidence, ${side * roleOrder} + ${fileOrder('t')} AS ord,
          ${evidenceRowJson(input, 't', files)} AS json
        FROM ${matchedTables[side]} AS m
        JOIN ${q(input.role)} AS t ON t._id = m.id`,
    )
    .join('\nUNION ALL\n');
  await connection.run(`
    COPY (
      WITH keyed AS (
        SELECT h.k, f.ord, f.json FROM (${fragments}) AS f JOIN hit_heads AS h USING (subject, confidence)),
      bounds AS (SELECT k, min(ord) AS first, max(ord) AS last FROM keyed GROUP BY k)
      SELECT CASE WHEN x.ord = b.first THEN h.head ELSE '' END || x.json
        || CASE WHEN x.ord = b.last THEN ']}' ELSE ',' END
      FROM keyed AS x JOIN bounds AS b USING (k) JOIN hit_heads AS h USING (k)
      ORDER BY x.k, x.ord
    ) TO ${literal(options.path)} (FORMAT csv, header false, quote '', escape '', new_line ' ')`);
  await connection.run('DROP TABLE hit_heads');
  if (hits.length > 0) await appendFile(options.path, '\n');
}
