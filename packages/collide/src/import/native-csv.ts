import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { idCheckCharacters, idCheckWeights } from '@procura/domain/clean/id-number';
import type { TInput } from '../models/spec.ts';
import { cellCleaners, isBlank, sqlTypes } from './clean-cell.ts';
import { findHeader } from './clean-rows.ts';
import { type ColumnKey, type ColumnType, canonicalColumns } from './columns.ts';
import { createDecoder, type TextEncoding } from './decode.ts';
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

/** How a date, month or amount is written when DuckDB's own cast reads it (see `typed`). */
const plainly: Partial<Record<ColumnType, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}(-\d{2})?$/,
  amount: /^\d+(\.\d{1,2})?$/,
};

/**
 * Cells the cleaner is known to return unchanged and unflagged, tested in SQL so that most distinct
 * values never travel to JavaScript (a file of 10 million payments has about a million distinct
 * ids). Only a sufficient condition: a value failing it is judged by the cleaner as before. Each
 * condition restates the cleaner's own test (see the test "accepts in SQL only what the cleaners
 * leave as it is"): an id of 17 digits and a check character that is right, born on a real day of
 * 1900–2100 (cleanIdNumber); a name of Chinese characters, Latin letters and the middle dot U+00B7
 * (cleanName changes only spaces, full-width forms and other dots).
 */
export const sqlAlreadyClean: Partial<
  Record<ColumnType, { derived?: (c: string) => string; test: (c: string) => string }>
> = {
  // The check sum from the 17 digits read once as a BIGINT (_digits, computed beside the value):
  // integer arithmetic, not 17 string functions a value, and not the cast repeated in every term.
  idNumber: {
    derived: (c) => `TRY_CAST(substr(${c}, 1, 17) AS BIGINT) AS _digits`,
    test: (c) => {
      const sum = idCheckWeights.map((w, i) => `((_digits // ${10 ** (16 - i)}) % 10) * ${w}`).join(' + ');
      return `coalesce(regexp_full_match(${c}, '[0-9]{17}[0-9X]')
        AND (_digits // 10000000) % 10000 BETWEEN 1900 AND 2100
        AND try_strptime(substr(${c}, 7, 8), '%Y%m%d') IS NOT NULL
        AND substr('${idCheckCharacters}', ((${sum}) % 11)::INTEGER + 1, 1) = substr(${c}, 18, 1), false)`;
    },
  },
  name: { test: (c) => `coalesce(regexp_full_match(${c}, '[\\p{Han}A-Za-z\u00b7]+'), false)` },
};

/** `SELECT … FROM` this: the distinct raw values of a column the cleaner must still judge. */
export function valuesToJudge(type: ColumnType, cell: string, table: string): string {
  const clean = sqlAlreadyClean[type];
  // MATERIALIZED and a derived column: the test runs once on each distinct value, not pushed down
  // onto every row of the file.
  const distinct = `(SELECT DISTINCT ${cell} AS raw FROM ${table})`;
  if (!clean) return distinct;
  return `(WITH distinct_values AS MATERIALIZED ${distinct},
    judged AS (SELECT raw${clean.derived ? `, ${clean.derived('raw')}` : ''} FROM distinct_values)
    SELECT raw FROM judged WHERE raw IS NULL OR NOT ${clean.test('raw')})`;
}

/** The cleaner's value in a mapping table: day numbers for dates and months, fen for amounts. */
const mapTypes: Record<ColumnType, string> = {
  idNumber: 'VARCHAR',
  name: 'VARCHAR',
  date: 'INTEGER',
  month: 'INTEGER',
  amount: 'BIGINT',
  vehicleCode: 'VARCHAR',
  text: 'VARCHAR',
};

const asNumber = (type: ColumnType, c: string): string =>
  type === 'date' || type === 'month'
    ? `(${sqlValue[type](c)} - DATE '1970-01-01')::INTEGER`
    : sqlValue[type](c);

