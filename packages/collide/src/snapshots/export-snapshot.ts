import { basename } from 'node:path';
import { CollideError } from '../errors.ts';
import { type InputStats, loadInput, type Reject } from '../import/load-input.ts';
import { quoteIdentifier, quoteLiteral } from '../import/table.ts';
import type { TInput } from '../models/spec.ts';

export interface ExportSnapshotOptions {
  /** the file to clean (CSV, .xlsx or .xls) */
  file: string;
  /** the input the file serves: its columns are cleaned, the others left out */
  input: TInput;
  /** the Parquet file to write (replaced if it exists) */
  target: string;
}

export interface ExportedSnapshot {
  stats: InputStats;
  /** every rejected cell, in file order */
  rejects: Reject[];
}

/**
 * Cleans one file into a Parquet snapshot that `runOnSnapshots` can run models on later without
 * cleaning it again: the input's table as `loadInput` makes it, row ids and row numbers kept for
 * evidence. A file that cannot be read (a damaged workbook or archive, or not the format its name
 * says) is a CollideError naming the file, like every other fault of the file.
 */
export async function exportSnapshot(options: ExportSnapshotOptions): Promise<ExportedSnapshot> {
  // Loaded here, not with the engine: the native module costs a second on a busy machine.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const rejects: Reject[] = [];
    const stats = await loadInput({
      connection,
      input: options.input,
      files: [options.file],
      sources: [],
      nextId: { value: 1 },
      rejects,
    }).catch((error: unknown) => {
      if (error instanceof CollideError) throw error;
      // A reader failing inside a damaged workbook or archive: the file, not the caller.
      const detail = error instanceof Error ? error.message : String(error);
      throw new CollideError(
        'badFile',
        `文件 ${basename(options.file)} 无法读取，可能已损坏或不是所称的格式（${detail}）`,
      );
    });
    await connection.run(
      `COPY ${quoteIdentifier(options.input.role)} TO ${quoteLiteral(options.target)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return { stats, rejects };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
