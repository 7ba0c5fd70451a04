import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { findModel } from '../models/registry.ts';
import { tempDir, utcDate, writeCsv, writeXls, writeXlsx } from '../testing/files.ts';
import { loadInput, type Reject } from './load-input.ts';
import { csvEncoding } from './read-csv.ts';
import { readTable } from './read-table.ts';

const dir = tempDir();
const rows = [
  ['身份证号', '姓名', '发放日期', '金额'],
  ['510108198001011231', '李 四', '2022/3/5', '￥680.00'],
  ['阿卜杜·热合曼', '"引号"', '2022年3月5日', '1,200.50'],
];

async function readAll(path: string, sheet?: string) {
  const all: unknown[][] = [];
  const numbers: number[] = [];
  for await (const batch of await readTable(path, { sheet })) {
    all.push(...batch.rows);
    numbers.push(...batch.rowNumbers);
  }
  return { all, numbers };
}

describe('reading files', () => {
  it.each(['utf8', 'utf8bom', 'gbk'] as const)('reads a %s CSV with the same text', async (encoding) => {
    const path = writeCsv(join(dir, `${encoding}.csv`), rows, encoding);
    expect((await csvEncoding(path)).encoding).toBe(encoding === 'gbk' ? 'gb18030' : 'utf8');
    const { all, numbers } = await readAll(path);
    expect(all).toEqual(rows);
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('reads the first sheet of an .xlsx, or a named one, with dates as Dates', async () => {
    const path = await writeXlsx(
      join(dir, 'a.xlsx'),
      [rows[0]!, ['510108198001011231', '李四', utcDate('2022-03-05'), 680]],
      '发放',
      ['说明'],
    );
    expect((await readAll(path)).all).toEqual([['无关的表']]);
    const named = await readAll(path, '发放');
    expect(named.all[1]).toEqual(['510108198001011231', '李四', utcDate('2022-03-05'), 680]);
    expect(named.numbers).toEqual([1, 2]);
    await expect(readAll(path, '不存在')).rejects.toThrow('没有名为「不存在」的工作表（有：说明、发放）');
  });

  it('reads an .xls (Excel 97–2003)', async () => {
    const path = writeXls(join(dir, 'a.xls'), [rows[0]!, ['510108198001011231', '李四', 44625, 680]]);
    const { all, numbers } = await readAll(path);
    expect(all[1]).toEqual(['510108198001011231', '李四', 44625, 680]);
    expect(numbers).toEqual([1, 2]);
  });

  it('names a missing file and an unsupported type in Chinese', async () => {
    await expect(readTable(join(dir, 'none.csv'))).rejects.toThrow('找不到文件');
    writeCsv(join(dir, 'a.txt.pdf'), rows);
    await expect(readTable(join(dir, 'a.txt.pdf'))).rejects.toThrow('不支持的文件类型 .pdf');
  });
});

describe('loading an input', () => {
  const input = findModel('prisoner-subsidy')!.inputs[0]!;
  const load = async (
    path: string,
    options: { overrides?: Record<string, string>; workers?: number } = {},
  ) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rejects: Reject[] = [];
    const stats = await loadInput({
      connection,
      input,
      files: [path],
      sources: [],
      nextId: { value: 1 },
      rejects,
      ...options,
    });
    const table = (
      await connection.runAndReadAll(
        'SELECT _row, "idNumber", "name", strftime("paidDate", \'%Y-%m-%d\') AS d, "amount"::INTEGER AS fen FROM payments ORDER BY _row',
      )
    ).getRowObjects();
    connection.closeSync();
    instance.closeSync();
    return { stats, rejects, table };
  };

  it('finds the header under a title row, cleans, and reports each bad row with its Excel row number', async () => {
    const path = writeCsv(join(dir, 'title.csv'), [
      ['2022年度补助金发放名单', '', '', ''],
      ['公民身份号码', '人员姓名', '支付日期', '发放金额（元）'],
      ["'510108800101123", ' 李 四 ', '20220305', '1.2万'],
      ['', '', '', ''],
      ['510108198001011231', '李四', '2022-02-30', '680'],
      ['51010819800101123X', '李四', '2022-03-06', '-5'],
      ['510108198001011232', '李四', '2022-03-07', '680元'],
    ]);
    const { stats, rejects, table } = await load(path);
    expect(stats).toMatchObject({ rowsRead: 4, rowsCleaned: 2, rowsRejected: 2, rowsFlagged: 1 });
    expect(table).toEqual([
      { _row: 3, idNumber: '510108198001011231', name: '李四', d: '2022-03-05', fen: 1200000 },
      { _row: 7, idNumber: '510108198001011232', name: '李四', d: '2022-03-07', fen: 68000 },
    ]);
    expect(rejects).toEqual([
      expect.objectContaining({ row: 5, column: '支付日期', value: '2022-02-30', kept: false }),
      expect.objectContaining({
        row: 6,
        column: '公民身份号码',
        reason: '身份证号校验位不正确（应为 1）',
        kept: true,
      }),
      expect.objectContaining({ row: 6, column: '发放金额（元）', reason: '金额「-5」为负数', kept: false }),
      expect.objectContaining({
        row: 7,
        column: '公民身份号码',
        reason: '身份证号校验位不正确（应为 1）',
        kept: true,
      }),
    ]);
  });

  it('refuses a file without a required column, naming the file and the headers found', async () => {
    const path = writeCsv(join(dir, 'nodate.csv'), [
      ['身份证号', '姓名', '金额'],
      ['510108198001011231', '李四', '1'],
    ]);
    await expect(load(path)).rejects.toThrow(
      '文件 nodate.csv（补(救)助金发放名单）缺少必需的列：发放日期（paidDate）。找到的表头：身份证号、姓名、金额',
    );
  });

  it('takes --map overrides before any guess', async () => {
    const path = writeCsv(join(dir, 'map.csv'), [
      ['证件', '姓名', '日期A', '日期B', '金额'],
      ['510108198001011231', '李四', '2022-01-01', '2022-03-05', '1'],
    ]);
    const { table } = await load(path, { overrides: { idNumber: '证件', paidDate: '日期B' } });
    expect(table[0]).toMatchObject({ idNumber: '510108198001011231', d: '2022-03-05' });
  });

  it('cleans the same on one or two worker threads as in this one, with the same row numbers', {
    timeout: 30_000,
  }, async () => {
    const path = writeCsv(
      join(dir, 'worker.csv'),
      [
        rows[0]!,
        ['510108198001011231', '李四', '2022-01-01', '"多行\n金额"'],
        ...Array.from({ length: 3000 }, (_, i) => [
          '510108198001011231',
          '李四',
          `2022-01-${(i % 28) + 1}`,
          String(i),
        ]),
        ['bad', '李四', '2022-01-01', '1'],
      ],
      'gbk',
    );
    const inline = await load(path, { workers: 0 });
    for (const workers of [1, 2]) {
      const threaded = await load(path, { workers });
      expect(threaded.table).toEqual(inline.table);
      expect(threaded.rejects).toEqual(inline.rejects);
      expect(threaded.stats).toEqual(inline.stats);
    }
    expect(inline.stats.rowsCleaned).toBe(3000);
    // header row 1; the two-line record is row 2 as Excel shows it; 3,000 rows 3–3002; the bad id row 3003
    expect(inline.rejects.map((r) => r.row)).toEqual([2, 3003]);
  });

  it('cleans an .xlsx the same on its reader worker as on a cleaning worker (heap-capped)', async () => {
    const path = await writeXlsx(join(dir, 'worker.xlsx'), [
      rows[0]!,
      ...Array.from({ length: 500 }, (_, i) => ['510108198001011231', '李四', utcDate('2022-03-05'), i]),
      ['bad', '李四', utcDate('2022-03-05'), 1],
    ]);
    const inline = await load(path, { workers: 0 });
    const threaded = await load(path, { workers: 1 });
    expect(threaded.table).toEqual(inline.table);
    expect(threaded.rejects).toEqual(inline.rejects);
    expect(inline.stats.rowsCleaned).toBe(500);
    expect(inline.rejects.map((r) => r.row)).toEqual([502]);
  });
});