/**
 * What to do with one distinct raw cell value, by the same test `cleanRows` applies to every cell
 * (blank allowed → null; else the column's cleaner): `cast` when DuckDB's plain conversion is
 * exactly the cleaner's value, unflagged; `map` to the cleaner's value when it is clean but written
 * otherwise (full-width digits, 2022年3月5日, ￥680.00…); `bad` when it is rejected or flagged, so
 * that its rows go through `cleanRows` and are reported with their row numbers.
 */
function classify(
  type: ColumnType,
  blankAllowed: boolean,
  raw: string | null,
  converted: string | number | null,
): { as: 'cast' } | { as: 'map'; value: string | number | null } | { as: 'bad' } {
  const text = raw ?? ''; // the JavaScript reader gives '' for an empty field, DuckDB NULL
  if (blankAllowed && isBlank(text)) return converted === null ? { as: 'cast' } : { as: 'map', value: null };
  const result = cellCleaners[type](text);
  if (!result.ok || result.problem !== undefined) return { as: 'bad' };
  if (result.value === converted) return { as: 'cast' };
  return raw === null ? { as: 'bad' } : { as: 'map', value: result.value };
}

/**
 * Decodes a GBK / GB18030 file to a UTF-8 temporary file with the decoder our own reader uses, chunk
 * by chunk: the text, and so every line and row number, is the one the JavaScript reader sees.
 */
async function decodeToUtf8(path: string, encoding: TextEncoding): Promise<string> {
  const target = join(
    tmpdir(),
    `procura-collide-utf8-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`,
  );
  const fd = openSync(target, 'w');
  try {
    const decoder = createDecoder(encoding);
    for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
      writeSync(fd, decoder.write(chunk));
    }
    writeSync(fd, decoder.end());
  } catch (error) {
    closeSync(fd);
    rmSync(target, { force: true });
    throw error;
  }
  closeSync(fd);
  return target;
}

/** Quote characters next to a space or tab: DuckDB trims such spaces, the JavaScript reader keeps them. */
const spacedQuotes = [' "', '" ', '\t"', '"\t'].map((pattern) => Buffer.from(pattern));

/** An empty line, LF or CRLF: DuckDB skips it, the row numbers after it would shift. */
const blankLines = ['\n\n', '\n\r\n'].map((pattern) => Buffer.from(pattern));

interface Scan {
  /** LF and CR counts, when they must be compared with DuckDB's records (see scanFile); else null */
  counted: { lf: number; cr: number } | null;
  endsWithLf: boolean;
  /** an empty line: DuckDB skips it, the row numbers after it would shift */
  blankLine: boolean;
  spacedQuote: boolean;
}

/**
 * What could make DuckDB's records differ from the file's lines, found in one quick pass (a few
 * native searches a chunk): quotes (a quoted newline; a space next to a quote), blank lines, CRs.
 * Newlines are counted, in a second pass, only where DuckDB could still see other records than the
 * lines we see: a file with quotes, with CRs and no LF (old Mac line ends), or ending in a CR.
 * Otherwise every LF ends a record, and a CR that is not part of a CRLF, or line ends of both
 * kinds, make DuckDB's strict reader refuse the file (tested: 'line ends of both kinds'), which is
 * then read in JavaScript. Counting a CRLF file cost 0.65 s of CPU at 10 million rows.
 */
export async function scanFile(path: string, start: number): Promise<Scan> {
  let tail = Buffer.from([10]); // as if a line ended before the file: an empty first line is blank
  let quote = false;
  let cr = false;
  let lf = false;
  let blank = false;
  let spacedQuote = false;
  for await (const chunk of createReadStream(path, {
    start,
    highWaterMark: 4 << 20,
  }) as AsyncIterable<Buffer>) {
    if (chunk.length === 0) continue;
    // patterns split between two chunks (three bytes at most: the last two and the first two)
    const across = Buffer.concat([tail, chunk.subarray(0, 2)]);
    if (!quote && chunk.indexOf(34) >= 0) quote = true;
    if (!cr && chunk.indexOf(13) >= 0) cr = true;
    if (!lf && chunk.indexOf(10) >= 0) lf = true;
    if (!blank) blank = blankLines.some((pattern) => chunk.includes(pattern) || across.includes(pattern));
    if (quote && !spacedQuote) {
      spacedQuote = spacedQuotes.some((pattern) => chunk.includes(pattern) || across.includes(pattern));
    }
    tail = Buffer.concat([tail, chunk.subarray(-2)]).subarray(-2);
  }
  const last = tail[tail.length - 1];
  const scan: Scan = { counted: null, endsWithLf: last === 10, blankLine: blank, spacedQuote };
  if (quote || (cr && (!lf || last === 13))) {
    let lfs = 0;
    let crs = 0;
    for await (const chunk of createReadStream(path, {
      start,
      highWaterMark: 4 << 20,
    }) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lfs++;
      for (let i = chunk.indexOf(13); i >= 0; i = chunk.indexOf(13, i + 1)) crs++;
    }
    scan.counted = { lf: lfs, cr: crs };
  }
  return scan;
}

