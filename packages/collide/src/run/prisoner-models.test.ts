import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idCheckCharacter } from '@procura/domain/clean/id-number';
import { describe, expect, it } from 'vitest';
import { findModel } from '../models/registry.ts';
import { writeHits } from '../output/write-hits.ts';
import { tempDir, utcDate, writeCsv, writeXls, writeXlsx } from '../testing/files.ts';
import type { Hit } from './hit.ts';
import { openRun, runModel } from './run-model.ts';

const dir = tempDir();
// Valid ids (check characters computed by hand with GB 11643 weights).
const zhang = '11010519491231002X';
const li = '510108198001011231'; // 15-digit form 510108800101123
const wang = '510108198505120028';
const zhao = '510104197003030049';
const brief = (hits: Hit[]) =>
  hits.map((h) => ({
    subject: h.subject,
    name: h.name,
    count: h.count,
    amount: h.amount,
    confidence: h.confidence,
  }));

describe('prisoner-subsidy on hand-made files', async () => {
  // Prison spells in an .xlsx under a title row, with real Excel dates and text dates.
  const prisoners = await writeXlsx(join(dir, 'prisoners.xlsx'), [
    ['成华区在押及刑释人员名单（2024年）'],
    ['罪犯姓名', '公民身份号码', '入监日期', '刑满释放日期'],
    ['张三', zhang, utcDate('2019-01-10'), utcDate('2019-06-30')],
    ['张三', zhang, '2022-03-05', '2023/1/20'],
    ['李四', '510108800101123', '2022年1月1日', '20221231'],
    ['王五', `'${wang}`, 45078, null], // Excel serial for 2023-06-01; no release = still in prison
  ]);
  // Payments exported by the civil-affairs system as GBK CSV, every messy form on purpose.
  const payments = writeCsv(
    join(dir, 'payments.csv'),
    [
      ['序号', '身份证号码', '姓名', '发放日期', '发放金额', '救助类型'],
      [1, zhang, '张三', '2022-03-05', '680', '低保'], // admission day: counts
      [2, ' 110105 19491231 002x', '张 三', '2023/1/20', '1,200.50', '低保'], // release day: counts
      [3, zhang, '张三', '2023年1月21日', '680', '低保'], // day after release: no
      [4, zhang, '张三', '20190310', '￥680.00', '临时救助'], // inside the first spell
      [5, zhang, '张三', '2019.07.01', '680', '低保'], // between spells: no
      [6, li, '李四', '44625', '1.2万', '临时救助'], // Excel serial 2022-03-05, inside
      [7, '５１０１０８１９８５０５１２００２８', '王五', '2024-05-01 09:30:00', '680元', '低保'], // still in prison
      [8, wang, '王五', '2023-05-31', '680.00', '低保'], // day before admission: no (GBK has no ¥)
      [9, li, '李四', '2022-02-30', '680', '低保'], // no such date: rejected
      [10, li, '李四', '2022-03-01', '-680', '低保'], // negative: rejected
      [11, li, '李四', '2022-03-01', '', '低保'], // blank amount: rejected
      [12, zhao, '赵六', '2022-03-05', '680', '低保'], // never in prison
      [13, '110105194912310021', '张三', '2022-06-01', '500', '低保'], // wrong check digit: kept, suspected
    ],
    'gbk',
  );
  const result = await runModel({
    spec: findModel('prisoner-subsidy'),
    inputs: { payments: [payments], prisoners: [prisoners] },
  });

  it('writes the same hits to .jsonl as the objects hold, evidence included', async () => {
    const out = join(dir, 'hits.jsonl');
    await writeHits(out, result.hits);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(result.hits)));
    expect(JSON.parse(lines[0]!).evidence.length).toBeGreaterThan(1);
  });

  it('writes the same .jsonl through DuckDB when the run is kept open (what the CLI does)', async () => {
    const run = await openRun({
      spec: findModel('prisoner-subsidy'),
      inputs: { payments: [payments], prisoners: [prisoners] },
    });
    const out = join(dir, 'hits-by-duckdb.jsonl');
    try {
      await run.write(out);
    } finally {
      run.close();
    }
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(result.hits)));
  });

  it('finds exactly the payments made on or between admission and release, over several spells', () => {
    expect(brief(result.hits)).toEqual([
      {
        subject: '110105194912310021',
        name: '张三',
        count: 1,
        amount: 500,
        confidence: { suspected: expect.any(Number) },
      },
      { subject: zhang, name: '张三', count: 3, amount: 2560.5, confidence: 'exact' },
      { subject: li, name: '李四', count: 1, amount: 12000, confidence: 'exact' },
      { subject: wang, name: '王五', count: 1, amount: 680, confidence: 'exact' },
    ]);
    expect(result.totalAmount).toBe(15740.5);
    const suspected = result.hits[0]!.confidence as { suspected: number };
    expect(suspected.suspected).toBeGreaterThan(0.9);
  });

  it('explains each hit in one Chinese sentence', () => {
    expect(result.hits[1]!.explanation).toBe(
      '张三（11010519491231002X）于2019年1月10日至2019年6月30日、2022年3月5日至2023年1月20日服刑期间领取补(救)助金3次，共计2,560.50元。',
    );
    expect(result.hits[3]!.explanation).toBe(
      '王五（510108198505120028）于2023年6月1日至今服刑期间领取补(救)助金1次，共计680.00元。',
    );
  });

  it('gives the evidence rows with file, row number as in Excel, and cleaned values', () => {
    const evidence = result.hits[1]!.evidence;
    expect(evidence.map((e) => `${e.file}:${e.row}`)).toEqual([
      'payments.csv:2',
      'payments.csv:3',
      'payments.csv:5',
      'prisoners.xlsx:3',
      'prisoners.xlsx:4',
    ]);
    expect(evidence[1]!.values).toEqual({
      idNumber: zhang,
      name: '张三',
      paidDate: '2023-01-20',
      amount: 1200.5,
      kind: '低保',
    });
    expect(result.hits[2]!.evidence[1]!.values).toMatchObject({
      idNumber: li,
      admitted: '2022-01-01',
      released: '2022-12-31',
    });
  });

  it('reports every row it could not use', () => {
    expect(result.inputs).toEqual([
      expect.objectContaining({
        role: 'payments',
        rowsRead: 13,
        rowsCleaned: 10,
        rowsRejected: 3,
        rowsFlagged: 1,
      }),
      expect.objectContaining({ role: 'prisoners', rowsRead: 4, rowsCleaned: 4, rowsRejected: 0 }),
    ]);
    expect(result.rejects.map((r) => `${r.row} ${r.column} ${r.kept ? '保留' : '剔除'} ${r.reason}`)).toEqual(
      [
        '10 发放日期 剔除 「2022-02-30」不是可识别的日期',
        '11 发放金额 剔除 金额「-680」为负数',
        '12 发放金额 剔除 金额为空',
        '14 身份证号码 保留 身份证号校验位不正确（应为 X）',
      ],
    );
  });
});

