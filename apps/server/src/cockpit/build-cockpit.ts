import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, type TCaseType } from '@procura/domain/cases/case-types';
import { chinaDate } from '@procura/domain/china-time';
import { letterTopics } from '@procura/domain/mailbox/topics';
import { pilFields } from '@procura/domain/public-interest-fields';
import { lineLabels, type TLine } from '@procura/domain/roles';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { casesOpened } from './metrics/funnel.ts';
import { metricGroups } from './metrics/index.ts';
import { lettersReceived } from './metrics/juvenile.ts';
import {
  lastDayOf,
  listLink,
  type Measured,
  type Metric,
  measure,
  measureMany,
  type Period,
  previousYear,
  type Scope,
} from './metrics/measure.ts';
import { pilCasesByField } from './metrics/public-interest.ts';
import type { TBreakdown, TBreakdownItem, TCockpit, TCockpitQuery, TFigure } from './schema.ts';
import { cockpitScope } from './scope.ts';

const metricFields = (metric: Metric) => ({
  metricId: metric.id,
  name: metric.name,
  definition: metric.definition,
  unit: metric.unit,
  money: metric.money === true,
});

export const hiddenNote = (hidden: number) =>
  hidden > 0 ? `其中 ${hidden} 件涉及已封存的未成年人犯罪记录，计入数字但不在列表中显示` : null;

/** One figure with its 同比, its list and the sealed records it counts but the list leaves out. */
export function figure(
  metric: Metric,
  measured: Measured[] | undefined,
  period: Period,
  scope: Scope,
): TFigure {
  if (scope.departmentId !== null && !metric.department) {
    return {
      ...metricFields(metric),
      value: null,
      previous: null,
      hidden: 0,
      list: null,
      note: '全院数据，不分部门统计，部门负责人不显示',
    };
  }
  const row = measured?.[0];
  const hidden = row?.hidden ?? 0;
  return {
    ...metricFields(metric),
    value: row?.value ?? 0,
    previous: row?.previous ?? 0,
    hidden,
    list: listLink(metric, period, scope),
    note: hiddenNote(hidden),
  };
}

const addYear = (month: string) => `${Number(month.slice(0, 4)) + 1}${month.slice(4)}`;

/** The months of [from, to) as 'YYYY-MM'. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let month = period.from.slice(0, 7);
  const last = lastDayOf(period).slice(0, 7);
  while (month <= last) {
    months.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

/** The part of a period inside one month. */
function monthPart(period: Period, month: string): Period {
  const start = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const [from] = [start, period.from].sort().reverse() as [string];
  const [to] = [next, period.to].sort() as [string];
  return { from, to };
}

type Row = Measured & { month: string | null; key: string };

/** Folds rows grouped by month (current and last year's months) into the current period's months. */
function byMonth(rows: Measured[], period: Period, keyOf: (r: Measured) => string | null): Row[] {
  const months = new Set(monthsOf(period));
  const out = new Map<string, Row>();
  for (const row of rows) {
    const key = keyOf(row);
    const month = row.keys.month;
    if (key === null || !month) continue;
    const add = (target: string, value: number, previous: number, hidden: number) => {
      if (!months.has(target)) return;
      const id = `${target}|${key}`;
      const item = out.get(id) ?? { keys: row.keys, month: target, key, value: 0, previous: 0, hidden: 0 };
      item.value += value;
      item.previous += previous;
      item.hidden += hidden;
      out.set(id, item);
    };
    add(month, row.value, 0, row.hidden);
    add(addYear(month), 0, row.previous, 0);
  }
  return [...out.values()].sort((a, b) =>
    a.month! < b.month! ? -1 : a.month! > b.month! ? 1 : a.key < b.key ? -1 : 1,
  );
}

function sumBy(rows: Measured[], keyOf: (r: Measured) => string | null): Row[] {
  const out = new Map<string, Row>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const item = out.get(key) ?? { keys: row.keys, month: null, key, value: 0, previous: 0, hidden: 0 };
    item.value += row.value;
    item.previous += row.previous;
    item.hidden += row.hidden;
    out.set(key, item);
  }
  return [...out.values()].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
}

function stageName(stage: string): string {
  for (const type of Object.values(caseTypes)) {
    const found = type.stages.find((s) => s.id === stage);
    if (found) return found.label;
  }
  return stage;
}

