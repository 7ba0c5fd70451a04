import { CollideError, formSheetLimits, readSpreadsheetRows, type SheetLimits } from '@procura/collide';
import { fileNameProblem } from '@procura/domain/attachments/file-name';
import { cellText } from '@procura/domain/clean/width';
import { DomainError } from '../errors.ts';

export interface SheetRow {
  /** Row number in Excel (1-based), as the error messages name it. */
  row: number;
  cells: Record<string, string>;
}

export interface ColumnSpec {
  key: string;
  /** The header shown in messages. */
  label: string;
  /** Headers recognised (spaces removed). */
  headers: readonly string[];
  required: boolean;
}

function cellString(value: unknown): string {
  // A date cell: the calendar day as typed (exceljs gives midnight UTC).
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cellText(value).trim();
}

/**
 * The first worksheet of an uploaded form (base64) as rows of cell texts, through the platform's
 * one bounded spreadsheet reader (size, ratio, row, column, time and memory limits; parsed on a
 * worker thread, so a zip bomb never stalls the server). A refusal names the file.
 */
export async function readFormSheet(
  base64: string,
  fileName: string,
  limits: Partial<SheetLimits> = {},
): Promise<{ row: number; cells: string[] }[]> {
  const badName = fileNameProblem(fileName);
  if (badName) throw new DomainError('VALIDATION', badName);
  let rows: Awaited<ReturnType<typeof readSpreadsheetRows>>;
  try {
    rows = await readSpreadsheetRows(
      { bytes: Buffer.from(base64, 'base64') },
      { fileName, limits: { ...formSheetLimits, ...limits } },
    );
  } catch (error) {
    if (error instanceof CollideError && error.code === 'tooLarge') {
      throw new DomainError('VALIDATION', error.message);
    }
    throw new DomainError(
      'VALIDATION',
      `无法读取文件 ${fileName}：文件已损坏或不是 .xlsx 工作簿（旧版 .xls 请在 Excel/WPS 中另存为 .xlsx）`,
    );
  }
  const lines: { row: number; cells: string[] }[] = [];
  for (const { number, values } of rows) {
    const cells = Array.from(values, cellString);
    if (cells.some(Boolean)) lines.push({ row: number, cells });
  }
  return lines;
}

/**
 * The first worksheet of an .xlsx (base64) as rows of named cells. The header row is the first of
 * the top 10 rows naming every required column; a missing column is an error naming it.
 */
export async function readSheet(
  base64: string,
  columns: readonly ColumnSpec[],
  fileName: string,
  limits: Partial<SheetLimits> = {},
): Promise<SheetRow[]> {
  const lines = await readFormSheet(base64, fileName, limits);
  const normalise = (text: string) => text.replace(/[\s\u3000*＊]/g, '');
  let header: { row: number; positions: Map<string, number> } | null = null;
  for (const line of lines.slice(0, 10)) {
    const positions = new Map<string, number>();
    for (const column of columns) {
      const index = line.cells.findIndex((cell) => column.headers.includes(normalise(cell)));
      if (index >= 0) positions.set(column.key, index);
    }
    if (columns.every((c) => !c.required || positions.has(c.key))) {
      header = { row: line.row, positions };
      break;
    }
  }
  if (!header) {
    const required = columns.filter((c) => c.required).map((c) => c.label);
    throw new DomainError(
      'VALIDATION',
      `文件 ${fileName} 前 10 行中找不到表头：需要列 ${required.join('、')}`,
    );
  }
  const found = header;
  return lines
    .filter((line) => line.row > found.row)
    .map((line) => ({
      row: line.row,
      cells: Object.fromEntries(
        columns.map((c) => [c.key, line.cells[found.positions.get(c.key) ?? -1] ?? '']),
      ),
    }));
}

/** One error listing every bad cell (first 10 shown): nothing is recorded when any row is wrong. */
export function refuseProblems(fileName: string, problems: string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10).join('；');
  const more = problems.length > 10 ? `；另有 ${problems.length - 10} 处错误` : '';
  throw new DomainError('VALIDATION', `文件 ${fileName} 有误，未做任何记录：${shown}${more}`, { problems });
}
