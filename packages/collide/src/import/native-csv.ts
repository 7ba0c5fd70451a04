import { createReadStream } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { cellCleaners, isBlank } from './clean-cell.ts';
import { findHeader } from './clean-rows.ts';
import { type ColumnKey, type ColumnType, canonicalColumns } from './columns.ts';
import { csvEncoding, readCsv } from './read-csv.ts';
import type { RowBatch } from './rows.ts';
import { quoteIdentifier as q } from './table.ts';

/**
 * How DuckDB converts a cell by itself (a plain cast), as a number for comparison in JavaScript:
 * day numbers for dates and months, fen for amounts; text as it is. Whether that conversion may be
 * used is decided per distinct cell value by the cleaners themselves (see `judge`).
 */
const sqlValue: Record<ColumnType, (c: string) => string> = {
  idNumber: (c) => c,
  name: (c) => c,
  date: (c) => `TRY_CAST(${c} AS DATE)`,
  month: (c) =>
    `coalesce(TRY_CAST(${c} || '-01' AS DATE), CAST(date_trunc('month', TRY_CAST(${c} AS DATE)) AS DATE))`,
  amount: (c) => `(TRY_CAST(${c} AS DECIMAL(15, 2)) * 100)::BIGINT`,
  vehicleCode: (c) => c,
  text: (c) => c,
};

const asNumber = (type: ColumnType, c: string): string =>
  type === 'date' || type === 'month'
    ? `(${sqlValue[type](c)} - DATE '1970-01-01')::INTEGER`
    : sqlValue[type](c);

/**
 * Whether DuckDB's conversion of a raw cell is exactly what the cleaner gives, unflagged: the same
 * test `cleanRows` applies to every cell (blank allowed → null; else the column's cleaner).
 */
function judge(
  type: ColumnType,
  blankAllowed: boolean,
  raw: string | null,
  converted: string | number | bigint | null,
): boolean {
  const text = raw ?? ''; // the JavaScript reader gives '' for an empty field, DuckDB NULL
  if (blankAllowed && isBlank(text)) return converted === null;
  const result = cellCleaners[type](text);
  if (!result.ok || result.problem !== undefined || converted === null) return false;
  return result.value === (typeof converted === 'bigint' ? Number(converted) : converted);
}

/** Quote characters next to a space or tab: DuckDB trims such spaces, the JavaScript reader keeps them. */
const spacedQuotes = [' "', '" ', '\t"', '"\t'].map((pattern) => Buffer.from(pattern));

/**
 * Newlines in the file, to check DuckDB saw one record a line (no blank line skipped, no lone CR),
 * and whether a quote stands next to a space.
 */
