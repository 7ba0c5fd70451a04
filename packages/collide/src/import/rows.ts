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
  /** worksheet name for spreadsheets; default the first sheet */
  sheet?: string;
  onProgress?: (progress: ReadProgress) => void;
  /** CSV only: read this byte range (on record boundaries), numbering rows from `firstRow` */
  range?: { start: number; end: number; firstRow: number };
}

export const batchSize = 4096;
