import type { Executor } from '@procura/db';
import { chinaDayStart } from '@procura/domain/china-time';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * 统计口径 written once: every figure of the cockpit, the statistical tables and the work report is
 * one `Metric`, a count or sum over one table of records in a period, measured by `measure` below.
 * Its `name` and `definition` (口径) are what the chart's tooltip, the .xlsx header note and
 * docs/statistics.md show (a test checks the doc against this code).
 */
export interface Metric {
  id: string;
  /** 中文名, e.g. 受理线索. */
  name: string;
  /** 口径: what is counted, when, and by which department. */
  definition: string;
  /** 件 / 元 / 人 / 次 / 封 / 人次; money is kept in fen and shown in 元. */
  unit: string;
  money?: boolean;
  /** The tables and joins (aliases: c cases, k clues, s suggestions …). Static code, never user input. */
  from: SQL;
  /** The column dating a record into a period, and whether it is a timestamp or a China day. */
  at: SQL;
  atKind: 'timestamp' | 'date';
  /** The department a record counts for; null: a figure of the whole procuratorate (not for heads). */
  department: SQL | null;
  /** The handler (承办人) a record counts for, for the per-prosecutor table; null: none. */
  handler: SQL | null;
  /** The case a record belongs to, so sealed juvenile records are counted but reported as unlisted. */
  caseId: SQL | null;
  /** Further conditions; `today` is the China day of the request's clock. */
  where?: (context: { today: string }) => SQL;
  /** count(*) by default. */
  value?: SQL;
  /** What the list shows one row per, when not one per counted record (sealed records are counted by it). */
  hiddenKey?: SQL;
  /** Extra dimensions this metric may be broken down by (stage, pilField, topic…). */
  dims?: Record<string, SQL>;
  /** The list (API path) whose rows are what this metric counts, and the query that selects them. */
  list?: {
    path:
      | '/api/cases'
      | '/api/clues'
      | '/api/suggestions'
      | '/api/deadlines'
      | '/api/mailbox/letters'
      /** its `participants` is the 法治宣传受众 figure; `total` the events */
      | '/api/outreach-events'
      /** answers an array (no paging): its length is the total */
      | '/api/juvenile/follow-ups';
    from: string;
    to: string;
    query?: Record<string, string>;
  };
}

/** A period [from, to) of China days. */
export interface Period {
  from: string;
  to: string;
}

/** The same period one year earlier (同比); 29 February becomes 1 March. */
export function previousYear(period: Period): Period {
  const shift = (day: string) => {
    const year = Number(day.slice(0, 4)) - 1;
    const rest = day.slice(4);
    return rest === '-02-29' ? `${year}-03-01` : `${year}${rest}`;
  };
  return { from: shift(period.from), to: shift(period.to) };
}

/** Whose figures: the whole procuratorate (departmentId null) or one department. */
export interface Scope {
  departmentId: number | null;
  /** Whether the lists show sealed juvenile records to this user (the juvenile department only). */
  listsSealed: boolean;
}

export type Dim = 'department' | 'handler' | 'line' | 'month' | string;

export interface Measured {
  keys: Record<string, string | null>;
  value: number;
  previous: number;
  /** Sealed juvenile records in `value`: counted, but absent from the user's lists. */
  hidden: number;
}

function dimension(metric: Metric, dim: Dim): SQL {
  if (dim === 'department') return metric.department ?? sql`null`;
  if (dim === 'handler') return metric.handler ?? sql`null`;
  if (dim === 'line') return metric.department ? sql`d.line` : sql`null`;
  if (dim === 'month') {
    return metric.atKind === 'timestamp'
      ? sql`to_char(${metric.at} at time zone 'Asia/Shanghai', 'YYYY-MM')`
      : sql`to_char(${metric.at}, 'YYYY-MM')`;
  }
  const expression = metric.dims?.[dim];
  if (!expression) throw new Error(`metric ${metric.id} has no dimension ${dim}`);
  return expression;
}

/** The period condition on a metric's date column. */
function within(metric: Metric, period: Period): SQL {
  if (metric.atKind === 'date') return sql`(${metric.at} >= ${period.from} and ${metric.at} < ${period.to})`;
  return sql`(${metric.at} >= ${chinaDayStart(period.from).toISOString()}::timestamptz and ${metric.at} < ${chinaDayStart(period.to).toISOString()}::timestamptz)`;
}

const sealedCondition = (caseId: SQL) =>
  sql`${caseId} in (select case_id from juvenile_sealings where unsealed_at is null)`;

const dialect = new PgDialect();
const text = (part: SQL | null) => (part ? JSON.stringify(dialect.sqlToQuery(part)) : 'null');

/** Metrics over the same rows (table, dating column, department…) are measured in one statement. */
function sourceKey(metric: Metric): string {
  return [metric.from, metric.at, metric.department, metric.handler, metric.caseId]
    .map(text)
    .concat(metric.atKind)
    .join('|');
}

