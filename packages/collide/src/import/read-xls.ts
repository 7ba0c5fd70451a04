import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { CollideError } from '../errors.ts';
import { batchSize, type ReadOptions, type RowBatch, sourceName } from './rows.ts';
import { datasetSheetLimits, tooManyColumns, tooManyRows, tooSlow } from './sheet-limits.ts';
import type { ZipSource } from './zip-directory.ts';

/**
 * Reads an Excel 97–2003 .xls (at most 65,536 rows, so in memory) with SheetJS. Dates stay Excel
 * serial numbers, which the date cleaner understands, so no time zone can shift them. Rows beyond
 * the limit are not even parsed (sheetRows); the sheet's full extent is checked before any row
 * array is built, so a sheet claiming A1:XFD65536 costs nothing.
 */
export async function* readXls(source: ZipSource, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const limits = { ...datasetSheetLimits, ...options.limits };
  const deadline = Date.now() + limits.timeoutMs;
  const fileName = sourceName(source, options);
  const bytes = 'path' in source ? await readFile(source.path) : source.bytes;
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      cellDates: false,
      dense: true,
      sheetRows: limits.maxRows + 1,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CollideError('badFile', `文件 ${fileName} 不是有效的 .xls 工作簿（${detail}）`);
  }
  if (Date.now() > deadline) throw tooSlow(fileName, limits);
  const name = options.sheet ?? workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet) {
    throw new CollideError(
      'badFile',
      `工作簿中没有名为「${options.sheet}」的工作表（有：${workbook.SheetNames.join('、')}）`,
    );
  }
  const extent = XLSX.utils.decode_range(sheet['!fullref'] ?? sheet['!ref'] ?? 'A1');
  const first = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').s.r + 1;
  if (extent.e.r - extent.s.r + 1 > limits.maxRows) throw tooManyRows(fileName, extent.e.r + 1, limits);
  if (extent.e.c + 1 > limits.maxColumns) throw tooManyColumns(fileName, first, extent.e.c + 1, limits);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  for (let start = 0; start < rows.length; start += batchSize) {
    const slice = rows.slice(start, start + batchSize);
    yield { rows: slice, rowNumbers: slice.map((_, i) => first + start + i) };
    options.onProgress?.({ rowsRead: Math.min(rows.length, start + batchSize) });
  }
}
