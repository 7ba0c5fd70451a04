import { canonicalColumns } from '../import/columns.ts';
import { peopleTable } from '../import/people.ts';
import { fileOrder, quoteLiteral as literal, quoteIdentifier as q } from '../import/table.ts';
import { checkSpec, operandColumn, type SpecError } from './check-spec.ts';
import { type TCondition, type TModelSpec, type TOperand, ZModelSpec } from './spec.ts';

export interface CompileOptions {
  /**
   * The date the check is made, required by a spec with conditions on { param: 'asOf' }. The caller
   * says which day that is (the run's creation day, the command's --as-of or its today): the engine
   * never reads the clock, so a run means the same thing whenever it is replayed.
   */
  asOf?: string;
}

export interface Compiled {
  /** SQL returning one row per match: fact_id, against_id, subject, confidence, score */
  sql: string;
  /** statements to run first, in order: the temporary tables `sql` reads */
  setup: string[];
  errors: SpecError[];
  spec?: TModelSpec;
}

/** The facts' column a hit's amount sums (checkSpec allows only one of theirs), if any. */
export function amountColumn(spec: TModelSpec): string | null {
  return typeof spec.aggregate.amount === 'string' ? operandColumn(spec.aggregate.amount)![1] : null;
}

/**
 * The facts' columns each match carries, so that a hit's count, sum, id and name are read from its
 * matches and not looked up among the facts again (a join to every fact row): the row's place in
 * file order (`_at`), the amount summed and the id and name shown. Named "f.<column>" in the matches.
 */
export function carriedColumns(spec: TModelSpec): string[] {
  const facts = spec.inputs.find((input) => input.role === spec.subject.facts)!;
  const amount = amountColumn(spec);
  const shown = ['idNumber', 'name'].filter((key) => key in facts.columns);
  return ['_at', ...new Set([...(amount ? [amount] : []), ...shown])];
}

/** Whether any operand of the spec is the run parameter asOf. */
function usesAsOf(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesAsOf);
  if (value === null || typeof value !== 'object') return false;
  return (value as { param?: unknown }).param === 'asOf' || Object.values(value).some(usesAsOf);
}

