import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollideError } from '../errors.ts';
import { findModel } from '../models/registry.ts';
import type { TModelSpec } from '../models/spec.ts';
import type { Hit } from '../run/hit.ts';
import { runModel } from '../run/run-model.ts';
import { tempDir, writeCsv } from '../testing/files.ts';
import { exportSnapshot } from './export-snapshot.ts';
import { runOnSnapshots, type SnapshotProgress } from './run-snapshots.ts';

const dir = tempDir('collide-snapshots-');
const ids = { a: '510106196511200057', b: '510105199007080065', c: '510107197512310072' };
const spec = findModel('banned-driver')!;
const inputOf = (model: TModelSpec, role: string) => model.inputs.find((input) => input.role === role)!;
/** Plain objects (hits may be class instances), evidence naming only the file whichever way the run got it. */
const comparable = (hits: Hit[]) =>
  hits.map((hit) => ({
    subject: hit.subject,
    idNumber: hit.idNumber,
    name: hit.name,
    count: hit.count,
    amount: hit.amount,
    confidence: hit.confidence,
    explanation: hit.explanation,
    evidence: hit.evidence.map((row) => ({ ...row, file: basename(row.file) })),
  }));

const licences = writeCsv(join(dir, 'licences.csv'), [
  ['姓名', '身份证号', '驾驶证状态'],
  ['甲', ids.a, '正常'],
  ['乙', ids.b, '注销'],
  ['丙', ids.c, '正常'],
  ['丁', '不是身份证号', '正常'],
]);
const records = writeCsv(
  join(dir, 'records.csv'),
  [
    ['姓名', '证件号码', '记录类别', '决定日期', '截止日期'],
    ['甲', ids.a, '吸毒成瘾未戒断', '2023-01-01', ''],
    ['乙', ids.b, '交通肇事逃逸终生禁驾', '2020-01-01', ''],
    ['丙', ids.c, '醉酒驾驶吊销', '2020-05-01', '2025-05-01'],
  ],
  'gbk',
);

describe('exportSnapshot', () => {
  it('cleans a CSV into Parquet and counts what it kept and refused', async () => {
    const exported = await exportSnapshot({
      file: licences,
      input: inputOf(spec, 'licences'),
      target: join(dir, 'licences.parquet'),
    });
    expect(exported.stats).toMatchObject({ role: 'licences', rowsRead: 4, rowsCleaned: 3, rowsRejected: 1 });
    expect(exported.rejects).toHaveLength(1);
    expect(exported.rejects[0]).toMatchObject({ row: 5, value: '不是身份证号' });
  });

  it('says which file it cannot read, as a CollideError', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a workbook');
    const error = await exportSnapshot({
      file: broken,
      input: inputOf(spec, 'licences'),
      target: join(dir, 'broken.parquet'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollideError);
    expect((error as CollideError).message).toContain('broken.xlsx');
  });
});

describe('runOnSnapshots', () => {
  it('finds what runModel finds on the same files, evidence naming the uploaded files', async () => {
    for (const [role, file] of [
      ['licences', licences],
      ['records', records],
    ] as const) {
      await exportSnapshot({ file, input: inputOf(spec, role), target: join(dir, `${role}.parquet`) });
    }
    const progress: SnapshotProgress[] = [];
    const result = await runOnSnapshots({
      spec,
      inputs: [
        { role: 'records', path: join(dir, 'records.parquet'), fileName: 'records.csv' },
        { role: 'licences', path: join(dir, 'licences.parquet'), fileName: 'licences.csv' },
      ],
      asOf: '2024-06-30',
      onProgress: (step) => progress.push(step),
    });
    const direct = await runModel({
      spec,
      inputs: { licences: [licences], records: [records] },
      asOf: '2024-06-30',
    });
    expect(result.hits.map((hit) => hit.subject)).toEqual([ids.a, ids.c]);
    expect(comparable(result.hits)).toEqual(comparable(direct.hits));
    expect(result.hits[0]!.evidence.map((row) => row.file)).toEqual(['licences.csv', 'records.csv']);
    expect(result.totalAmount).toBe(direct.totalAmount);
    expect(progress).toEqual([
      { stage: 'import', done: 0, of: 2 },
      { stage: 'import', done: 1, of: 2 },
      { stage: 'match' },
      { stage: 'explain' },
    ]);
  });

  it('refuses a snapshot made before the model needed a column', async () => {
    const full = inputOf(spec, 'records');
    const narrow = { ...full, columns: { idNumber: full.columns.idNumber } };
    await exportSnapshot({ file: records, input: narrow, target: join(dir, 'narrow.parquet') });
    const error = await runOnSnapshots({
      spec,
      inputs: [
        { role: 'licences', path: join(dir, 'licences.parquet'), fileName: 'licences.csv' },
        { role: 'records', path: join(dir, 'narrow.parquet'), fileName: '旧名单.csv' },
      ],
      asOf: '2024-06-30',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollideError);
    expect((error as Error).message).toMatch(
      /^数据集「旧名单\.csv」导入时没有「.+」列（模型后来才需要），请重新上传该文件$/,
    );
  });

  it('names a missing input', async () => {
    await expect(runOnSnapshots({ spec, inputs: [], asOf: '2024-06-30' })).rejects.toThrow(
      '缺少输入 licences（',
    );
  });
});