/** The cases opened per month by line, department, type and stage: one statement, four charts. */
async function caseBreakdowns(
  db: Executor,
  period: Period,
  scope: Scope,
  today: string,
): Promise<TBreakdown[]> {
  const rows = await measure(db, casesOpened, {
    period,
    scope,
    today,
    dims: ['month', 'department', 'line', 'type', 'stage'],
  });
  const departments = new Map(
    (
      await db.select({ id: schema.departments.id, name: schema.departments.name }).from(schema.departments)
    ).map((d) => [String(d.id), d.name]),
  );
  const dims: { id: string; title: string; dim: string; param: string; label: (key: string) => string }[] = [
    {
      id: 'casesByLine',
      title: '各条线每月立案',
      dim: 'line',
      param: 'line',
      label: (k) => lineLabels[k as TLine] ?? k,
    },
    {
      id: 'casesByDepartment',
      title: '各部门每月立案',
      dim: 'department',
      param: 'departmentId',
      label: (k) => departments.get(k) ?? k,
    },
    {
      id: 'casesByType',
      title: '各类案件每月立案',
      dim: 'type',
      param: 'type',
      label: (k) => caseTypes[k as TCaseType]?.name ?? k,
    },
    { id: 'casesByStage', title: '每月立案案件的现处阶段', dim: 'stage', param: 'stage', label: stageName },
  ];
  return dims.map((d) => ({
    id: d.id,
    title: d.title,
    ...metricFields(casesOpened),
    dimension: d.dim,
    perMonth: true,
    items: byMonth(rows, period, (r) => r.keys[d.dim] ?? null).map(
      (row): TBreakdownItem => ({
        key: row.key,
        label: d.label(row.key),
        month: row.month,
        value: row.value,
        previous: row.previous,
        hidden: row.hidden,
        list: listLink(casesOpened, monthPart(period, row.month!), scope, { [d.param]: row.key }),
      }),
    ),
  }));
}

async function simpleBreakdown(
  db: Executor,
  options: {
    id: string;
    title: string;
    metric: Metric;
    dim: string;
    param?: string;
    label: (key: string) => string;
  },
  period: Period,
  scope: Scope,
  today: string,
): Promise<TBreakdown | null> {
  const { metric } = options;
  if (scope.departmentId !== null && !metric.department) return null;
  const rows = await measure(db, metric, { period, scope, today, dims: [options.dim] });
  return {
    id: options.id,
    title: options.title,
    ...metricFields(metric),
    dimension: options.dim,
    perMonth: false,
    items: sumBy(rows, (r) => r.keys[options.dim] ?? null).map((row) => ({
      key: row.key,
      label: options.label(row.key),
      month: null,
      value: row.value,
      previous: row.previous,
      hidden: row.hidden,
      list: options.param ? listLink(metric, period, scope, { [options.param]: row.key }) : null,
    })),
  };
}

/** 检察长驾驶舱: every figure of the period with its 同比, within the user's reach. */
export function buildCockpit(db: Executor, user: SessionUser, query: TCockpitQuery): Promise<TCockpit> {
  return measureCockpit(db, cockpitScope(user), query);
}

/** The cockpit's figures and breakdowns for a scope (the work report measures with this too). */
export async function measureCockpit(
  db: Executor,
  scope: Scope & { label: string },
  query: TCockpitQuery,
): Promise<TCockpit> {
  const period: Period = { from: query.from, to: query.to };
  const previous = previousYear(period);
  const today = chinaDate(now());
  const groups = metricGroups.filter((group) => group.id !== 'publicInterest');
  const [measured, cases, byField, byTopic] = await Promise.all([
    measureMany(
      db,
      groups.flatMap((group) => group.metrics),
      { period, scope, today },
    ),
    caseBreakdowns(db, period, scope, today),
    simpleBreakdown(
      db,
      {
        id: 'pilByField',
        title: '公益诉讼立案（按领域）',
        metric: pilCasesByField,
        dim: 'pilField',
        param: 'pilField',
        label: (k) => pilFields[k as keyof typeof pilFields] ?? k,
      },
      period,
      scope,
      today,
    ),
    simpleBreakdown(
      db,
      {
        id: 'lettersByTopic',
        title: '校园信箱来信（按主题）',
        metric: lettersReceived,
        dim: 'topic',
        param: 'topic',
        label: (k) => letterTopics[k as keyof typeof letterTopics]?.label ?? k,
      },
      period,
      scope,
      today,
    ),
  ]);
  const sections = groups.map((group) => ({
    id: group.id,
    title: group.title,
    figures: group.metrics.map((metric) => figure(metric, measured.get(metric.id), period, scope)),
  }));
  const breakdowns = [...cases, byField, byTopic].filter((b): b is TBreakdown => b !== null);
  return {
    from: period.from,
    to: period.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    scope: { departmentId: scope.departmentId, label: scope.label },
    sections,
    breakdowns,
  };
}
