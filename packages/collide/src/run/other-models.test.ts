import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModel } from '../models/registry.ts';
import { tempDir, writeCsv, writeXlsx } from '../testing/files.ts';
import type { Hit } from './hit.ts';
import { runModel } from './run-model.ts';

const dir = tempDir();
const ids = {
  a: '510106196511200057',
  b: '510105199007080065',
  c: '510107197512310072',
  d: '510112198810100087',
};
const brief = (hits: Hit[]) =>
  hits.map((h) => ({ subject: h.subject, name: h.name, count: h.count, amount: h.amount }));

describe('banned-driver (checked on 2024-06-30)', async () => {
  const licences = writeCsv(
    join(dir, 'licences.csv'),
    [
      ['姓名', '身份证号', '驾驶证状态'],
      ['甲', ids.a, '正常'],
      ['乙', ids.b, '注销'],
      ['丙', ids.c, ''],
      ['丁', ids.d, '正常'],
    ],
    'gbk',
  );
  const records = await writeXlsx(join(dir, 'records.xlsx'), [
    ['姓名', '证件号码', '记录类别', '决定日期', '截止日期'],
    ['甲', ids.a, '吸毒成瘾未戒断', '2023-01-01', ''], // not ended: hit
    ['乙', ids.b, '交通肇事逃逸终生禁驾', '2020-01-01', ''], // licence already cancelled: no
    ['丙', ids.c, '醉酒驾驶吊销', '2020-05-01', '2025-05-01'], // within five years: hit
    ['丁', ids.d, '醉酒驾驶吊销', '2018-01-01', '2023-01-01'], // ended: no
  ]);
  const result = await runModel({
    spec: findModel('banned-driver'),
    inputs: { licences: [licences], records: [records] },
    asOf: '2024-06-30',
  });
  it('finds licence holders with a ban in force', () => {
    expect(brief(result.hits)).toEqual([
      { subject: ids.a, name: '甲', count: 1, amount: null },
      { subject: ids.c, name: '丙', count: 1, amount: null },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '甲（510106196511200057）持有驾驶证，但有尚在期内的禁驾记录：吸毒成瘾未戒断（2023年1月1日至未结束）。',
    );
  });
});

describe('as-of date', () => {
  it('accepts any date form and refuses what is not a date', async () => {
    await expect(
      runModel({
        spec: findModel('food-blacklist'),
        inputs: { holders: ['a.csv'], blacklist: ['b.csv'] },
        asOf: '2024年13月1日',
      }),
    ).rejects.toThrow('核查日「2024年13月1日」不是可识别的日期');
  });
});

describe('stolen-vehicle', async () => {
  const stolen = writeCsv(join(dir, 'stolen.csv'), [
    ['案件编号', '失主姓名', '车架号', '电机号'],
    ['成公刑〔2023〕101号', '甲', 'lsvaa4180e2 123456', ''],
    ['成公刑〔2023〕102号', '乙', '', 'DM-123456'],
    ['成公刑〔2023〕103号', '丙', 'X0001', 'M0001'],
    ['成公刑〔2023〕104号', '丁', 'NOTFOUND', ''],
  ]);
  const seized = writeCsv(
    join(dir, 'seized.csv'),
    [
      ['车辆识别代号', '发动机号', '登记日期', '发还日期'],
      ['LSVAA4180E2123456', '', '2023-05-01', ''], // by frame, not returned: hit
      ['', 'dm123456', '2023-05-02', '2023-06-01'], // by motor, returned: no
      ['x0001', 'M0001', '2023-07-01', ''], // by both keys: one hit, not two
    ],
    'utf8bom',
  );
  const result = await runModel({
    spec: findModel('stolen-vehicle'),
    inputs: { stolen: [stolen], seized: [seized] },
  });
  it('finds seized stolen vehicles not yet returned, by frame or motor number', () => {
    expect(brief(result.hits)).toEqual([
      { subject: 'LSVAA4180E2123456', name: '甲', count: 1, amount: null },
      { subject: 'X0001', name: '丙', count: 1, amount: null },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '被盗车辆LSVAA4180E2123456（案号成公刑〔2023〕101号，失主甲）已于2023年5月1日查扣或追回，至今未发还。',
    );
  });
});

describe('child-sector-employment', async () => {
  const staff = writeCsv(join(dir, 'staff.csv'), [
    ['姓名', '身份证号', '工作单位'],
    ['甲', ids.a, '成华区某幼儿园'],
    ['乙', ids.b, '某培训学校'],
    ['丙', ids.c, '某小学'],
  ]);
  const records = writeCsv(
    join(dir, 'crimes.csv'),
    [
      ['姓名', '身份证号', '罪名', '判决日期'],
      ['甲', ids.a, '强制猥亵罪', '2015-04-01'], // hit
      ['乙', ids.b, '盗窃罪', '2018-01-01'], // not a disqualifying offence
    ],
    'gbk',
  );
  const result = await runModel({
    spec: findModel('child-sector-employment'),
    inputs: { staff: [staff], records: [records] },
  });
  it('finds staff with sexual, abuse, trafficking or violent offences only', () => {
    expect(brief(result.hits)).toEqual([{ subject: ids.a, name: '甲', count: 1, amount: null }]);
    expect(result.hits[0]!.explanation).toBe(
      '甲（510106196511200057）在成华区某幼儿园工作，有强制猥亵罪记录（2015年4月1日）。',
    );
  });
});

describe('loan-interest-tax', async () => {
  const judgments = writeCsv(join(dir, 'judgments.csv'), [
    ['出借人姓名', '出借人身份证号', '案号', '判决利息（元）'],
    ['甲', ids.a, '(2023)川0108民初1号', '5,000'], // no tax at all: hit
    ['乙', ids.b, '(2023)川0108民初2号', '8000'], // paid interest tax: no
    ['丙', ids.c, '(2023)川0108民初3号', '0'], // no interest: no
    ['丁', ids.d, '(2023)川0108民初4号', '3000'], // only wage tax: hit
  ]);
  const taxes = writeCsv(join(dir, 'taxes.csv'), [
    ['姓名', '身份证号', '所得项目'],
    ['乙', ids.b, '利息、股息、红利所得'],
    ['丁', ids.d, '工资、薪金所得'],
  ]);
  const result = await runModel({
    spec: findModel('loan-interest-tax'),
    inputs: { judgments: [judgments], taxes: [taxes] },
  });
  it('finds lenders awarded interest with no interest-income tax record', () => {
    expect(brief(result.hits)).toEqual([
      { subject: ids.a, name: '甲', count: 1, amount: 5000 },
      { subject: ids.d, name: '丁', count: 1, amount: 3000 },
    ]);
    expect(result.hits[0]!.explanation).toBe(
      '甲（510106196511200057）经判决（(2023)川0108民初1号）获得利息5,000.00元，未见利息所得纳税记录。',
    );
    expect(result.hits[0]!.evidence).toEqual([
      expect.objectContaining({ role: 'judgments', file: 'judgments.csv', row: 2 }),
    ]);
  });
});

describe('food-blacklist (checked on 2024-06-30)', async () => {
  const holders = writeCsv(join(dir, 'holders.csv'), [
    ['姓名', '身份证号', '企业名称'],
    ['甲', ids.a, '某餐饮店'],
    ['乙', ids.b, '某食品厂'],
  ]);
  const blacklist = writeCsv(join(dir, 'blacklist.csv'), [
    ['姓名', '身份证号', '开始日期', '结束日期'],
    ['甲', ids.a, '2021-01-01', ''], // lifetime ban
    ['乙', ids.b, '2015-01-01', '2020-01-01'], // ended
  ]);
  const result = await runModel({
    spec: findModel('food-blacklist'),
    inputs: { holders: [holders], blacklist: [blacklist] },
    asOf: '2024-06-30',
  });
  it('finds holders within a ban', () => {
    expect(brief(result.hits)).toEqual([{ subject: ids.a, name: '甲', count: 1, amount: null }]);
    expect(result.hits[0]!.explanation).toBe(
      '甲（510106196511200057）在某餐饮店从事食品经营或管理，但处于从业禁止期（2021年1月1日至终身）。',
    );
  });
});

describe('unusable input', () => {
  it('names a missing input and an unknown role', async () => {
    await expect(
      runModel({ spec: findModel('food-blacklist'), inputs: { holders: ['x.csv'] }, asOf: '2024-06-30' }),
    ).rejects.toThrow('缺少输入 blacklist（食品安全从业禁止名单）：请用 --input blacklist=文件 提供');
    await expect(
      runModel({
        spec: findModel('food-blacklist'),
        inputs: { holders: ['x.csv'], blacklist: ['y.csv'], cats: ['z.csv'] },
        asOf: '2024-06-30',
      }),
    ).rejects.toThrow('模型 food-blacklist 没有名为 cats 的输入');
  });
});

describe('a user-written spec', () => {
  const spec = {
    id: 'large-subsidy-after-death',
    name: '死亡后领取大额补助',
    inputs: [
      { role: 'payments', label: '发放名单', columns: { idNumber: {}, name: {}, paidDate: {}, amount: {} } },
      { role: 'deaths', label: '死亡名单', columns: { idNumber: {}, deathDate: {} } },
    ],
    subject: { facts: 'payments', against: 'deaths' },
    conditions: [
      { kind: 'compare', left: 'payments.paidDate', op: '>', right: 'deaths.deathDate' },
      { kind: 'compare', left: 'payments.amount', op: '>=', right: { number: 1000 } },
    ],
    aggregate: { amount: 'payments.amount' },
    explanation:
      '{name}（{idNumber}）死亡（{deaths.deathDate}）后领取大额补助 {count} 笔，最早 {payments.paidDate|min}，共 {amount} 元。',
  };
  const payments = writeCsv(join(dir, 'user-payments.csv'), [
    ['身份证号', '姓名', '发放日期', '金额'],
    [ids.a, '甲', '2023-01-01', '999.99'], // under the threshold
    [ids.a, '甲', '2023-02-01', '1000'], // counts
    [ids.a, '甲', '2022-12-31', '5000'], // on the day of death: not after
  ]);
  const deaths = writeCsv(join(dir, 'user-deaths.csv'), [
    ['身份证号', '死亡日期'],
    [ids.a, '2022-12-31'],
  ]);

  it('runs like a built-in model', async () => {
    const result = await runModel({ spec, inputs: { payments: [payments], deaths: [deaths] } });
    expect(brief(result.hits)).toEqual([{ subject: ids.a, name: '甲', count: 1, amount: 1000 }]);
    expect(result.hits[0]!.explanation).toBe(
      '甲（510106196511200057）死亡（2022年12月31日）后领取大额补助1笔，最早2023年2月1日，共1,000.00元。',
    );
  });

  it('is refused with the path of the bad field', async () => {
    const bad = { ...spec, conditions: [{ ...spec.conditions[0], right: 'deaths.released' }] };
    await expect(runModel({ spec: bad, inputs: { payments: [payments], deaths: [deaths] } })).rejects.toThrow(
      '模型定义有误：conditions.0.right：输入 deaths 没有列 released',
    );
  });
});
