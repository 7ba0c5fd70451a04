import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { batchSize, type ReadOptions, type RowBatch } from './rows.ts';

/** The parts of exceljs's streaming WorkbookReader we drive ourselves (exceljs 4.4.0). */
interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

type WorksheetRows = AsyncIterable<{ values: unknown; number: number }>;

/**
 * Streams the rows of an .xlsx worksheet (first sheet, or `options.sheet`) with exceljs, low memory.
 *
 * exceljs's own reader reads the zip in one streaming pass and, on Node ≥ 18, can lose the last
 * entry; exceljs writes `xl/workbook.xml` last, so an upload failed now and then with "Cannot read
 * properties of undefined (reading 'sheets')" (exceljs#3064). We open the archive by its central
 * directory instead and hand exceljs the parts in the order it needs them: relationships, workbook,
 * shared strings, styles (which numbers are dates), then the one sheet wanted, still row by row.
 */
export async function* readXlsx(path: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const archive = await unzipper.Open.file(path);
  const part = (name: string) => archive.files.find((f) => f.path.replace(/^\//, '') === name);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;

  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook) throw new Error('不是有效的 Excel 工作簿（缺少 xl/workbook.xml）');
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(workbook.stream());
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings.stream()));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());

  const sheets = reader.model?.sheets ?? [];
  const sheet = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!sheet) {
    throw new Error(
      options.sheet === undefined
        ? '工作簿中没有工作表'
        : `工作簿中没有名为「${options.sheet}」的工作表（有：${sheets.map((s) => s.name).join('、')}）`,
    );
  }
  const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
  // Targets are relative to xl/ ("worksheets/sheet1.xml"), or absolute ("/xl/worksheets/sheet1.xml").
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetPart = part(sheetPath);
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1];
  if (!sheetPart || !sheetNo) throw new Error(`工作簿中工作表「${sheet.name}」的内容缺失`);

  const [emitted] = [...reader._parseWorksheet(sheetPart.stream(), sheetNo)];
  const worksheet = emitted!.value as WorksheetRows;
  let batch: RowBatch = { rows: [], rowNumbers: [] };
  let rowsRead = 0;
  for await (const row of worksheet) {
    batch.rows.push((row.values as unknown[]).slice(1)); // exceljs rows are 1-based
    batch.rowNumbers.push(row.number);
    if (batch.rows.length >= batchSize) {
      rowsRead += batch.rows.length;
      options.onProgress?.({ rowsRead });
      yield batch;
      batch = { rows: [], rowNumbers: [] };
    }
  }
  if (batch.rows.length > 0) yield batch;
  options.onProgress?.({ rowsRead: rowsRead + batch.rows.length });
}
