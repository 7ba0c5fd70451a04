import { access } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { CollideError } from '../errors.ts';
import { readCsv } from './read-csv.ts';
import type { ReadOptions, RowBatch } from './rows.ts';
import { readSpreadsheet, readSpreadsheetHere } from './spreadsheet.ts';

/** Reads any supported file (.csv/.txt, .xlsx, .xls) as batches of rows, header included; spreadsheets within `options.limits`. */
export async function readTable(path: string, options: ReadOptions = {}): Promise<AsyncGenerator<RowBatch>> {
  try {
    await access(path);
  } catch {
    throw new CollideError('missingFile', `找不到文件 ${path}`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return readCsv(path, options);
  if (extension === '.xlsx' || extension === '.xlsm' || extension === '.xls') {
    // Spreadsheets are parsed off the main thread (a cleaning worker reads them where it is).
    return isMainThread ? readSpreadsheet({ path }, options) : readSpreadsheetHere({ path }, options);
  }
  throw new CollideError(
    'badFile',
    `不支持的文件类型 ${extension || '（无扩展名）'}：请提供 .csv、.xlsx 或 .xls 文件（${path}）`,
  );
}
