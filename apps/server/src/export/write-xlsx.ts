import { PassThrough, type Writable } from 'node:stream';
import { inertCellText } from '@procura/domain/export/inert-cell';
import type ExcelJS from 'exceljs';
import { now } from '../clock.ts';

/**
 * How a column is written:
 * - `text`, `number`: as they are;
 * - `date`: a calendar day in China (a Date, or 'YYYY-MM-DD'), shown yyyy-mm-dd;
 * - `datetime`: a moment, shown in China time, yyyy-mm-dd hh:mm;
 * - `fen`: an amount in fen, written in 元 with two decimals and thousands separators.
 */
export type XlsxColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'fen';

export type XlsxValue = string | number | Date | null | undefined;

export interface XlsxColumn<Row> {
  /** The Chinese header, e.g. 案号 or 成效金额（元）. */
  header: string;
  value: (row: Row) => XlsxValue;
  kind?: XlsxColumnKind;
  /** Width in characters; by default from the header and the first rows (CJK counts double). */
  width?: number;
}

export interface XlsxSheet<Row> {
  sheetName: string;
  columns: readonly XlsxColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
}

const numFmt: Partial<Record<XlsxColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  fen: '#,##0.00',
};

/** Rows looked at to size the columns before the sheet is written. */
const sampleSize = 200;
const minWidth = 6;
const maxWidth = 60;
const chinaOffsetMs = 8 * 3_600_000;

/**
 * Writes one worksheet to `output` as .xlsx, streaming: rows are committed as they come, so an
 * export of 100,000 rows never holds the workbook in memory. Resolves with the number of rows.
 */
export async function writeXlsx<Row>(output: Writable, sheet: XlsxSheet<Row>): Promise<number> {
  // exceljs loads with the first export, not with the app.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Procura 检察履职一体化平台';
  workbook.created = now();
  const worksheet = workbook.addWorksheet(safeSheetName(sheet.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });

  const iterator = toAsyncIterator(sheet.rows);
  const sample: Row[] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < sampleSize) {
    sample.push(next.value);
    next = await iterator.next();
  }

  const cells = (row: Row) => sheet.columns.map((column) => cellValue(column, row));
  worksheet.columns = sheet.columns.map((column, index) => ({
    key: `c${index}`,
    width: column.width ?? widthOf(column, sample),
    style: numFmt[column.kind ?? 'text'] ? { numFmt: numFmt[column.kind ?? 'text'] } : {},
  }));
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8C9BB0' } } };
  });
  header.commit();
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  let count = 0;
  const add = (row: Row) => {
    worksheet.addRow(cells(row)).commit();
    count += 1;
  };
  for (const row of sample) add(row);
  while (!next.done) {
    if (output.destroyed) break; // the client went away: stop reading rows
    add(next.value);
    next = await iterator.next();
  }
  worksheet.commit();
  await workbook.commit();
  return count;
}

/** The whole .xlsx in memory, for small sheets and tests. */
export async function xlsxBuffer<Row>(sheet: XlsxSheet<Row>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await writeXlsx(output, sheet);
  await ended;
  return Buffer.concat(chunks);
}

/** `attachment; filename="…"; filename*=UTF-8''…`: the Chinese name, with an ASCII fallback. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cellValue<Row>(column: XlsxColumn<Row>, row: Row): ExcelJS.CellValue {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind ?? 'text') {
    case 'fen':
      return typeof value === 'number' ? value / 100 : null;
    case 'date':
      return excelDay(value);
    case 'datetime':
      // Excel has no time zones: write the wall-clock time in China.
      return value instanceof Date ? new Date(value.getTime() + chinaOffsetMs) : excelDay(value);
    default:
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'string' ? inertCellText(value) : value;
  }
}

/** A calendar day as Excel sees it (UTC midnight of the day in China). */
function excelDay(value: string | number | Date): Date | null {
  if (value instanceof Date) {
    const china = new Date(value.getTime() + chinaOffsetMs);
    return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()));
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return null;
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

function widthOf<Row>(column: XlsxColumn<Row>, sample: Row[]): number {
  const kind = column.kind ?? 'text';
  let widest = displayWidth(column.header) + 4; // room for the filter button
  if (kind === 'date') widest = Math.max(widest, 12);
  else if (kind === 'datetime') widest = Math.max(widest, 17);
  else {
    for (const row of sample) {
      const value = column.value(row);
      if (value === null || value === undefined) continue;
      const text = kind === 'fen' && typeof value === 'number' ? (value / 100).toFixed(2) : String(value);
      widest = Math.max(widest, displayWidth(text) + 2 + (kind === 'fen' ? Math.floor(text.length / 4) : 0));
    }
  }
  return Math.min(maxWidth, Math.max(minWidth, widest));
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

function toAsyncIterator<Row>(rows: Iterable<Row> | AsyncIterable<Row>): AsyncIterator<Row> | Iterator<Row> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}