/** Compiles a model spec (any JSON) to DuckDB SQL, or says which field is wrong. */
export function compile(input: unknown, options: CompileOptions = {}): Compiled {
  const parsed = ZModelSpec.safeParse(input);
  if (!parsed.success) {
    return {
      sql: '',
      setup: [],
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const spec = parsed.data;
  const errors = checkSpec(spec);
  if (errors.length > 0) return { sql: '', setup: [], errors, spec };
  if (options.asOf === undefined && usesAsOf(spec.conditions)) {
    return {
      sql: '',
      setup: [],
      errors: [{ path: 'asOf', message: '该模型按核查日判断，须给出核查日' }],
      spec,
    };
  }
  return { ...toSql(spec, options.asOf ?? ''), errors, spec };
}

function toSql(spec: TModelSpec, asOf: string): { sql: string; setup: string[] } {
  const { facts, against, keys, mode, suspected } = spec.subject;
  const alias = (role: string) => (role === facts ? 'f' : 'a');
  const columnType = (operand: TOperand) => {
    const named = operandColumn(operand);
    return named ? canonicalColumns[named[1]].type : null;
  };
  const operand = (value: TOperand, unit: 'day' | 'month', other?: TOperand): string => {
    if (typeof value === 'string') {
      const [role, column] = operandColumn(value)!;
      const sql = `${alias(role)}.${q(column)}`;
      return unit === 'month' && columnType(value) === 'date' ? `date_trunc('month', ${sql})` : sql;
    }
    if ('number' in value) {
      return other && columnType(other) === 'amount'
        ? String(Math.round(value.number * 100))
        : String(value.number);
    }
    if ('text' in value) return literal(value.text);
    const date = 'date' in value ? value.date : asOf;
    return unit === 'month' ? `DATE ${literal(`${date.slice(0, 7)}-01`)}` : `DATE ${literal(date)}`;
  };
  const condition = (c: TCondition): string => {
    if (c.kind === 'within') {
      const value = operand(c.value, c.unit);
      const to = operand(c.to, c.unit);
      const lower = `${value} ${c.includeFrom ? '>=' : '>'} ${operand(c.from, c.unit)}`;
      const upper = `${value} ${c.includeTo ? '<=' : '<'} ${to}`;
      return typeof c.to === 'string' ? `${lower} AND (${to} IS NULL OR ${upper})` : `${lower} AND ${upper}`;
    }
    if (c.kind === 'compare') {
      const right = operand(c.right, c.unit, c.left);
      const test = `${operand(c.left, c.unit, c.right)} ${c.op === '!=' ? '<>' : c.op} ${right}`;
      return c.blankRightHolds ? `(${right} IS NULL OR ${test})` : test;
    }
    const column = operand(c.column, 'day');
    if (c.kind === 'blank') return `${column} IS ${c.negate ? 'NOT ' : ''}NULL`;
    const test =
      c.match === 'exact'
        ? `${column} IN (${c.values.map(literal).join(', ')})`
        : `(${c.values.map((v) => `contains(${column}, ${literal(v)})`).join(' OR ')})`;
    const applied = c.negate ? `NOT ${test}` : test;
    return c.blankHolds ? `(${column} IS NULL OR ${applied})` : `${column} IS NOT NULL AND ${applied}`;
  };
  const involvesAgainst = (c: TCondition) =>
    Object.values(c).some(
      (v) => typeof v === 'string' && operandColumn(v)?.[0] === against && v.includes('.'),
    );
  const factConditions = spec.conditions.filter((c) => !involvesAgainst(c)).map(condition);
  const joinConditions = spec.conditions.filter(involvesAgainst).map(condition);
  const where = (parts: string[]) => (parts.length > 0 ? `\nWHERE ${parts.join('\n  AND ')}` : '');
  const subject =
    keys.length === 1 ? `f.${q(keys[0]!)}` : `coalesce(${keys.map((k) => `f.${q(k)}`).join(', ')})`;
  const from = `FROM ${q(facts)} AS f`;
  const carried = carriedColumns(spec)
    .map((column) => `, ${column === '_at' ? fileOrder('f') : `f.${q(column)}`} AS ${q(`f.${column}`)}`)
    .join('');

  if (mode === 'absent') {
    const keyTest = keys.map((k) => `a.${q(k)} = f.${q(k)}`).join(' OR ');
    const exists = `NOT EXISTS (\n  SELECT 1 FROM ${q(against)} AS a\n  WHERE ${[keyTest, ...joinConditions].join('\n    AND ')}\n)`;
    return {
      setup: [],
      sql: `SELECT f._id AS fact_id, NULL::INTEGER AS against_id, ${subject} AS subject, 'exact' AS confidence, 1.0::DOUBLE AS score${carried}
${from}${where([...factConditions, exists])}`,
    };
  }

  const exact = keys.map(
    (
      k,
    ) => `SELECT f._id AS fact_id, a._id AS against_id, ${subject} AS subject, 'exact' AS confidence, 1.0::DOUBLE AS score${carried}
${from}
JOIN ${q(against)} AS a ON a.${q(k)} = f.${q(k)}${where([...factConditions, ...joinConditions])}`,
  );
  const exactSql = exact.join('\nUNION\n');
  if (!suspected) return { setup: [], sql: exactSql };
  /** How alike an id is to the matched row's: the score of a suspected match. */
  const similarity = (id: string) => `jaro_winkler_similarity(${id}, a."idNumber")`;
  const score = similarity('f."idNumber"');
  if (keys.length === 1 && keys[0] === 'idNumber') {
    // Same id, or same name, birth date and region (the id's first 14 characters) with another id.
    // The facts' people (their ids and names: see people.ts) that are suspected of being a matched
    // row's person give that row a second key, their id; then one join on the whole id
    // finds both kinds, where a join on its first 14 characters met every person born on the same
    // day in the same region. A fact matched exactly is not also reported as suspected.
    // The suspects are a table, not part of the query: DuckDB then knows how few they are, and
    // hashes the matched rows, not the facts (on an estimate near the facts' count it sometimes did,
    // at twice the cost). DISTINCT: a person may appear in the people more than once.
    const suspects = `CREATE OR REPLACE TEMP TABLE suspect_keys AS
SELECT DISTINCT a.*, p."idNumber" AS _key
FROM ${q(against)} AS a
JOIN ${peopleTable(facts)} AS p ON p."name" = a."name" AND left(p."idNumber", 14) = left(a."idNumber", 14)
WHERE p."idNumber" <> a."idNumber" AND ${similarity('p."idNumber"')} >= ${suspected.minScore}`;
    return {
      setup: [suspects],
      sql: `WITH keys AS (
SELECT a.*, a."idNumber" AS _key FROM ${q(against)} AS a
UNION ALL
SELECT * FROM suspect_keys
),
pairs AS MATERIALIZED (
SELECT f._id AS fact_id, a._id AS against_id, f."idNumber" AS subject,
  CASE WHEN a."idNumber" = f."idNumber" THEN 'exact' ELSE 'suspected' END AS confidence,
  CASE WHEN a."idNumber" = f."idNumber" THEN 1.0 ELSE round(${score}, 3) END::DOUBLE AS score${carried}
${from}
JOIN keys AS a ON a._key = f."idNumber"${where([
        `(a."idNumber" = f."idNumber" OR a."name" = f."name")`,
        ...factConditions,
        ...joinConditions,
      ])}
)
SELECT * FROM pairs
WHERE confidence = 'exact' OR fact_id NOT IN (SELECT fact_id FROM pairs WHERE confidence = 'exact')`,
    };
  }
  return {
    setup: [],
    sql: `WITH exact AS (
${exactSql}
)
SELECT * FROM exact
UNION ALL
SELECT f._id AS fact_id, a._id AS against_id, f."idNumber" AS subject, 'suspected' AS confidence, round(${score}, 3) AS score${carried}
${from}
JOIN ${q(against)} AS a ON a."name" = f."name"
  AND substr(a."idNumber", 7, 8) = substr(f."idNumber", 7, 8)
  AND substr(a."idNumber", 1, 6) = substr(f."idNumber", 1, 6)${where([
    'a."idNumber" <> f."idNumber"',
    `${score} >= ${suspected.minScore}`,
    'f._id NOT IN (SELECT fact_id FROM exact)',
    ...factConditions,
    ...joinConditions,
  ])}`,
  };
}