export interface NativeCsv {
  /** records after the header (row ids are reserved for all of them) */
  records: number;
  /** records DuckDB loaded as they were: already clean */
  loaded: number;
  /**
   * When no cell needed mapping: a SELECT of the role's columns over the staging table, which stays
   * (its rejected rows deleted) instead of being copied into the role's table; null when copied.
   */
  part: string | null;
  /**
   * With `part`, when the file has ids and names: a SELECT of its distinct ("idNumber", name) pairs,
   * for the role's people (see people.ts); they include those of rows later rejected, harmlessly.
   */
  people: string | null;
  /** the file's first rows, with the header first: `headerFrom` for cleanRows */
  header: RowBatch;
  /** the other records, all columns as text, for the cleaners; row numbers as Excel shows them */
  leftovers(): AsyncGenerator<RowBatch>;
  /** drops the staging table */
  drop(): Promise<void>;
}

let staging = 0;

interface Options {
  connection: DuckDBConnection;
  input: TInput;
  path: string;
  source: number;
  firstId: number;
  overrides?: Partial<Record<ColumnKey, string>>;
}

/** One model column of the file and what judging its distinct values found. */
interface Column {
  key: ColumnKey;
  type: ColumnType;
  /** the staging table's column holding it, or null when the file lacks it (an optional one) */
  cell: string | null;
  blankAllowed: boolean;
  /** the table of its raw values the cleaner rejected or flagged, and how many */
  bad: string;
  badCount: number;
  /** the table of its raw values clean but written otherwise, with the cleaner's value */
  map: string;
  mapCount: number;
  /** a NULL (an empty field) is rejected in this column */
  nullIsBad: boolean;
  /** the column DuckDB cast while reading the file (see `castWhileReading`), or null */
  typed: string | null;
}

interface Plan {
  detected: { encoding: TextEncoding; bom: number };
  header: RowBatch;
  /** staging column names c0, c1, … of the file's columns */
  names: string[];
  table: string;
  id: number;
  columns: Column[];
}

/**
 * The fast path for a CSV (UTF-8, or GBK / GB18030 decoded to a UTF-8 copy first) whose header is
 * its first line: DuckDB parses the file on all threads, converts in SQL the cells already in
 * canonical form, maps the other clean values through per-column tables built by the cleaners, and
 * hands back the records with a rejected or flagged cell for the cleaners. Returns null (and leaves
 * nothing behind) when the file does not qualify or DuckDB's reading could differ from ours (blank
 * lines, lone CRs, quoted newlines, spaces next to quotes, ragged rows, bad UTF-8): the caller then
 * reads it in JavaScript. Row numbers are those of the JavaScript reader.
 */