async function scanFile(
  path: string,
  start: number,
): Promise<{ lf: number; cr: number; endsWithLf: boolean; spacedQuote: boolean }> {
  let lf = 0;
  let cr = 0;
  let last = 10;
  let spacedQuote = false;
  for await (const chunk of createReadStream(path, {
    start,
    highWaterMark: 4 << 20,
  }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lf++;
    for (let i = chunk.indexOf(13); i >= 0; i = chunk.indexOf(13, i + 1)) cr++;
    if (!spacedQuote && chunk.length > 0) {
      const across = Buffer.from([last, chunk[0]!]); // a pair split between two chunks
      spacedQuote = spacedQuotes.some((pattern) => chunk.includes(pattern) || across.equals(pattern));
    }
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return { lf, cr, endsWithLf: last === 10, spacedQuote };
}

export interface NativeCsv {
  /** records after the header (row ids are reserved for all of them) */
  records: number;
  /** records DuckDB loaded as they were: already clean */
  loaded: number;
  /** the file's first rows, with the header first: `headerFrom` for cleanRows */
  header: RowBatch;
  /** the other records, all columns as text, for the cleaners; row numbers as Excel shows them */
  leftovers(): AsyncGenerator<RowBatch>;
  /** drops the staging table */
  drop(): Promise<void>;
}

let staging = 0;

/**
 * The fast path for a UTF-8 CSV whose header is its first line: DuckDB parses the file on all
 * threads, converts in SQL the cells already in canonical form, and hands back the other records for
 * the cleaners. Returns null (and leaves nothing behind) when the file does not qualify or DuckDB's
 * reading could differ from ours (blank lines, lone CRs, quoted newlines, spaces next to quotes,
 * ragged rows, bad UTF-8):
 * the caller then reads it in JavaScript. Row numbers are those of the JavaScript reader.
 */
export async function loadCsvNatively(options: {
  connection: DuckDBConnection;
  input: TInput;
  path: string;
  source: number;
  firstId: number;
  overrides?: Partial<Record<ColumnKey, string>>;
}): Promise<NativeCsv | null> {
  const { connection, input, path } = options;
  if (!/\.(csv|txt)$/i.test(path)) return null;
  const { encoding, bom } = await csvEncoding(path).catch(() => ({ encoding: 'none', bom: 0 }));
  if (encoding !== 'utf8') return null;
  let header: RowBatch | undefined;
  for await (const batch of readCsv(path)) {
    header = batch;
    break;
  }
  if (!header || header.rows.length === 0) return null;
  const keys = Object.keys(input.columns) as ColumnKey[];
  const required = keys.filter((key) => !input.columns[key]!.optional);
  const found = findHeader(header, keys, required, options.overrides ?? {});
  if ('missing' in found || found.at !== 0) return null;
  const width = header.rows[0]!.length;
  if (header.rows[0]!.some((cell) => String(cell).includes('"') || String(cell).includes('\n'))) return null;

  const id = ++staging;
  const table = q(`_csv_${id}`);
  const names = Array.from({ length: width }, (_, i) => `c${i}`);
  const columns = keys.map((key, i) => {
    const index = found.indexes[key];
    return {
      key,
      type: canonicalColumns[key].type,
      cell: index === undefined ? null : q(names[index]!),
      blankAllowed: index === undefined || input.columns[key]!.blank === 'allow',
      bad: q(`_csv_${id}_bad_${i}`),
      badCount: 0,
      nullIsBad: false,
    };
  });
  // A row with every model column blank is skipped by the JavaScript reader, not loaded.
  if (columns.every((column) => column.blankAllowed)) return null;
  const file = path.replaceAll("'", "''");
  const lines = scanFile(path, bom);
  try {
    await connection.run(`
      CREATE TEMP TABLE ${table} AS
      SELECT * FROM read_csv('${file}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = {${names.map((name) => `'${name}': 'VARCHAR'`).join(', ')}})`);
  } catch {
    await lines;
    await connection.run(`DROP TABLE IF EXISTS ${table}`);
    return null;
  }
  const { lf, cr, endsWithLf, spacedQuote } = await lines;
  const [[records]] = (
    await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`)
  ).getRows() as [[number]];
  const physical = lf + (endsWithLf ? 0 : 1);
  if (records + 1 !== physical || (cr !== 0 && cr !== lf) || spacedQuote) {
    await connection.run(`DROP TABLE ${table}`);
    return null;
  }
  // Each distinct value of each column is judged once by the cleaner: exact, and cheap because
  // a column has far fewer distinct values than rows (dates, amounts, names; even ids repeat).
  for (const column of columns) {
    if (column.cell === null) continue;
    await connection.run(`CREATE TEMP TABLE ${column.bad} (raw VARCHAR)`);
    // one JSON text for all of them: converting cells one by one into JavaScript costs far more
    const reader = await connection.runAndReadAll(
      `SELECT to_json(list([raw, ${asNumber(column.type, 'raw')}::VARCHAR]))::VARCHAR
       FROM (SELECT DISTINCT ${column.cell} AS raw FROM ${table})`,
    );
    const pairs = JSON.parse(String(reader.getRows()[0]![0] ?? '[]')) as [string | null, string | null][];
    const numeric = column.type === 'date' || column.type === 'month' || column.type === 'amount';
    const raws = pairs.map((pair) => pair[0]);
    const converted = pairs.map(([, value]) => (value === null ? null : numeric ? Number(value) : value));
    const appender = await connection.createAppender(column.bad.slice(1, -1));
    for (let i = 0; i < raws.length; i++) {
      if (judge(column.type, column.blankAllowed, raws[i]!, converted[i]!)) continue;
      if (raws[i] === null) column.nullIsBad = true;
      else {
        appender.appendVarchar(raws[i]!);
        appender.endRow();
        column.badCount++;
      }
    }
    appender.closeSync();
  }
  const good = columns
    .filter((column) => column.cell !== null && column.nullIsBad)
    .map((column) => `r.${column.cell} IS NOT NULL`);
  const antiJoins = columns
    .filter((column) => column.badCount > 0)
    .map((column) => `ANTI JOIN ${column.bad} ON r.${column.cell} = ${column.bad}.raw`)
    .join('\n');
  const values = columns.map((column) =>
    column.cell === null ? 'NULL' : sqlValue[column.type](`r.${column.cell}`),
  );
  await connection.run(`
    INSERT INTO ${q(input.role)}
    SELECT (r.rowid + ${options.firstId})::INTEGER, ${options.source}, (r.rowid + 2)::INTEGER, ${values.join(', ')}
    FROM ${table} AS r
    ${antiJoins}
    ${good.length > 0 ? `WHERE ${good.join(' AND ')}` : ''}`);
  const bad = columns
    .filter((column) => column.cell !== null && (column.nullIsBad || column.badCount > 0))
    .map((column) =>
      [
        column.nullIsBad ? `r.${column.cell} IS NULL` : '',
        column.badCount > 0 ? `r.${column.cell} IN (SELECT raw FROM ${column.bad})` : '',
      ]
        .filter(Boolean)
        .join(' OR '),
    );
  const left = q(`_csv_${id}_left`);
  await connection.run(`
    CREATE TEMP TABLE ${left} AS
    SELECT (r.rowid + 2)::INTEGER AS _row, ${names.map((name) => `r.${q(name)}`).join(', ')}
    FROM ${table} AS r WHERE ${bad.length > 0 ? bad.join(' OR ') : 'false'} ORDER BY r.rowid`);
  await connection.run(`DROP TABLE ${table}`);
  for (const column of columns) if (column.cell !== null) await connection.run(`DROP TABLE ${column.bad}`);
  const [[leftCount]] = (
    await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${left}`)
  ).getRows() as [[number]];
  const loaded = records - leftCount;
  const headerRows = header;
  return {
    records,
    loaded,
    header: headerRows,
    async *leftovers() {
      const page = 65_536;
      const all = names.map((name) => q(name)).join(', ');
      for (let from = 0; from < records - loaded; from += page) {
        const reader = await connection.runAndReadAll(
          `SELECT _row, ${all} FROM ${left} WHERE rowid >= ${from} AND rowid < ${from + page} ORDER BY rowid`,
        );
        const rows = reader.getRows() as (string | number | null)[][];
        yield {
          rowNumbers: rows.map((row) => row[0] as number),
          rows: rows.map((row) => row.slice(1).map((value) => value ?? '')),
        };
      }
    },
    drop: () => connection.run(`DROP TABLE IF EXISTS ${left}`).then(() => undefined),
  };
}
