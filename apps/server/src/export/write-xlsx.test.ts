import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { assertExportable, exportFileName } from './send-xlsx.ts';
import { contentDisposition, displayWidth, xlsxBuffer } from './write-xlsx.ts';

interface Row {
  name: string;
  amountFen: number | null;
  on: string | null;
  at: Date;
}

const columns = [
  { header: '名称', value: (r: Row) => r.name },
  { header: '金额（元）', value: (r: Row) => r.amountFen, kind: 'fen' as const },
  { header: '日期', value: (r: Row) => r.on, kind: 'date' as const },
  { header: '时间', value: (r: Row) => r.at, kind: 'datetime' as const },
];

async function* slowly(rows: Row[]) {
  for (const row of rows) yield row;
}

describe('xlsx export helper', () => {
  it('writes Chinese headers in a styled, frozen header row and typed cells', async () => {
    const rows: Row[] = [
      {
        name: '成都市成华区某某街道办事处',
        amountFen: 119_000_000,
        on: '2026-10-08',
        at: new Date('2026-10-07T17:30:00Z'),
      },
      { name: '空值', amountFen: null, on: null, at: new Date('2026-01-01T00:00:00+08:00') },
    ];
    const buffer = await xlsxBuffer({ sheetName: '检察建议', columns, rows: slowly(rows) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('检察建议')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['名称', '金额（元）', '日期', '时间']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toBe(1_190_000);
    expect(first.getCell(2).numFmt).toBe('#,##0.00');
    expect((first.getCell(3).value as Date).toISOString()).toBe('2026-10-08T00:00:00.000Z');
    // 17:30 UTC is 01:30 the next day in China: written as the wall-clock time there.
    expect((first.getCell(4).value as Date).toISOString()).toBe('2026-10-08T01:30:00.000Z');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    // Widths: the long Chinese name is wider than the header; all within 6..60.
    expect(sheet.getColumn(1).width).toBe(displayWidth(rows[0]!.name) + 2);
    expect(sheet.getColumn(3).width).toBe(12);
    expect(sheet.rowCount).toBe(3);
  });

  it('writes text that looks like a formula with a leading apostrophe, never as a formula', async () => {
    const typed = ['=HYPERLINK("http://evil.example","点此")', '+86 138', '-1+2', '@SUM(A1)', '\t=1'];
    const rows = typed.map((name) => ({ name, amountFen: -500, on: null, at: new Date() }));
    const buffer = await xlsxBuffer({ sheetName: '名单', columns, rows });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    typed.forEach((name, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${name}`);
    });
    // Numbers stay numbers (a negative amount is not text).
    expect(sheet.getRow(2).getCell(2).value).toBe(-5);
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
  });

  it('an empty export still has its header row', async () => {
    const buffer = await xlsxBuffer({ sheetName: 'x', columns, rows: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
  });

  it('names the file in Chinese with an ASCII fallback', () => {
    expect(contentDisposition('案件列表_2026-03-05.xlsx', 'cases_2026-03-05.xlsx')).toBe(
      `attachment; filename="cases_2026-03-05.xlsx"; filename*=UTF-8''%E6%A1%88%E4%BB%B6%E5%88%97%E8%A1%A8_2026-03-05.xlsx`,
    );
    expect(exportFileName('线索列表', new Date('2026-03-04T17:00:00Z'))).toBe('线索列表_2026-03-05.xlsx');
    expect(displayWidth('案号A1')).toBe(6);
  });

  it('refuses beyond the row limit with a Chinese message', () => {
    expect(() => assertExportable(100_000)).not.toThrow();
    try {
      assertExportable(100_001);
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toBe(
        '符合条件的记录共 100,001 条，超过单次导出上限 100,000 条，请缩小筛选范围（部门、日期等）后分批导出',
      );
    }
  });
});
