import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TInput } from '../models/spec.ts';
import { sqlTypes } from './clean-cell.ts';
import { cleanFile, type Spilled } from './clean-file.ts';
import { cleanRows, type Reject } from './clean-rows.ts';
import { type ColumnKey, canonicalColumns } from './columns.ts';
import { loadCsvNatively, type NativeCsv } from './native-csv.ts';
import { createPeopleView } from './people.ts';
import type { ReadProgress } from './rows.ts';
import { SpillFile } from './spill.ts';
import { createInputTable, quoteIdentifier } from './table.ts';

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
  /** false: never let DuckDB read a UTF-8 CSV itself (see loadCsvNatively); for comparing the two paths */
  native?: boolean;
  onProgress?: (progress: ReadProgress & { role: string; file: string }) => void;
}

/**
 * Loads one role's files into its DuckDB table, with the row id, source file and row number kept
 * for evidence: a UTF-8 CSV through DuckDB's own reader where it can (see loadCsvNatively), its odd
 * rows and every other file through the cleaners (see `cleanRows`), in this thread or on workers.
 */
export async function loadInput(options: LoadInputOptions): Promise<InputStats> {
  const { connection, input, files } = options;
  await createInputTable(connection, input);
  const stats: InputStats = {
    role: input.role,
    files,
    rowsRead: 0,
    rowsCleaned: 0,
    rowsRejected: 0,
    rowsFlagged: 0,
  };
  const spills: (Spilled & { source: number })[] = [];
  const written: SpillFile[] = [];
  const natives: NativeCsv[] = [];
  const firstReject = options.rejects.length;
  try {
    for (const path of files) {
      const source = options.sources.push(path) - 1;
      const onProgress = (progress: ReadProgress) =>
        options.onProgress?.({ ...progress, role: input.role, file: path });
      const native =
        options.native === false
          ? null
          : await loadCsvNatively({
              connection,
              input,
              path,
              source,
              firstId: options.nextId.value,
              overrides: options.overrides,
            });
      if (native) {
        natives.push(native);
        options.nextId.value += native.records;
        stats.rowsRead += native.loaded;
        stats.rowsCleaned += native.loaded;
        onProgress({ rowsRead: native.records });
      }
      const chunks = native
        ? cleanRows({
            batches: native.leftovers(),
            input,
            file: basename(path),
            overrides: options.overrides,
            headerFrom: native.header,
          })
        : cleanFile({
            path,
            file: basename(path),
            sheet: options.sheet,
            input,
            overrides: options.overrides,
            workers: options.workers,
            onProgress,
          });
      // Rows cleaned in this thread go, like the workers' rows, to a spill CSV for DuckDB's own
      // reader: the appender converts every string in JavaScript and cost half the import's CPU.
      let spill: SpillFile | undefined;
      for await (const chunk of chunks) {
        if ('path' in chunk) {
          spills.push({ ...chunk, source });
          continue;
        }
        stats.rowsRead += chunk.read;
        stats.rowsRejected += chunk.rejected;
        stats.rowsFlagged += chunk.flagged;
        for (const reject of chunk.rejects) options.rejects.push(reject);
        if (chunk.size === 0) continue;
        if (!spill) {
          spill = new SpillFile();
          written.push(spill);
        }
        spill.write(chunk);
      }
      if (spill) {
        spill.close();
        spills.push({ path: spill.path, rows: spill.rows, source });
      }
    }
    for (const spill of spills) {
      await loadSpill(connection, input, spill, options.nextId.value);
      options.nextId.value += spill.rows;
      stats.rowsCleaned += spill.rows;
    }
    // Files DuckDB read clean stay where they were read: the role becomes a view over them and
    // the rows cleaned here.
    const parts = natives.flatMap((native) => (native.part === null ? [] : [native.part]));
    const people = natives.flatMap((native) => (native.people === null ? [] : [native.people]));
    const role = quoteIdentifier(input.role);
    // the rows loaded here, and the files kept where DuckDB read them
    const rows = parts.length > 0 ? quoteIdentifier(`${input.role}__rows`) : role;
    if (parts.length > 0) {
      await connection.run(`ALTER TABLE ${role} RENAME TO ${rows}`);
      await connection.run(
        `CREATE VIEW ${role} AS SELECT * FROM ${rows} UNION ALL ${parts.join(' UNION ALL ')}`,
      );
    }
    // (a file without ids or names brings no people: its rows cannot be suspected)
    await createPeopleView(connection, { input, table: rows, parts: people });
  } finally {
    for (const spill of written) spill.discard();
    await Promise.all(spills.map((spill) => rm(spill.path, { force: true })));
    for (const native of natives) await native.drop();
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

/** Reads a spill file (see SpillFile) with DuckDB's CSV reader into the role's table. */
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
    FROM read_csv('${spill.path.replaceAll("'", "''")}', header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
      auto_detect = false, columns = {${columns}})`);
}
