import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { lineLabels, type TLine } from '@procura/domain/roles';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { exportFileName } from '../export/send-xlsx.ts';
import type { XlsxColumn, XlsxSheet } from '../export/write-xlsx.ts';
import { allMetrics } from './metrics/index.ts';
import { type Metric, measureMany, type Period } from './metrics/measure.ts';
import { statisticsGroupings, type TStatisticsQuery } from './schema.ts';
import { cockpitScope } from './scope.ts';

type TableRow = { label: string; values: Map<string, { value: number; previous: number }> };

/** The metrics a table can split: those counted per department (and per handler for that table). */
export function tableMetrics(by: TStatisticsQuery['by']): Metric[] {
  return allMetrics.filter((m) => m.department !== null && (by !== 'handler' || m.handler !== null));
}

/**
 * 统计报表 (.xlsx) for a period: one row per department, line of work or handling prosecutor, one
 * column per figure and one for the same period last year, by the cockpit's own metrics.
 */
export async function prepareStatisticsTable(
  db: Db,
  options: { query: TStatisticsQuery; user: SessionUser; ip: string | null },
): Promise<{ fileName: string; asciiFileName: string; sheet: XlsxSheet<TableRow> }> {
  const { query, user } = options;
  const scope = cockpitScope(user);
  const period: Period = { from: query.from, to: query.to };
  const today = chinaDate(now());
  const metrics = tableMetrics(query.by);
  const names = new Map<string, string>();
  if (query.by === 'department') {
    for (const d of await db
      .select({ id: schema.departments.id, name: schema.departments.name })
      .from(schema.departments))
      names.set(String(d.id), d.name);
  } else if (query.by === 'handler') {
    for (const u of await db
      .select({ id: schema.users.id, name: schema.users.displayName })
      .from(schema.users))
      names.set(String(u.id), u.name);
  }
  const label = (key: string | null) => {
    if (key === null) return query.by === 'handler' ? '未分配承办人' : '—';
    if (query.by === 'line') return lineLabels[key as TLine] ?? key;
    return names.get(key) ?? key;
  };
  const rows = new Map<string, TableRow>();
  const measuredAll = await measureMany(db, metrics, { period, scope, today, dims: [query.by] });
  for (const metric of metrics) {
    for (const m of measuredAll.get(metric.id) ?? []) {
      const key = m.keys[query.by] ?? '';
      const row = rows.get(key) ?? { label: label(m.keys[query.by] ?? null), values: new Map() };
      row.values.set(metric.id, { value: m.value, previous: m.previous });
      rows.set(key, row);
    }
  }
  const columns: XlsxColumn<TableRow>[] = [
    { header: statisticsGroupings[query.by].replace('按', ''), value: (r) => r.label },
    ...metrics.flatMap((metric): XlsxColumn<TableRow>[] => {
      const unit = metric.money ? '元' : metric.unit;
      const kind = metric.money ? ('fen' as const) : ('number' as const);
      return [
        { header: `${metric.name}（${unit}）`, value: (r) => r.values.get(metric.id)?.value ?? 0, kind },
        { header: `${metric.name}·去年同期`, value: (r) => r.values.get(metric.id)?.previous ?? 0, kind },
      ];
    }),
  ];
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'statistics.export',
      targetType: 'statistics',
      ip: options.ip,
      detail: { ...query, scope: scope.label, rows: rows.size, format: 'xlsx' },
    }),
  );
  const title = `统计报表_${statisticsGroupings[query.by]}_${query.from}至${chinaDate(new Date(Date.parse(`${query.to}T00:00:00+08:00`) - 86_400_000))}`;
  return {
    fileName: exportFileName(title),
    asciiFileName: exportFileName(`statistics-${query.by}`),
    sheet: {
      sheetName: statisticsGroupings[query.by],
      columns,
      rows: [...rows.values()].sort((a, b) => (a.label < b.label ? -1 : 1)),
    },
  };
}
