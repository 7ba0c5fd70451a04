import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { batchSize, type ReadOptions, type RowBatch } from './rows.ts';

/**
 * Reads an Excel 97–2003 .xls (at most 65,536 rows, so in memory) with SheetJS. Dates stay Excel
 * serial numbers, which the date cleaner understands, so no time zone can shift them.
 */
export async function* readXls(path: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const workbook = XLSX.read(await readFile(path), { type: 'buffer', cellDates: false, dense: true });
  const name = options.sheet ?? workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet) {
    throw new Error(`工作簿中没有名为「${options.sheet}」的工作表（有：${workbook.SheetNames.join('、')}）`);
  }
  const first = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').s.r + 1;
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
