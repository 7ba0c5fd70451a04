import type { DuckDBConnection } from '@duckdb/node-api';
import { fileOrder, quoteIdentifier as q } from '../import/table.ts';
import { amountColumn, carriedColumns } from '../models/compile.ts';
import type { TInput, TModelSpec } from '../models/spec.ts';
import { collectEvidenceText, type EvidenceText, matchedTables, parseEvidence } from './collect-evidence.ts';
import { writeEvidenceLines } from './evidence-lines.ts';
import { explanationSql } from './explain.ts';
import { type Evidence, evidenceJson, type Hit, type HitSummary, type RunProgress } from './hit.ts';

export interface FoundHits {
  /** one a subject and confidence, in that order: counted, summed and explained */
  hits: HitSummary[];
  /** yuan, over all hits */
  totalAmount: number;
  /** the hits with their evidence rows (built in DuckDB; parsed into objects when read) */
  withEvidence(): Promise<Hit[]>;
  /** every hit with all its evidence rows as JSON lines, written by DuckDB itself */
  writeJsonLines(path: string): Promise<void>;
}

const pickable = ['idNumber', 'name'] as const;

/** A hit as the summing query gives it (see readHitRows). */
type HitRow = [
  subject: string,
  confidence: string,
  count: number,
  score: number | null,
  fen: number | null,
  idNumber: string | null,
  name: string | null,
  explanation: string,
];

/** Code unit order: total, the same on every run, and cheap (no locale). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The summing query's rows, sorted by subject and confidence, handed over as one JSON text of
 * arrays made on all threads: converting values one by one into JavaScript costs far more (0.8 s
 * for the 125,000 hits of 10 million payments), and arrays parse faster than objects repeating
 * their keys. Sorted here: a sort in DuckDB (list_sort) took longer, on one thread too.
 */