describe('prisoner-subsidy on clean files that DuckDB reads itself', async () => {
  // Another person's valid id with 李四's name, birth date and region: suspected of being 李四.
  const other = (sequence: string) => {
    const first17 = `${li.slice(0, 14)}${sequence}`;
    return first17 + idCheckCharacter(first17);
  };
  const payments = writeCsv(join(dir, 'clean-payments.csv'), [
    ['身份证号', '姓名', '发放日期', '金额'],
    [li, '李四', '2022-03-05', '680'], // exact
    [other('124'), '李四', '2022-04-05', '500'], // suspected
    [other('125'), '王五', '2022-04-05', '300'], // same birth date and region, another name: no
    [other('124'), '李四', '2021-01-01', '200'], // suspected, but before admission: no
    [zhao, '赵六', '2022-03-05', '680'], // never in prison
  ]);
  const prisoners = writeCsv(join(dir, 'clean-prisoners.csv'), [
    ['身份证号', '姓名', '入监日期', '出监日期'],
    [li, '李四', '2022-01-01', '2022-12-31'],
    [li, '李四', '2022-03-01', '2022-06-30'], // entered twice, overlapping: each payment counts once
  ]);
  const result = await runModel({
    spec: findModel('prisoner-subsidy'),
    inputs: { payments: [payments], prisoners: [prisoners] },
  });

  it('finds the exact and the suspected match', () => {
    expect(brief(result.hits)).toEqual([
      { subject: li, name: '李四', count: 1, amount: 680, confidence: 'exact' },
      {
        subject: other('124'),
        name: '李四',
        count: 1,
        amount: 500,
        confidence: { suspected: expect.any(Number) },
      },
    ]);
    expect(result.rejects).toEqual([]);
  });

  it('counts a payment inside two spells once, and gives both spells as evidence', () => {
    expect(result.hits[0]!.evidence.map((e) => `${e.file}:${e.row}`)).toEqual([
      'clean-payments.csv:2',
      'clean-prisoners.csv:2',
      'clean-prisoners.csv:3',
    ]);
    expect(result.totalAmount).toBe(1180);
  });
});

