import { basename } from 'node:path';
import type { SheetLimits } from './sheet-limits.ts';
import type { ZipSource } from './zip-directory.ts';

/** Rows of a sheet as read, in batches; `rowNumbers[i]` is the row Excel would show (header = 1). */
export interface RowBatch {
  rows: unknown[][];
  rowNumbers: number[];
}

export interface ReadProgress {
  /** bytes read so far and in total, when the reader knows them */
  bytesRead?: number;
  totalBytes?: number;
  rowsRead: number;
}

export interface ReadOptions {
  /** the file's name as the user knows it, for messages (default: the path's last part) */
  fileName?: string;
  /** spreadsheets: how much the reader may take (see SheetLimits; default datasetSheetLimits) */
  limits?: Partial<SheetLimits>;
  /** worksheet name for spreadsheets; default the first sheet */
  sheet?: string;
  onProgress?: (progress: ReadProgress) => void;
  /** CSV only: read this byte range (on record boundaries), numbering rows from `firstRow` */
  range?: { start: number; end: number; firstRow: number };
}

export const batchSize = 4096;

/** The file's name for messages: the one given, else the path's last part. */
export const sourceName = (source: ZipSource, options: ReadOptions) =>
  options.fileName ?? ('path' in source ? basename(source.path) : '工作簿');