type Options = { period: Period; scope: Scope; today: string; dims?: Dim[] };

/**
 * Measures one metric: the value in the period and in the same period last year, and how many
 * of the counted records are sealed (so not in the user's list), grouped by `dims`.
 */
export async function measure(db: Executor, metric: Metric, options: Options): Promise<Measured[]> {
  return (await measureMany(db, [metric], options)).get(metric.id) ?? [];
}

/**
 * Measures several metrics with as few statements as their sources allow: metrics over the same
 * rows share one scan, each counting its own records through an aggregate FILTER. Rows where a
 * metric counts nothing in either period are left out.
 */
export async function measureMany(
  db: Executor,
  metrics: Metric[],
  options: Options,
): Promise<Map<string, Measured[]>> {
  const groups = new Map<string, Metric[]>();
  for (const metric of metrics) {
    if (options.scope.departmentId !== null && !metric.department) continue;
    const key = sourceKey(metric);
    groups.set(key, [...(groups.get(key) ?? []), metric]);
  }
  const out = new Map<string, Measured[]>();
  // Concurrent: on PostgreSQL the pool runs the statements side by side; PGlite queues them.
  const measured = await Promise.all([...groups.values()].map((group) => measureSource(db, group, options)));
  for (const result of measured) for (const [id, rows] of result) out.set(id, rows);
  return out;
}

async function measureSource(
  db: Executor,
  metrics: Metric[],
  options: Options,
): Promise<Map<string, Measured[]>> {
  const { period, scope } = options;
  const source = metrics[0]!;
  const dims = options.dims ?? [];
  const current = within(source, period);
  const last = within(source, previousYear(period));
  const conditions: SQL[] = [sql`(${current} or ${last})`];
  if (scope.departmentId !== null) conditions.push(sql`${source.department} = ${scope.departmentId}`);
  const wheres = metrics.map((m) => m.where?.({ today: options.today }) ?? null);
  // Only the rows some metric counts.
  if (wheres.every((w) => w !== null)) conditions.push(sql`(${sql.join(wheres as SQL[], sql` or `)})`);
  const columns: SQL[] = dims.map((dim, index) => sql`${dimension(source, dim)} as ${sql.raw(`k${index}`)}`);
  metrics.forEach((metric, i) => {
    const own = wheres[i] ? sql` and ${wheres[i]}` : sql``;
    const value = metric.value ?? sql`count(*)`;
    columns.push(sql`coalesce(${value} filter (where ${current}${own}), 0) as ${sql.raw(`v${i}`)}`);
    columns.push(sql`coalesce(${value} filter (where ${last}${own}), 0) as ${sql.raw(`p${i}`)}`);
    const counted = metric.hiddenKey ? sql`count(distinct ${metric.hiddenKey})` : sql`count(*)`;
    columns.push(
      metric.caseId && !scope.listsSealed
        ? sql`${counted} filter (where ${current}${own} and ${sealedCondition(metric.caseId)}) as ${sql.raw(`h${i}`)}`
        : sql`0 as ${sql.raw(`h${i}`)}`,
    );
  });
  const join = source.department ? sql` join departments d on d.id = ${source.department}` : sql``;
  const groupBy = dims.length
    ? sql` group by ${sql.join(
        dims.map((_, index) => sql.raw(`k${index}`)),
        sql`, `,
      )}`
    : sql``;
  const statement = sql`select ${sql.join(columns, sql`, `)} from ${source.from}${join} where ${sql.join(conditions, sql` and `)}${groupBy}`;
  const result = await db.execute(statement);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const out = new Map<string, Measured[]>();
  metrics.forEach((metric, i) => {
    out.set(
      metric.id,
      rows
        .map((row) => ({
          keys: Object.fromEntries(
            dims.map((dim, index) => [dim, row[`k${index}`] == null ? null : String(row[`k${index}`])]),
          ),
          value: Number(row[`v${i}`] ?? 0),
          previous: Number(row[`p${i}`] ?? 0),
          hidden: Number(row[`h${i}`] ?? 0),
        }))
        .filter((m) => m.value !== 0 || m.previous !== 0 || m.hidden !== 0),
    );
  });
  return out;
}

/** The last day of [from, to), for lists whose `to` is inclusive. */
export function lastDayOf(period: Period): string {
  const day = new Date(`${period.to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The list query that selects exactly the records a metric counts in a period, narrowed by `keys`. */
export function listLink(
  metric: Metric,
  period: Period,
  scope: Scope,
  narrow: Record<string, string> = {},
): { path: string; query: Record<string, string> } | null {
  if (!metric.list) return null;
  const query: Record<string, string> = {
    ...(metric.list.query ?? {}),
    [metric.list.from]: period.from,
    [metric.list.to]: lastDayOf(period),
    ...narrow,
  };
  if (scope.departmentId !== null) query.departmentId = String(scope.departmentId);
  return { path: metric.list.path, query };
}