describe('prisoner-pension on hand-made files', async () => {
  const prisoners = writeCsv(
    join(dir, 'pp-prisoners.csv'),
    [
      ['姓名', '身份证号', '收监日期', '释放日期'],
      ['李四', li, '2022-03-05', '2022-08-20'],
      ['王五', wang, '2024-01-15', ''],
    ],
    'utf8bom',
  );
  const pensions = writeCsv(join(dir, 'pp-pensions.csv'), [
    ['社会保障号码', '姓名', '发放年月', '养老金金额'],
    [li, '李四', '2022-03', '3000'], // month of admission: still due
    [li, '李四', '2022年4月', '3000'], // counts
    [li, '李四', '202208', '3000'], // month of release: counts
    [li, '李四', '2022/9', '3000'], // month after release: due again
    [wang, '王五', '2024-02-01', '¥2,500.00'], // full date → month; still in prison
  ]);
  const result = await runModel({
    spec: findModel('prisoner-pension'),
    inputs: { pensions: [pensions], prisoners: [prisoners] },
  });

  it('counts pension months from the month after admission to the month of release', () => {
    expect(brief(result.hits)).toEqual([
      { subject: li, name: '李四', count: 2, amount: 6000, confidence: 'exact' },
      { subject: wang, name: '王五', count: 1, amount: 2500, confidence: 'exact' },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '李四（510108198001011231）于2022年3月5日至2022年8月20日服刑，期间领取2022年4月至2022年8月养老金2笔，共计6,000.00元。',
    );
  });
});

describe('prisoner-subsidy with the kind of each spell', async () => {
  // Assistance paid to someone living at home under 缓刑 or 管制 is not a hit; in prison it is.
  const prisoners = writeCsv(join(dir, 'ps-kinds.csv'), [
    ['罪犯姓名', '身份证号码', '入监日期', '出监日期', '执行方式'],
    ['张三', zhang, '2022-01-01', '2022-12-31', '有期徒刑'],
    ['李四', li, '2022-01-01', '2023-12-31', '宣告缓刑'],
    ['王五', wang, '2022-01-01', '2022-06-30', '管制'],
    ['王五', wang, '2023-01-01', '2023-06-30', ''], // blank: taken as held
  ]);
  const payments = writeCsv(join(dir, 'ps-kinds-payments.csv'), [
    ['身份证号码', '姓名', '发放日期', '发放金额'],
    [zhang, '张三', '2022-05-05', '680'], // in prison: counts
    [li, '李四', '2022-05-05', '680'], // 缓刑: due
    [wang, '王五', '2022-05-05', '680'], // 管制: due
    [wang, '王五', '2023-05-05', '700'], // blank kind: counts
  ]);
  const result = await runModel({
    spec: findModel('prisoner-subsidy'),
    inputs: { payments: [payments], prisoners: [prisoners] },
  });

  it('counts only payments made while the person was held', () => {
    expect(brief(result.hits)).toEqual([
      { subject: zhang, name: '张三', count: 1, amount: 680, confidence: 'exact' },
      { subject: wang, name: '王五', count: 1, amount: 700, confidence: 'exact' },
    ]);
  });
});

describe('prisoner-pension with the kind of each spell', async () => {
  // Pension stops while held (prison, 看守所, 拘役) and continues under 管制, 缓刑, 监外执行, 假释.
  const prisoners = writeCsv(join(dir, 'pp-kinds.csv'), [
    ['罪犯姓名', '身份证号码', '入监日期', '出监日期', '刑罚执行方式'],
    ['张三', zhang, '2019-01-10', '2019-06-30', '有期徒刑'],
    ['张三', zhang, '2020-05-01', '2020-12-31', '暂予监外执行（保外就医）'],
    ['李四', li, '2021-01-10', '2023-01-09', '有期徒刑，宣告缓刑'],
    ['王五', wang, '2022-03-01', '2022-05-31', '拘役'],
    ['王五', wang, '2023-01-01', '2023-12-31', '管制'],
    ['赵六', zhao, '2022-01-01', '2022-12-31', '假释'],
    ['赵六', zhao, '2021-01-01', '2021-06-30', ''], // blank: taken as held
  ]);
  const pensions = writeCsv(join(dir, 'pp-kinds-pensions.csv'), [
    ['社会保障号码', '姓名', '发放年月', '养老金金额'],
    [zhang, '张三', '2019-03', '3000'], // in prison: counts
    [zhang, '张三', '2020-07', '3000'], // 暂予监外执行: due
    [li, '李四', '2021-06', '2800'], // 缓刑: due
    [wang, '王五', '2022-04', '2500'], // 拘役: counts
    [wang, '王五', '2022-05', '2500'], // 拘役, month of release: counts
    [wang, '王五', '2023-06', '2500'], // 管制: due
    [zhao, '赵六', '2022-06', '2600'], // 假释: due
    [zhao, '赵六', '2021-03', '2600'], // blank kind: counts
  ]);
  const result = await runModel({
    spec: findModel('prisoner-pension'),
    inputs: { pensions: [pensions], prisoners: [prisoners] },
  });

  it('counts only months held in custody, not months of a community sentence', () => {
    expect(brief(result.hits)).toEqual([
      { subject: zhang, name: '张三', count: 1, amount: 3000, confidence: 'exact' },
      { subject: zhao, name: '赵六', count: 1, amount: 2600, confidence: 'exact' },
      { subject: wang, name: '王五', count: 2, amount: 5000, confidence: 'exact' },
    ]);
    // the evidence is the spell in prison only, not the later 暂予监外执行
    expect(result.hits[0]!.evidence.filter((e) => e.role === 'prisoners')).toEqual([
      {
        role: 'prisoners',
        file: 'pp-kinds.csv',
        row: 2,
        values: {
          idNumber: zhang,
          name: '张三',
          admitted: '2019-01-10',
          released: '2019-06-30',
          custody: '有期徒刑',
        },
      },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '张三（11010519491231002X）于2019年1月10日至2019年6月30日服刑，期间领取2019年3月至2019年3月养老金1笔，共计3,000.00元。',
    );
  });
});

describe('deceased-pension on hand-made files', async () => {
  const deaths = writeCsv(
    join(dir, 'deaths.csv'),
    [
      ['姓名', '公民身份号码', '死亡日期'],
      ['陈七', zhao, '2022-03-15'],
      ['周八', wang, '2022/12/31'],
    ],
    'utf8bom',
  );
  const pensions = writeXls(join(dir, 'pensions.xls'), [
    ['社会保障号码', '姓名', '待遇所属期', '养老金金额（元）'],
    [zhao, '陈七', '2022-02', 3000], // before death
    [zhao, '陈七', '2022年3月', 3000], // month of death: still due
    [zhao, '陈七', '202204', 3000], // counts
    [zhao, '陈七', '2022/5', '3,000.00'], // counts
    [zhao, '陈七', 44713, 3000], // Excel serial 2022-06-01 → 2022-06: counts
    [wang, '周 八', '2022-12', 2800], // month of death
    [wang, '周八', '2023-01', 2800], // month after: counts
    [wang, '周八', '2022年13月', 2800], // rejected
  ]);
  const result = await runModel({
    spec: findModel('deceased-pension'),
    inputs: { pensions: [pensions], deaths: [deaths] },
  });

  it('counts pensions for months after the month of death, not the month itself', () => {
    expect(brief(result.hits)).toEqual([
      { subject: zhao, name: '陈七', count: 3, amount: 9000, confidence: 'exact' },
      { subject: wang, name: '周八', count: 1, amount: 2800, confidence: 'exact' },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '陈七（510104197003030049）已于2022年3月15日死亡，其后2022年4月至2022年6月仍发放养老金3笔，共计9,000.00元。',
    );
    expect(result.rejects).toEqual([
      expect.objectContaining({
        file: 'pensions.xls',
        row: 9,
        column: '待遇所属期',
        reason: '「2022年13月」不是可识别的月份',
      }),
    ]);
  });
});

describe('a run without hits', () => {
  it('writes an empty .jsonl and a summary of nothing', async () => {
    const payments = writeCsv(join(dir, 'none-payments.csv'), [
      ['身份证号', '姓名', '发放日期', '金额'],
      [zhao, '赵六', '2022-03-05', '680'],
    ]);
    const prisoners = writeCsv(join(dir, 'none-prisoners.csv'), [
      ['身份证号', '姓名', '入监日期', '出监日期'],
      [wang, '王五', '2020-01-01', '2020-12-31'],
    ]);
    const run = await openRun({
      spec: findModel('prisoner-subsidy'),
      inputs: { payments: [payments], prisoners: [prisoners] },
    });
    const out = join(dir, 'none.jsonl');
    try {
      expect(run.hits).toEqual([]);
      expect(run.totalAmount).toBe(0);
      await run.write(out);
    } finally {
      run.close();
    }
    expect(readFileSync(out, 'utf8')).toBe('');
  });
});