async function readHitRows(connection: DuckDBConnection, sql: string): Promise<HitRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT '[' || coalesce(string_agg(json_array(subject, confidence, count, score, fen, "idNumber", name, explanation)::VARCHAR, ','), '') || ']'
     FROM (${sql})`,
  );
  const rows = JSON.parse(String(reader.getRows()[0]![0])) as HitRow[];
  return rows.sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]));
}

/**
 * Runs a compiled model on inputs already loaded into their tables (from files, or the platform's
 * snapshots): matches, per-subject counts and sums, the name and id shown, and each hit's
 * explanation. Evidence rows stay in DuckDB until asked for: a run on 10 million payments has
 * nearly two million of them, and most callers write them out rather than read them.
 */
export async function findHits(
  connection: DuckDBConnection,
  options: {
    spec: TModelSpec;
    /** the compiled model (see compile): its query, and the statements to run first */
    sql: string;
    setup: string[];
    /** file names by source index, as evidence rows name them */
    sources: string[];
    onProgress?: (progress: RunProgress) => void;
  },
): Promise<FoundHits> {
  const { spec, sources } = options;
  options.onProgress?.({ stage: 'match' });
  for (const statement of options.setup) await connection.run(statement);
  await connection.run(`CREATE OR REPLACE TEMP TABLE matches AS ${options.sql}`);
  // The matched facts and rows, for the sums, the explanations and the evidence read or written
  // afterwards. The facts' columns the sums read come with each match (see carriedColumns), named
  // as in their table. A fact matched by several rows (overlapping spells, several suspects) is one
  // fact, so the matches are grouped by fact when any is; most runs have none, and then a view
  // spares grouping a million and a half matches one by one.
  const carried = carriedColumns(spec);
  const [[repeated]] = (
    await connection.runAndReadAll('SELECT count(*) > count(DISTINCT fact_id) FROM matches')
  ).getRows() as [[boolean]];
  await connection.run(
    repeated
      ? `CREATE OR REPLACE TEMP TABLE ${matchedTables[0]} AS
        SELECT coalesce(subject, 'null') AS subject, confidence, fact_id AS id, max(score) AS score
          ${carried.map((column) => `, any_value(${q(`f.${column}`)}) AS ${q(column)}`).join('')}
        FROM matches GROUP BY ALL`
      : `CREATE OR REPLACE TEMP VIEW ${matchedTables[0]} AS
        SELECT coalesce(subject, 'null') AS subject, confidence, fact_id AS id, score
          ${carried.map((column) => `, ${q(`f.${column}`)} AS ${q(column)}`).join('')}
        FROM matches`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${matchedTables[1]} AS
    SELECT DISTINCT coalesce(subject, 'null') AS subject, confidence, against_id AS id FROM matches`);
  const facts = spec.inputs.find((input) => input.role === spec.subject.facts)!;
  const against = spec.inputs.find((input) => input.role === spec.subject.against)!;
  const amount = amountColumn(spec);
  // The id and name shown: the first non-empty one in file order, facts first, then the rows matched.
  const picks = (input: TInput, alias: string, side: number, order: string) =>
    pickable
      .filter((key) => key in input.columns)
      .map(
        (key) =>
          `, arg_min(${alias}.${q(key)}, ${order}) FILTER (WHERE ${alias}.${q(key)} <> '') AS ${q(`${key}_${side}`)}`,
      )
      .join('');
  const shown = (key: string) =>
    [facts, against]
      .map((input, side) => (key in input.columns ? q(`${key}_${side}`) : null))
      .filter((column) => column !== null);
  const coalesced = (key: string) => {
    const columns = shown(key);
    return columns.length === 0 ? 'NULL::VARCHAR' : `coalesce(${columns.join(', ')})`;
  };
  const explanation = explanationSql(spec);
  const rows = await readHitRows(
    connection,
    `WITH by_facts AS (
      SELECT f.subject, f.confidence, count(*)::INTEGER AS count, max(f.score)::DOUBLE AS score,
        ${amount ? `sum(f.${q(amount)})::BIGINT` : 'NULL::BIGINT'} AS fen ${picks(facts, 'f', 0, 'f._at')}
      FROM ${matchedTables[0]} AS f
      GROUP BY ALL),
    by_against AS (
      SELECT m.subject, m.confidence ${picks(against, 'a', 1, fileOrder('a'))}
      FROM ${matchedTables[1]} AS m JOIN ${q(against.role)} AS a ON a._id = m.id
      GROUP BY ALL),
    ${explanation.ctes.map((cte) => `${cte},`).join('\n')}
    h AS (
      SELECT subject, confidence, count, score, fen, ${coalesced('idNumber')} AS "idNumber", ${coalesced('name')} AS name
      FROM by_facts LEFT JOIN by_against USING (subject, confidence))
    SELECT h.subject, h.confidence, h.count, h.score, h.fen, h."idNumber", h.name, ${explanation.expression} AS explanation
    FROM h ${explanation.joins.map((name) => `LEFT JOIN ${name} USING (subject, confidence)`).join(' ')}`,
  );
  options.onProgress?.({ stage: 'explain' });
  const hits: HitSummary[] = [];
  let totalFen = 0;
  for (const [subject, confidence, count, score, fen, idNumber, name, explanation] of rows) {
    if (fen !== null) totalFen += fen;
    hits.push({
      subject,
      idNumber,
      name,
      count,
      amount: fen === null ? null : fen / 100,
      confidence: confidence === 'exact' ? 'exact' : { suspected: Number(score) },
      explanation,
    });
  }
  options.onProgress?.({ stage: 'done' });
  const roles = [facts.role, against.role];
  return {
    hits,
    totalAmount: totalFen / 100,
    async withEvidence() {
      const evidence = await collectEvidenceText(connection, [facts, against], sources);
      const none: EvidenceText = { json: new Map() };
      return hits.map(
        (hit) => new RunHit(hit, evidence.get(`${hit.subject}\u0000${keyOf(hit)}`) ?? none, roles),
      );
    },
    writeJsonLines: (path) =>
      writeEvidenceLines(connection, { path, hits, inputs: [facts, against], sources }),
  };
}

const keyOf = (hit: HitSummary) => (hit.confidence === 'exact' ? 'exact' : 'suspected');

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

  constructor(summary: HitSummary, text: EvidenceText, roles: string[]) {
    this.subject = summary.subject;
    this.idNumber = summary.idNumber;
    this.name = summary.name;
    this.count = summary.count;
    this.amount = summary.amount;
    this.confidence = summary.confidence;
    this.explanation = summary.explanation;
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