export async function loadCsvNatively(options: Options): Promise<NativeCsv | null> {
  const { connection } = options;
  const plan = await planColumns(options);
  if (!plan) return null;
  const records = await stage(connection, plan, options.path);
  if (records === null) return null;
  const people = await judgeColumns(connection, plan);
  const isBad = badRows(plan.columns);
  const left = q(`_csv_${plan.id}_left`);
  await connection.run(`
    CREATE TEMP TABLE ${left} AS
    SELECT (rowid + 2)::INTEGER AS _row, ${plan.names.map((name) => q(name)).join(', ')}
    FROM ${plan.table} WHERE ${isBad} ORDER BY rowid`);
  const written = await writeRole(connection, plan, options, { isBad, people });
  for (const column of plan.columns) {
    if (column.cell === null) continue;
    await connection.run(`DROP TABLE ${column.bad}`);
    await connection.run(`DROP TABLE ${column.map}`);
  }
  const [[leftCount]] = (
    await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${left}`)
  ).getRows() as [[number]];
  const loaded = records - leftCount;
  return {
    records,
    loaded,
    ...written,
    header: plan.header,
    leftovers: () => pageLeftovers(connection, left, plan.names, records - loaded),
    drop: () => connection.run(`DROP TABLE IF EXISTS ${left}`).then(() => undefined),
  };
}

/**
 * Whether the file qualifies (a CSV whose header is its first line, in an encoding we know, with a
 * column the JavaScript reader would never skip as blank), and where each model column is.
 */
async function planColumns(options: Options): Promise<Plan | null> {
  const { input, path } = options;
  if (!/\.(csv|txt)$/i.test(path)) return null;
  const detected = await csvEncoding(path).catch(() => null);
  if (!detected) return null;
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
  const names = Array.from({ length: width }, (_, i) => `c${i}`);
  const firstRows = header.rows.slice(1, 201);
  const columns = keys.map((key, i): Column => {
    const index = found.indexes[key];
    const type = canonicalColumns[key].type;
    return {
      key,
      type,
      cell: index === undefined ? null : q(names[index]!),
      blankAllowed: index === undefined || input.columns[key]!.blank === 'allow',
      bad: q(`_csv_${id}_bad_${i}`),
      badCount: 0,
      map: q(`_csv_${id}_map_${i}`),
      mapCount: 0,
      nullIsBad: false,
      typed: index === undefined ? null : castWhileReading(type, firstRows, index, i),
    };
  });
  // A row with every model column blank is skipped by the JavaScript reader, not loaded.
  if (columns.every((column) => column.blankAllowed)) return null;
  return { detected, header, names, table: q(`_csv_${id}`), id, columns };
}

/**
 * Dates, months and amounts are also cast while DuckDB reads the file, on all its threads, when
 * the file's first rows write them plainly: a clean file is then used as it was read, never
 * copied (see `part`). Casts that fail cost far more than those that work (0.4 s a million
 * rows), so a messy column is left to the cleaners' mapping.
 */
function castWhileReading(
  type: ColumnType,
  firstRows: RowBatch['rows'],
  index: number,
  i: number,
): string | null {
  const pattern = plainly[type];
  if (!pattern) return null;
  const values = firstRows.map((row) => String(row[index] ?? '').trim()).filter((value) => value !== '');
  const plain = values.filter((value) => pattern.test(value)).length;
  return plain >= values.length * 0.9 ? q(`_t${i}`) : null;
}

/**
 * The file into the staging table, every column as text (and the plain ones cast beside them),
 * while its lines are scanned; the number of records, or null (staging dropped) when DuckDB's
 * records could differ from the lines our reader sees.
 */
async function stage(connection: DuckDBConnection, plan: Plan, path: string): Promise<number | null> {
  const { detected, table, names, columns } = plan;
  // GBK and GB18030 are read, like UTF-8, by DuckDB: from a UTF-8 copy, deleted once read.
  // (no room for the copy, say: our own reader needs none)
  const utf8 =
    detected.encoding === 'utf8' ? path : await decodeToUtf8(path, detected.encoding).catch(() => null);
  if (utf8 === null) return null;
  const bom = detected.encoding === 'utf8' ? detected.bom : 0;
  const typedSelect = columns
    .map((column) => (column.typed ? `, ${sqlValue[column.type](column.cell!)} AS ${column.typed}` : ''))
    .join('');
  let scanned: Scan;
  try {
    const lines = scanFile(utf8, bom);
    try {
      await connection.run(`
        CREATE TEMP TABLE ${table} AS
        SELECT *${typedSelect} FROM read_csv('${utf8.replaceAll("'", "''")}', header = true, auto_detect = false, strict_mode = true, delim = ',', quote = '"', escape = '"',
          columns = {${names.map((name) => `'${name}': 'VARCHAR'`).join(', ')}})`);
    } catch {
      await lines;
      await connection.run(`DROP TABLE IF EXISTS ${table}`);
      return null;
    }
    scanned = await lines;
  } finally {
    if (utf8 !== path) rmSync(utf8, { force: true });
  }
  const [[records]] = (
    await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`)
  ).getRows() as [[number]];
  const { counted, endsWithLf } = scanned;
  const differs =
    counted !== null &&
    (records + 1 !== counted.lf + (endsWithLf ? 0 : 1) || (counted.cr !== 0 && counted.cr !== counted.lf));
  if (differs || scanned.blankLine || scanned.spacedQuote) {
    await connection.run(`DROP TABLE ${table}`);
    return null;
  }
  return records;
}

