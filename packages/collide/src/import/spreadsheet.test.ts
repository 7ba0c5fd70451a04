import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, writeXls, writeXlsx } from '../testing/files.ts';
import { zipBombXlsx } from '../testing/zip-bomb.ts';
import { formSheetLimits } from './sheet-limits.ts';
import { readSpreadsheetRows } from './spreadsheet.ts';
import { zipEntries } from './zip-directory.ts';

const dir = tempDir();
const header = ['姓名', '身份证号', '岗位'];
const person = ['张三', '510108198503120012', '体育教师'];

async function xlsxBytes(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Each test may start a worker thread (about a second, more on a busy machine).
describe('the bounded spreadsheet reader', { timeout: 60_000 }, () => {
  it('reads a workbook from memory on a worker, row numbers as Excel shows them', async () => {
    const bytes = await xlsxBytes([header, person, [], ['李四', 42, null]]);
    const rows = await readSpreadsheetRows({ bytes }, { fileName: '名单.xlsx', limits: formSheetLimits });
    expect(rows).toEqual([
      { number: 1, values: header },
      { number: 2, values: person },
      { number: 4, values: ['李四', 42] },
    ]);
  });

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    const bomb = await zipBombXlsx({ inflatedBytes: 200 << 20 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const sheet = zipEntries({ bytes: bomb }).find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize).toBeGreaterThan(190 << 20);
    await expect(readSpreadsheetRows({ bytes: bomb }, { fileName: '新入职.xlsx' })).rejects.toThrow(
      /^文件 新入职\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比异常（\d+ 倍，上限 100 倍，解压后 200 MB），可能是“压缩炸弹”，已拒绝读取$/,
    );
  });

  it('refuses a workbook over the size limit even when it compresses plausibly', async () => {
    const bytes = await xlsxBytes([header, person]);
    await expect(
      readSpreadsheetRows({ bytes }, { fileName: 'a.xlsx', limits: { maxUncompressedBytes: 1000 } }),
    ).rejects.toThrow(/^文件 a\.xlsx 解压后共 0\.0 MB，超过上限 0\.0 MB，已拒绝读取/);
  });

  it('stops a part that inflates beyond what the directory claims', async () => {
    const bomb = await zipBombXlsx({ inflatedBytes: 50 << 20, claimedBytes: 1 << 20 });
    await expect(readSpreadsheetRows({ bytes: bomb }, { fileName: '名单.xlsx' })).rejects.toThrow(
      '文件 名单.xlsx 中的 xl/worksheets/sheet1.xml 解压后比目录所记大小更大，文件已损坏或被篡改，已拒绝读取',
    );
  });

  it('refuses beyond the row limit, naming the row reached', async () => {
    const bytes = await xlsxBytes([header, person, person, person]);
    await expect(
      readSpreadsheetRows({ bytes }, { fileName: '名单.xlsx', limits: { maxRows: 3 } }),
    ).rejects.toThrow('文件 名单.xlsx 超过 3 行的上限（读到第 4 行），请拆分后分别上传');
    expect(await readSpreadsheetRows({ bytes }, { limits: { maxRows: 4 } })).toHaveLength(4);
  });

  it('refuses a row wider than the column limit, naming the row and its width', async () => {
    const wide = Array.from({ length: 300 }, (_, i) => `列${i + 1}`);
    const bytes = await xlsxBytes([header, person, wide]);
    await expect(
      readSpreadsheetRows({ bytes }, { fileName: '名单.xlsx', limits: formSheetLimits }),
    ).rejects.toThrow('文件 名单.xlsx 第 3 行有 300 列，超过 256 列的上限');
  });

  it('applies the row and column limits to an .xls too', async () => {
    const path = writeXls(join(dir, '旧名单.xls'), [header, person, person]);
    await expect(readSpreadsheetRows({ path }, { limits: { maxRows: 2 } })).rejects.toThrow(
      '文件 旧名单.xls 超过 2 行的上限（读到第 3 行）',
    );
    await expect(readSpreadsheetRows({ path }, { limits: { maxColumns: 2 } })).rejects.toThrow(
      '文件 旧名单.xls 第 1 行有 3 列，超过 2 列的上限',
    );
    expect((await readSpreadsheetRows({ path }))[2]).toEqual({ number: 3, values: person });
  });

  it('stops a read that outlasts its time limit', async () => {
    const path = await writeXlsx(join(dir, '名单.xlsx'), [header, person]);
    await expect(readSpreadsheetRows({ path }, { limits: { timeoutMs: -1 } })).rejects.toThrow(
      '读取文件 名单.xlsx 超过 0 秒仍未完成，已停止：请检查文件或拆分后再上传',
    );
    // the next read gets a working reader
    expect(await readSpreadsheetRows({ path })).toHaveLength(2);
  });

  it('refuses bytes that are no workbook, whatever the name says', async () => {
    await expect(
      readSpreadsheetRows({ bytes: Buffer.from('姓名,身份证号\n') }, { fileName: '名单.xlsx' }),
    ).rejects.toThrow('文件 名单.xlsx 不是 Excel 工作簿（.xlsx 或 .xls），文件可能已损坏或被改名');
    const truncated = (await xlsxBytes([header, person])).subarray(0, 200);
    await expect(readSpreadsheetRows({ bytes: truncated }, { fileName: '名单.xlsx' })).rejects.toThrow(
      '文件 名单.xlsx 不是有效的 .xlsx 工作簿（找不到 zip 目录）',
    );
  });

  it('a real workbook of many identical rows stays far below the ratio limit', async () => {
    const bytes = await xlsxBytes([header, ...Array.from({ length: 20_000 }, () => person)]);
    const sheet = zipEntries({ bytes }).find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize / sheet.compressedSize).toBeLessThan(30);
    expect(await readSpreadsheetRows({ bytes }, { limits: formSheetLimits })).toHaveLength(20_001);
  });
});
