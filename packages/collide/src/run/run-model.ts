import { extname } from 'node:path';
import { cleanDate } from '@procura/domain/clean/date';
import { CollideError } from '../errors.ts';
import type { ColumnKey } from '../import/columns.ts';
import { type InputStats, loadInput, type Reject } from '../import/load-input.ts';
import { compile } from '../models/compile.ts';
import { writeHits } from '../output/write-hits.ts';
import { findHits } from './find-hits.ts';
import type { Hit, HitSummary, RunProgress } from './hit.ts';

export interface RunModelOptions {
  /** a model spec (validated here) */
  spec: unknown;
  /** role → files */
  inputs: Record<string, string[]>;
  /** role → column → header (`--map`) */
  overrides?: Record<string, Partial<Record<ColumnKey, string>>>;
  sheet?: string;
  asOf?: string;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunResult {
  model: { id: string; name: string };
  sql: string;
  inputs: InputStats[];
  rejects: Reject[];
  hits: Hit[];
  /** yuan, over all hits */
  totalAmount: number;
}

/** A run whose hits are found and explained, its evidence still in DuckDB: close it when done. */
export interface OpenRun extends Omit<RunResult, 'hits'> {
  hits: HitSummary[];
  /** the hits with their evidence rows */
  withEvidence(): Promise<Hit[]>;
  /** writes the hits as .jsonl (by DuckDB itself), .csv or .xlsx, evidence included */
  write(path: string): Promise<void>;
  close(): void;
}

/** Imports the files, runs the model's SQL and explains every hit with its evidence rows. */
export async function runModel(options: RunModelOptions): Promise<RunResult> {
  const run = await openRun(options);
  try {
    const { model, sql, inputs, rejects, totalAmount } = run;
    return { model, sql, inputs, rejects, hits: await run.withEvidence(), totalAmount };
  } finally {
    run.close();
  }
}

/**
 * Imports the files and finds and explains the hits, keeping DuckDB open so that their evidence
 * rows can be read or written out afterwards (see findHits).
 */
export async function openRun(options: RunModelOptions): Promise<OpenRun> {
  let asOf: string | undefined;
  if (options.asOf !== undefined) {
    const cleaned = cleanDate(options.asOf);
    if (!cleaned.ok) throw new CollideError('badSpec', `核查日${cleaned.reason}`);
    asOf = cleaned.value;
  }
  const compiled = compile(options.spec, { asOf });
  if (compiled.errors.length > 0 || !compiled.spec) {
    const detail = compiled.errors.map((e) => `${e.path || '（根）'}：${e.message}`).join('；');
    throw new CollideError('badSpec', `模型定义有误：${detail}`);
  }
  const spec = compiled.spec;
  for (const role of Object.keys(options.inputs)) {
    if (!spec.inputs.some((input) => input.role === role)) {
      throw new CollideError(
        'missingInput',
        `模型 ${spec.id} 没有名为 ${role} 的输入（需要：${spec.inputs.map((i) => i.role).join('、')}）`,
      );
    }
  }
  for (const input of spec.inputs) {
    if (!options.inputs[input.role]?.length) {
      throw new CollideError(
        'missingInput',
        `缺少输入 ${input.role}（${input.label}）：请用 --input ${input.role}=文件 提供`,
      );
    }
  }
  // Loaded here, not with the engine: the native module costs a second on a busy machine.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const sources: string[] = [];
    const rejects: Reject[] = [];
    const nextId = { value: 1 };
    const stats: InputStats[] = [];
    for (const input of spec.inputs) {
      stats.push(
        await loadInput({
          connection,
          input,
          files: options.inputs[input.role]!,
          overrides: options.overrides?.[input.role],
          sheet: options.sheet,
          sources,
          nextId,
          rejects,
          onProgress: (progress) => options.onProgress?.({ stage: 'import', ...progress }),
        }),
      );
    }
    const found = await findHits(connection, {
      spec,
      sql: compiled.sql,
      setup: compiled.setup,
      sources,
      onProgress: options.onProgress,
    });
    return {
      model: { id: spec.id, name: spec.name },
      sql: compiled.sql,
      inputs: stats,
      rejects,
      hits: found.hits,
      totalAmount: found.totalAmount,
      withEvidence: found.withEvidence,
      write: async (path) => {
        if (extname(path).toLowerCase() === '.jsonl') await found.writeJsonLines(path);
        else await writeHits(path, await found.withEvidence());
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
