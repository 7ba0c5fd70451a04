import { isIsoDate } from '@procura/domain/deadlines/index';
import { readFormSheet } from '../employment-checks/read-sheet.ts';
import { DomainError } from '../errors.ts';

export interface CalendarRow {
  /** Line in the file (1-based, header included), for error messages. */
  line: number;
  date: string;
  kind: 'rest' | 'work';
  name: string | null;
}

const kindOf: Record<string, 'rest' | 'work'> = { 休: 'rest', 班: 'work', rest: 'rest', work: 'work' };

/** Cells of each non-empty line of a CSV text (quotes with "" escapes; commas or tabs). */
export function csvLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (!raw.trim()) return;
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < raw.length; i++) {
        const ch = raw[i]!;
        if (quoted) {
          if (ch === '"' && raw[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',' || ch === '\t') {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      out.push({ line: index + 1, cells: cells.map((c) => c.trim()) });
    });
  return out;
}

/** Cells (日期, 类型, 名称) of each non-empty row of the first worksheet, through the bounded reader. */
export async function xlsxLines(base64: string): Promise<{ line: number; cells: string[] }[]> {
  // A year has at most 366 days, a header and a title: a few hundred rows are plenty.
  const rows = await readFormSheet(base64, '节假日安排表', { maxRows: 1000 });
  return rows.map(({ row, cells }) => ({ line: row, cells: [0, 1, 2].map((col) => cells[col] ?? '') }));
}

/**
 * Checks every line (日期, 类型 休/班, 名称) of a year's notice; a header line is skipped. Throws
 * one VALIDATION error listing every bad line by its number, so nothing is imported half.
 */
export function parseCalendarRows(lines: { line: number; cells: string[] }[], year: number): CalendarRow[] {
  const body = lines.length && lines[0]!.cells[0]?.includes('日期') ? lines.slice(1) : lines;
  const problems: string[] = [];
  const rows: CalendarRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const [dateText = '', kindText = '', name = ''] = cells;
    const date = dateText.replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1');
    const kind = kindOf[kindText];
    if (!isIsoDate(date)) problems.push(`第 ${line} 行：日期“${dateText}”无效，应为 YYYY-MM-DD`);
    else if (Number(date.slice(0, 4)) !== year) problems.push(`第 ${line} 行：日期 ${date} 不在 ${year} 年`);
    else if (seen.has(date)) problems.push(`第 ${line} 行：日期 ${date} 与第 ${seen.get(date)} 行重复`);
    if (!kind) problems.push(`第 ${line} 行：类型“${kindText}”无效，应为“休”或“班”`);
    if (name.length > 32) problems.push(`第 ${line} 行：名称过长（最多 32 字）`);
    if (isIsoDate(date)) seen.set(date, line);
    if (kind && isIsoDate(date)) rows.push({ line, date, kind, name: name || null });
  }
  if (problems.length) {
    const shown = problems.slice(0, 10).join('；');
    const more = problems.length > 10 ? `；另有 ${problems.length - 10} 处错误` : '';
    throw new DomainError('VALIDATION', `导入失败，未做任何修改：${shown}${more}`, { problems });
  }
  if (rows.length === 0) throw new DomainError('VALIDATION', '导入失败：文件中没有节假日安排');
  return rows;
}
