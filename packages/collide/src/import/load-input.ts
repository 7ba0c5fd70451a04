import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDateValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { sqlTypes } from './clean-cell.ts';
import { cleanFile, type Spilled } from './clean-file.ts';
import type { CleanChunk, Reject } from './clean-rows.ts';
import { type ColumnKey, canonicalColumns } from './columns.ts';
import type { ReadProgress } from './rows.ts';
import { createInputTable, inputTableTypes, quoteIdentifier } from './table.ts';

export type { Reject };

export interface InputStats {
  role: string;
  files: string[];
  rowsRead: number;
  rowsCleaned: number;
  rowsRejected: number;
  rowsFlagged: number;
}

export interface LoadInputOptions {
  connection: DuckDBConnection;
  input: TInput;
  files: string[];
  /** column → header, from `--map ROLE.COLUMN=表头` */
  overrides?: Partial<Record<ColumnKey, string>>;
  sheet?: string;
  /** the file list of the run: a row stores its file as an index into it */
  sources: string[];
  /** first free row id (ids are unique across inputs) */
  nextId: { value: number };
  rejects: Reject[];
  /** worker threads cleaning each file: 0 = this thread (default: 2 for a CSV of 32 MB and more) */
  workers?: number;
  onProgress?: (progress: ReadProgress & { role: string; file: string }) => void;
}

const toDate = (value: string | number | null): DuckDBValue =>
  value === null ? null : new DuckDBDateValue(value as number);
const toBigInt = (value: string | number | null): DuckDBValue => (value === null ? null : BigInt(value));
const asIs = (value: string | number | null): DuckDBValue => value;

/**
 * Loads one role's files into its DuckDB table: cleaned chunks (see `cleanRows`) are appended as
 * they come, with the row id, source file and row number kept for evidence.
 */
export async function loadInput(options: LoadInputOptions): Promise<InputStats> {
  const { connection, input, files } = options;
  const keys = Object.keys(input.columns) as ColumnKey[];
  const converters = keys.map((key) => {
    const type = canonicalColumns[key].type;
    return type === 'date' || type === 'month' ? toDate : type === 'amount' ? toBigInt : asIs;
  });
  await createInputTable(connection, input);
  const appender = await connection.createAppender(input.role);
  const types = inputTableTypes(input);
  const stats: InputStats = {
    role: input.role,
    files,
    rowsRead: 0,
    rowsCleaned: 0,
    rowsRejected: 0,
    rowsFlagged: 0,
  };
  const spills: (Spilled & { source: number })[] = [];
  const firstReject = options.rejects.length;
  try {
    for (const path of files) {
      const source = options.sources.push(path) - 1;
      const chunks = cleanFile({
        path,
        file: basename(path),
        sheet: options.sheet,
        input,
        overrides: options.overrides,
        workers: options.workers,
        onProgress: (progress) => options.onProgress?.({ ...progress, role: input.role, file: path }),
      });
      for await (const chunk of chunks) {
        if ('path' in chunk) {
          spills.push({ ...chunk, source });
          continue;
        }
        stats.rowsRead += chunk.read;
        stats.rowsRejected += chunk.rejected;
        stats.rowsFlagged += chunk.flagged;
        stats.rowsCleaned += chunk.size;
        for (const reject of chunk.rejects) options.rejects.push(reject);
        if (chunk.size > 0) append(appender, types, chunk, source, options.nextId, converters);
      }
    }
    for (const spill of spills) {
      await loadSpill(connection, input, spill, options.nextId.value);
      options.nextId.value += spill.rows;
      stats.rowsCleaned += spill.rows;
    }
  } finally {
    appender.closeSync();
    await Promise.all(spills.map((spill) => rm(spill.path, { force: true })));
  }
  // Workers report in any order: rejects are listed by file, then row.
  const added = options.rejects.splice(firstReject).map((reject, i) => ({ reject, i }));
  const order = files.map((path) => basename(path));
  added.sort(
    (a, b) =>
      order.indexOf(a.reject.file) - order.indexOf(b.reject.file) || a.reject.row - b.reject.row || a.i - b.i,
  );
  options.rejects.push(...added.map(({ reject }) => reject));
  return stats;
}

function append(
  appender: DuckDBAppender,
  types: DuckDBType[],
  chunk: CleanChunk,
  source: number,
  nextId: { value: number },
  converters: ((value: string | number | null) => DuckDBValue)[],
) {
  const ids = new Array<number>(chunk.size);
  for (let i = 0; i < chunk.size; i++) ids[i] = nextId.value++;
  const columns: DuckDBValue[][] = [ids, new Array<number>(chunk.size).fill(source), chunk.rowNumbers];
  chunk.columns.forEach((values, c) => {
    const convert = converters[c]!;
    columns.push(convert === asIs ? values : values.map(convert));
  });
  const data = DuckDBDataChunk.create(types, chunk.size);
  data.setColumns(columns);
  appender.appendDataChunk(data);
}

/** Reads a worker's spill file with DuckDB's CSV reader into the role's table. */
async function loadSpill(
  connection: DuckDBConnection,
  input: TInput,
  spill: Spilled & { source: number },
  firstId: number,
): Promise<void> {
  const keys = Object.keys(input.columns) as ColumnKey[];
  const spillType = (key: ColumnKey) => {
    const type = canonicalColumns[key].type;
    return type === 'date' || type === 'month' ? 'INTEGER' : sqlTypes[type];
  };
  const columns = [`'_row': 'INTEGER'`, ...keys.map((key) => `'${key}': '${spillType(key)}'`)].join(', ');
  const values = keys.map((key) =>
    spillType(key) === 'INTEGER' && canonicalColumns[key].type !== 'amount'
      ? `DATE '1970-01-01' + ${quoteIdentifier(key)}`
      : quoteIdentifier(key),
  );
  await connection.run(`
    INSERT INTO ${quoteIdentifier(input.role)}
    SELECT (${firstId - 1} + row_number() OVER ())::INTEGER, ${spill.source}, _row, ${values.join(', ')}
    FROM read_csv('${spill.path.replaceAll("'", "''")}', header = false, delim = ',', quote = '"', escape = '"',
      auto_detect = false, columns = {${columns}})`);
}
