import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { cleanDate } from '@procura/domain/clean/date';
import { CollideError } from '../errors.ts';
import type { ColumnKey } from '../import/columns.ts';
import { type InputStats, loadInput, type Reject } from '../import/load-input.ts';
import { quoteIdentifier as q } from '../import/table.ts';
import { compile } from '../models/compile.ts';
import type { TModelSpec } from '../models/spec.ts';
import { collectEvidenceText, type EvidenceText, parseEvidence } from './collect-evidence.ts';
import { compileExplanation } from './explain.ts';
import { type Evidence, evidenceJson, type Hit, type RunProgress } from './hit.ts';

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

/** Imports the files, runs the model's SQL and explains every hit with its evidence rows. */
export async function runModel(options: RunModelOptions): Promise<RunResult> {
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
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await runOn(connection, spec, compiled.sql, options);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function runOn(
  connection: DuckDBConnection,
  spec: TModelSpec,
  sql: string,
  options: RunModelOptions,
): Promise<RunResult> {
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
  options.onProgress?.({ stage: 'match' });
  await connection.run(`CREATE TEMP TABLE matches AS ${sql}`);
  const facts = spec.inputs.find((input) => input.role === spec.subject.facts)!;
  const against = spec.inputs.find((input) => input.role === spec.subject.against)!;
  const amountColumn =
    typeof spec.aggregate.amount === 'string' ? spec.aggregate.amount.split('.')[1]! : null;
  const subjects = await connection.runAndReadAll(`
    WITH per_fact AS (SELECT subject, confidence, fact_id, max(score) AS score FROM matches GROUP BY ALL)
    SELECT p.subject, p.confidence, count(*)::INTEGER AS count, max(p.score)::DOUBLE AS score,
      ${amountColumn ? `sum(f.${q(amountColumn)})::DOUBLE` : 'NULL::DOUBLE'} AS fen
    FROM per_fact AS p JOIN ${q(facts.role)} AS f ON f._id = p.fact_id
    GROUP BY ALL ORDER BY p.subject, p.confidence`);
  options.onProgress?.({ stage: 'explain' });
  const evidence = await collectEvidenceText(connection, [facts, against], sources);
  // Only the roles the explanation reads are parsed now; the rest stays JSON until someone reads it.
  const roles = [facts.role, against.role];
  const explained = roles.filter(
    (role) => spec.explanation.includes(`{${role}.`) || spec.explanation.includes(`~${role}.`),
  );
  const explainHit = compileExplanation(spec);
  const hits: Hit[] = [];
  let totalFen = 0;
  const noEvidence: EvidenceText = { json: new Map(), first: new Map() };
  const [subjectColumn, confidenceColumn, countColumn, scoreColumn, fenColumn] = subjects.getColumnsJS() as [
    string[],
    string[],
    number[],
    (number | null)[],
    (number | null)[],
  ];
  for (let i = 0; i < subjectColumn.length; i++) {
    const subject = String(subjectColumn[i]);
    const confidence = confidenceColumn[i]!;
    const text = evidence.get(`${subject}\u0000${confidence}`) ?? noEvidence;
    const pick = (column: string) => {
      for (const role of roles) {
        const found = text.first.get(role)?.[column];
        if (found) return found;
      }
      return null;
    };
    const fen = fenColumn[i] === null ? null : Number(fenColumn[i]);
    if (fen !== null) totalFen += fen;
    const facts_ = {
      subject,
      idNumber: pick('idNumber'),
      name: pick('name'),
      count: Number(countColumn[i]),
      amount: fen === null ? null : fen / 100,
    };
    hits.push(
      new RunHit(
        facts_,
        confidence === 'exact' ? 'exact' : { suspected: Number(scoreColumn[i]) },
        explainHit(facts_, parseEvidence(text, explained)),
        text,
        roles,
      ),
    );
  }
  options.onProgress?.({ stage: 'done' });
  return {
    model: { id: spec.id, name: spec.name },
    sql,
    inputs: stats,
    rejects,
    hits,
    totalAmount: totalFen / 100,
  };
}

/**
 * A hit whose `evidence` is parsed from DuckDB's JSON the first time it is read (a run on 10 million
 * payments has over a million evidence rows; a caller writing .jsonl never needs them as objects:
 * see writeHits). A class, not per-object accessors: a run makes hundreds of thousands of these.
 */
class RunHit implements Hit {
  subject: string;
  idNumber: string | null;
  name: string | null;
  count: number;
  amount: number | null;
  confidence: Hit['confidence'];
  explanation: string;
  #text: EvidenceText | undefined;
  readonly #roles: string[];
  #parsed: Evidence[] | undefined;

  constructor(
    facts: Pick<Hit, 'subject' | 'idNumber' | 'name' | 'count' | 'amount'>,
    confidence: Hit['confidence'],
    explanation: string,
    text: EvidenceText,
    roles: string[],
  ) {
    this.subject = facts.subject;
    this.idNumber = facts.idNumber;
    this.name = facts.name;
    this.count = facts.count;
    this.amount = facts.amount;
    this.confidence = confidence;
    this.explanation = explanation;
    this.#text = text;
    this.#roles = roles;
  }

  get evidence(): Evidence[] {
    this.#parsed ??= parseEvidence(this.#text!, this.#roles);
    return this.#parsed;
  }

  set evidence(value: Evidence[]) {
    this.#parsed = value;
    this.#text = undefined;
  }

  /** The evidence still as DuckDB's JSON arrays, one per role; undefined once set or replaced. */
  get [evidenceJson](): Uint8Array[] | undefined {
    if (this.#text === undefined) return undefined;
    const text = this.#text;
    return this.#roles.map((role) => text.json.get(role)).filter((json) => json !== undefined);
  }

  toJSON(): Hit {
    const { subject, idNumber, name, count, amount, confidence, explanation } = this;
    return { subject, idNumber, name, count, amount, confidence, explanation, evidence: this.evidence };
  }
}
