import { cellText } from '@procura/domain/clean/width';
import { CollideError } from '../errors.ts';
import type { TInput } from '../models/spec.ts';
import { cellCleaners, isBlank } from './clean-cell.ts';
import { type ColumnKey, canonicalColumns } from './columns.ts';
import { matchHeaders } from './headers.ts';
import type { RowBatch } from './rows.ts';

/** A row (or a cell of it) that could not be cleaned; `kept` rows were loaded but flagged. */
export interface Reject {
  role: string;
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
  kept: boolean;
}

/** Up to 2,048 cleaned rows, column-wise, as plain data that can cross to another thread. */
export interface CleanChunk {
  size: number;
  rowNumbers: number[];
  /** one array per model column, in the input's column order: strings, day numbers, fen */
  columns: (string | number | null)[][];
  rejects: Reject[];
  read: number;
  rejected: number;
  flagged: number;
}

export interface CleanRowsOptions {
  batches: AsyncIterable<RowBatch>;
  input: TInput;
  /** the file's name as shown in messages and rejects */
  file: string;
  overrides?: Partial<Record<ColumnKey, string>>;
  /** the file's first rows, when `batches` is a later part of it: the header is found there */
  headerFrom?: RowBatch;
}

/** The header row: the first of the first 20 rows that has every required column. */
export function findHeader(
  batch: RowBatch,
  wanted: ColumnKey[],
  required: ColumnKey[],
  overrides: Partial<Record<ColumnKey, string>>,
): { at: number; indexes: Partial<Record<ColumnKey, number>> } | { missing: ColumnKey[]; headers: string[] } {
  let first: { missing: ColumnKey[]; headers: string[] } | undefined;
  for (let i = 0; i < Math.min(20, batch.rows.length); i++) {
    const headers = batch.rows[i]!.map((cell) => cellText(cell).trim());
    if (headers.every((h) => h === '')) continue;
    const match = matchHeaders(headers, wanted, overrides);
    const missing = match.missing.filter((key) => required.includes(key));
    if (missing.length === 0) return { at: i, indexes: match.indexes };
    first ??= { missing, headers: headers.filter((h) => h !== '') };
  }
  return first ?? { missing: required, headers: [] };
}

const emptyChunk = (width: number): CleanChunk => ({
  size: 0,
  rowNumbers: [],
  columns: Array.from({ length: width }, () => []),
  rejects: [],
  read: 0,
  rejected: 0,
  flagged: 0,
});

/**
 * Finds the header, then cleans every cell of the columns the model needs. A row with any
 * uncleanable cell is left out and reported (file, row as Excel shows it, header, reason).
 */
export async function* cleanRows(options: CleanRowsOptions): AsyncGenerator<CleanChunk> {
  const { input, file } = options;
  const overrides = options.overrides ?? {};
  const wanted = Object.keys(input.columns) as ColumnKey[];
  const required = wanted.filter((key) => !input.columns[key]!.optional);
  let columns:
    | {
        index: number | undefined;
        header: string;
        blankAllowed: boolean;
        clean: (raw: unknown) => ReturnType<(typeof cellCleaners)['text']>;
      }[]
    | undefined;
  let chunk = emptyChunk(wanted.length);
  const cleanedRow: (string | number | null)[] = new Array(wanted.length).fill(null);
  for await (const batch of options.batches) {
    let start = 0;
    if (!columns) {
      const header = findHeader(options.headerFrom ?? batch, wanted, required, overrides);
      if ('missing' in header) {
        const names = header.missing.map((key) => `${canonicalColumns[key].label}（${key}）`).join('、');
        throw new CollideError(
          'missingColumn',
          `文件 ${file}（${input.label}）缺少必需的列：${names}。找到的表头：${header.headers.join('、') || '（无）'}。可用 --map ${input.role}.${header.missing[0]}=表头 指定`,
        );
      }
      const headerRow = (options.headerFrom ?? batch).rows[header.at]!;
      columns = wanted.map((key) => {
        const index = header.indexes[key];
        return {
          index,
          header: index === undefined ? '' : cellText(headerRow[index]).trim(),
          blankAllowed: index === undefined || input.columns[key]!.blank === 'allow',
          clean: cellCleaners[canonicalColumns[key].type],
        };
      });
      start = options.headerFrom ? 0 : header.at + 1;
    }
    for (let r = start; r < batch.rows.length; r++) {
      const row = batch.rows[r]!;
      let blankRow = true;
      for (const cell of row) {
        if (!isBlank(cell)) {
          blankRow = false;
          break;
        }
      }
      if (blankRow) continue;
      chunk.read++;
      let rejected = false;
      let flagged = false;
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c]!;
        const raw = column.index === undefined ? undefined : row[column.index];
        if (column.blankAllowed && isBlank(raw)) {
          cleanedRow[c] = null;
          continue;
        }
        const result = column.clean(raw);
        if (result.ok && result.problem === undefined) {
          cleanedRow[c] = result.value;
          continue;
        }
        chunk.rejects.push({
          role: input.role,
          file,
          row: batch.rowNumbers[r]!,
          column: column.header,
          value: raw instanceof Date ? raw.toISOString().slice(0, 10) : cellText(raw),
          reason: result.ok ? result.problem! : result.reason,
          kept: result.ok,
        });
        if (result.ok) {
          flagged = true;
          cleanedRow[c] = result.value;
        } else rejected = true;
      }
      if (rejected) {
        chunk.rejected++;
        continue;
      }
      if (flagged) chunk.flagged++;
      for (let c = 0; c < cleanedRow.length; c++) chunk.columns[c]!.push(cleanedRow[c]!);
      chunk.rowNumbers.push(batch.rowNumbers[r]!);
      if (++chunk.size === 2048) {
        yield chunk;
        chunk = emptyChunk(wanted.length);
      }
    }
  }
  if (!columns && !options.headerFrom) {
    throw new CollideError('missingColumn', `文件 ${file}（${input.label}）是空的：没有表头`);
  }
  if (chunk.size > 0 || chunk.read > 0 || chunk.rejects.length > 0) yield chunk;
}
