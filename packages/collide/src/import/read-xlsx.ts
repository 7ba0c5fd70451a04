import ExcelJS from 'exceljs';
import { batchSize, type ReadOptions, type RowBatch } from './rows.ts';

/** Streams the rows of an .xlsx worksheet (first sheet, or `options.sheet`) with exceljs, low memory. */
export async function* readXlsx(path: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to know which numbers are dates
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let rowsRead = 0;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    const wanted = options.sheet === undefined ? seen.length === 1 : name === options.sheet;
    let batch: RowBatch = { rows: [], rowNumbers: [] };
    for await (const row of worksheet) {
      if (!wanted) continue; // drain the sheet so the stream moves on
      const values = row.values as unknown[];
      batch.rows.push(values.slice(1)); // exceljs rows are 1-based
      batch.rowNumbers.push(row.number);
      if (batch.rows.length >= batchSize) {
        rowsRead += batch.rows.length;
        options.onProgress?.({ rowsRead });
        yield batch;
        batch = { rows: [], rowNumbers: [] };
      }
    }
    if (!wanted) continue;
    if (batch.rows.length > 0) yield batch;
    options.onProgress?.({ rowsRead: rowsRead + batch.rows.length });
    return;
  }
  throw new Error(
    options.sheet === undefined
      ? '工作簿中没有工作表'
      : `工作簿中没有名为「${options.sheet}」的工作表（有：${seen.join('、')}）`,
  );
}