/**
 * Each distinct value of each column is judged once by the cleaner: exact, and cheap because
 * a column has far fewer distinct values than rows (dates, amounts, names; even ids repeat).
 * Ids and names are judged from their distinct pairs, found in one pass over the rows: the file's
 * people, kept for suspected matching (the table's name is returned, or null).
 */
async function judgeColumns(connection: DuckDBConnection, plan: Plan): Promise<string | null> {
  const { columns, table } = plan;
  const idColumn = columns.find((column) => column.key === 'idNumber' && column.cell !== null);
  const nameColumn = columns.find((column) => column.key === 'name' && column.cell !== null);
  const people = idColumn && nameColumn ? q(`_csv_${plan.id}_people`) : null;
  if (people) {
    await connection.run(
      `CREATE TEMP TABLE ${people} AS SELECT DISTINCT ${idColumn!.cell}, ${nameColumn!.cell} FROM ${table}`,
    );
  }
  for (const column of columns) {
    if (column.cell === null) continue;
    const source = people && (column === idColumn || column === nameColumn) ? people : table;
    await judgeColumn(connection, column, source);
  }
  return people;
}

/** Fills the column's bad and map tables from the cleaner's verdict on each distinct raw value. */
async function judgeColumn(connection: DuckDBConnection, column: Column, source: string): Promise<void> {
  await connection.run(`CREATE TEMP TABLE ${column.bad} (raw VARCHAR)`);
  await connection.run(`CREATE TEMP TABLE ${column.map} (raw VARCHAR, value ${mapTypes[column.type]})`);
  // one JSON text for all of them: converting cells one by one into JavaScript costs far more
  const reader = await connection.runAndReadAll(
    `SELECT to_json(list([raw, ${asNumber(column.type, 'raw')}::VARCHAR]))::VARCHAR
     FROM ${valuesToJudge(column.type, column.cell!, source)}`,
  );
  const pairs = JSON.parse(String(reader.getRows()[0]![0] ?? '[]')) as [string | null, string | null][];
  const numeric = column.type === 'date' || column.type === 'month' || column.type === 'amount';
  const bad = await connection.createAppender(column.bad.slice(1, -1));
  const map = await connection.createAppender(column.map.slice(1, -1));
  for (const [raw, text] of pairs) {
    const converted = text === null ? null : numeric ? Number(text) : text;
    const verdict = classify(column.type, column.blankAllowed, raw, converted);
    if (verdict.as === 'cast') continue;
    if (verdict.as === 'map') {
      map.appendVarchar(raw!);
      if (verdict.value === null) map.appendNull();
      else if (typeof verdict.value === 'string') map.appendVarchar(verdict.value);
      else if (column.type === 'amount') map.appendBigInt(BigInt(verdict.value));
      else map.appendInteger(verdict.value);
      map.endRow();
      column.mapCount++;
    } else if (raw === null) column.nullIsBad = true;
    else {
      bad.appendVarchar(raw);
      bad.endRow();
      column.badCount++;
    }
  }
  bad.closeSync();
  map.closeSync();
}

/** The SQL condition of a staged record with a rejected or flagged cell: those go to the cleaners. */
function badRows(columns: Column[]): string {
  const bad = columns
    .filter((column) => column.cell !== null && (column.nullIsBad || column.badCount > 0))
    .map((column) =>
      [
        column.nullIsBad ? `${column.cell} IS NULL` : '',
        column.badCount > 0 ? `${column.cell} IN (SELECT raw FROM ${column.bad})` : '',
      ]
        .filter(Boolean)
        .join(' OR '),
    );
  return bad.length > 0 ? bad.join(' OR ') : 'false';
}

