import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvLine } from '../output/csv-text.ts';

/** A fresh temporary folder for one test file. */
export const tempDir = (prefix = 'collide-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Writes rows as CSV: UTF-8, UTF-8 with BOM, or GBK (what Chinese Excel saves as "CSV"). */
export function writeCsv(
  path: string,
  rows: unknown[][],
  encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8',
): string {
  const text = rows.map((row) => csvLine(row)).join('');
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'));
  else writeFileSync(path, (encoding === 'utf8bom' ? '\ufeff' : '') + text);
  return path;
}

/** Writes an .xlsx with exceljs; Date cells become real Excel dates. */
export async function writeXlsx(path: string, rows: unknown[][], sheet = 'Sheet1', before: string[] = []) {
  const workbook = new ExcelJS.Workbook();
  for (const name of before) workbook.addWorksheet(name).addRow(['无关的表']);
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow(row);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Writes an Excel 97–2003 .xls with SheetJS (dates given as Excel serial numbers). */
export function writeXls(path: string, rows: unknown[][]): string {
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: false });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '明细');
  writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }));
  return path;
}

/** A Date at UTC midnight, as exceljs reads dates back. */
export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
