import type { DuckDBConnection } from '@duckdb/node-api';
import { CollideError } from '../errors.ts';
import { type ColumnKey, canonicalColumns } from '../import/columns.ts';
import { createPeopleView } from '../import/people.ts';
import { createInputTable, quoteIdentifier as q, quoteLiteral } from '../import/table.ts';
import { compile } from '../models/compile.ts';
import type { TInput, TModelSpec } from '../models/spec.ts';
import { findHits } from '../run/find-hits.ts';
import type { Hit } from '../run/hit.ts';

export interface SnapshotInput {
  role: string;
  /** absolute path of the Parquet snapshot (see exportSnapshot) */
  path: string;
  /** the uploaded file's name: evidence rows name it */
  fileName: string;
}

export type SnapshotProgress = { stage: 'import'; done: number; of: number } | { stage: 'match' | 'explain' };

export interface RunOnSnapshotsOptions {
  spec: TModelSpec;
  inputs: SnapshotInput[];
  /** the day the check is made (models with a date "as of"): the run's own day, so a re-run agrees */
  asOf: string;
  onProgress?: (progress: SnapshotProgress) => void;
}

/**
 * Runs a model on cleaned snapshots: the same compiled SQL, evidence and explanations as
 * `runModel` on files, without cleaning the files again. Row ids are renumbered so they stay
 * unique across inputs, and each snapshot's rows point at its own file name.
 */
export async function runOnSnapshots(
  options: RunOnSnapshotsOptions,
): Promise<{ hits: Hit[]; totalAmount: number }> {
  const compiled = compile(options.spec, { asOf: options.asOf });
  if (compiled.errors.length > 0 || !compiled.spec) {
    throw new CollideError('badSpec', `模型定义有误：${compiled.errors.map((e) => e.message).join('；')}`);
  }
  const spec = compiled.spec;
  // Loaded here, not with the engine: the native module costs a second on a busy machine.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const sources: string[] = [];
    let offset = 0;
    for (const [index, input] of spec.inputs.entries()) {
      options.onProgress?.({ stage: 'import', done: index, of: spec.inputs.length });
      const snapshot = options.inputs.find((candidate) => candidate.role === input.role);
      if (!snapshot) throw new CollideError('missingInput', `缺少输入 ${input.role}（${input.label}）`);
      const source = sources.push(snapshot.fileName) - 1;
      await createInputTable(connection, input);
      const parquet = `read_parquet(${quoteLiteral(snapshot.path)})`;
      const present = new Set(
        (await connection.runAndReadAll(`SELECT name FROM parquet_schema(${quoteLiteral(snapshot.path)})`))
          .getRows()
          .map((row) => String(row[0])),
      );
      const keys = Object.keys(input.columns) as ColumnKey[];
      await assertColumns(connection, { input, keys, present, parquet, fileName: snapshot.fileName });
      const columns = keys.map((key) => (present.has(key) ? q(key) : `NULL AS ${q(key)}`)).join(', ');
      // A kind serves several models; rows this model would have refused for a blank cell are left out here.
      const strict = keys.filter((key) => input.columns[key]!.blank === 'reject' && present.has(key));
      const where = strict.length
        ? `WHERE ${strict.map((key) => `${q(key)} IS NOT NULL`).join(' AND ')}`
        : '';
      await connection.run(
        `INSERT INTO ${q(input.role)} SELECT _id + ${offset}, ${source}, _row, ${columns} FROM ${parquet} ${where}`,
      );
      await createPeopleView(connection, { input, table: q(input.role) });
      const counted = await connection.runAndReadAll(
        `SELECT coalesce(max(_id), 0)::BIGINT FROM ${q(input.role)}`,
      );
      offset = Number(counted.getRows()[0]![0]);
    }
    const found = await findHits(connection, {
      spec,
      sql: compiled.sql,
      setup: compiled.setup,
      sources,
      onProgress: (progress) => {
        if (progress.stage === 'match' || progress.stage === 'explain')
          options.onProgress?.({ stage: progress.stage });
      },
    });
    return { hits: await found.withEvidence(), totalAmount: found.totalAmount };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A column the model needs but the snapshot never had (exported before the model read it) or
 * holds no value in (the file lacked that header while another model did not need it).
 */
async function assertColumns(
  connection: DuckDBConnection,
  options: { input: TInput; keys: ColumnKey[]; present: Set<string>; parquet: string; fileName: string },
): Promise<void> {
  const required = options.keys.filter((key) => !options.input.columns[key]!.optional);
  for (const key of required) {
    const label = canonicalColumns[key].label;
    if (!options.present.has(key)) {
      throw new CollideError(
        'missingColumn',
        `数据集「${options.fileName}」导入时没有「${label}」列（模型后来才需要），请重新上传该文件`,
      );
    }
    if (options.input.columns[key]!.blank !== 'reject') continue;
    const counted = await connection.runAndReadAll(
      `SELECT count(${q(key)})::BIGINT, count(*)::BIGINT FROM ${options.parquet}`,
    );
    const [values, rows] = counted.getRows()[0]!.map(Number);
    if (rows! > 0 && values === 0) {
      throw new CollideError(
        'missingColumn',
        `数据集「${options.fileName}」没有「${label}」列，「${options.input.label}」需要这一列`,
      );
    }
  }
}