/**
 * The good records as the role's rows. Nothing to map: the staging table is the role's data as it
 * stands, its rejected rows deleted (row ids of the others do not move), instead of a copy of ten
 * million rows (`part`). Otherwise they are inserted into the role's table, mapped values joined in.
 */
async function writeRole(
  connection: DuckDBConnection,
  plan: Plan,
  options: Options,
  judged: { isBad: string; people: string | null },
): Promise<{ part: string | null; people: string | null }> {
  const { columns, table } = plan;
  const { isBad, people } = judged;
  // A cell as the role's column holds it: cast while DuckDB read the file, or converted here.
  const converted = (column: Column, alias: string) => {
    if (column.cell === null) return `NULL::${sqlTypes[column.type]}`;
    return column.typed ? `${alias}${column.typed}` : sqlValue[column.type](`${alias}${column.cell}`);
  };
  if (columns.every((column) => column.mapCount === 0)) {
    if (isBad !== 'false') await connection.run(`DELETE FROM ${table} WHERE ${isBad}`);
    const idColumn = columns.find((column) => column.key === 'idNumber' && column.cell !== null);
    const nameColumn = columns.find((column) => column.key === 'name' && column.cell !== null);
    return {
      part: `SELECT (rowid + ${options.firstId})::INTEGER AS _id, ${options.source}::USMALLINT AS _src,
      (rowid + 2)::INTEGER AS _row, ${columns.map((column) => `${converted(column, '')} AS ${q(column.key)}`).join(', ')}
      FROM ${table}`,
      people: people
        ? `SELECT ${idColumn!.cell} AS "idNumber", ${nameColumn!.cell} AS name FROM ${people}`
        : null,
    };
  }
  if (people) await connection.run(`DROP TABLE ${people}`);
  const good = columns
    .filter((column) => column.cell !== null && column.nullIsBad)
    .map((column) => `r.${column.cell} IS NOT NULL`);
  const joins = columns
    .map((column) =>
      [
        column.badCount > 0 ? `ANTI JOIN ${column.bad} ON r.${column.cell} = ${column.bad}.raw` : '',
        column.mapCount > 0 ? `LEFT JOIN ${column.map} ON r.${column.cell} = ${column.map}.raw` : '',
      ].join('\n'),
    )
    .join('\n');
  const values = columns.map((column) => {
    if (column.mapCount === 0) return converted(column, 'r.');
    const mapped =
      column.type === 'date' || column.type === 'month'
        ? `DATE '1970-01-01' + ${column.map}.value`
        : `${column.map}.value`;
    return `CASE WHEN ${column.map}.raw IS NULL THEN ${converted(column, 'r.')} ELSE ${mapped} END`;
  });
  await connection.run(`
    INSERT INTO ${q(options.input.role)}
    SELECT (r.rowid + ${options.firstId})::INTEGER, ${options.source}, (r.rowid + 2)::INTEGER, ${values.join(', ')}
    FROM ${table} AS r
    ${joins}
    ${good.length > 0 ? `WHERE ${good.join(' AND ')}` : ''}`);
  await connection.run(`DROP TABLE ${table}`);
  return { part: null, people: null };
}

/** The records left for the cleaners, a page at a time, with their row numbers. */
async function* pageLeftovers(
  connection: DuckDBConnection,
  left: string,
  names: string[],
  count: number,
): AsyncGenerator<RowBatch> {
  const page = 65_536;
  const all = names.map((name) => q(name)).join(', ');
  for (let from = 0; from < count; from += page) {
    const reader = await connection.runAndReadAll(
      `SELECT _row, ${all} FROM ${left} WHERE rowid >= ${from} AND rowid < ${from + page} ORDER BY rowid`,
    );
    const rows = reader.getRows() as (string | number | null)[][];
    yield {
      rowNumbers: rows.map((row) => row[0] as number),
      rows: rows.map((row) => row.slice(1).map((value) => value ?? '')),
    };
  }
}
