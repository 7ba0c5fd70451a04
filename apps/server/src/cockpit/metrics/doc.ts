import { metricGroups } from './index.ts';
import type { Metric } from './measure.ts';

export const docStart =
  '<!-- metrics:start (generated from apps/server/src/cockpit/metrics; do not edit by hand) -->';
export const docEnd = '<!-- metrics:end -->';

const drillDown = (metric: Metric) => {
  if (!metric.list) return '—（暂无对应列表）';
  const query = Object.entries(metric.list.query ?? {}).map(([k, v]) => `${k}=${v}`);
  return `\`${metric.list.path}?${[...query, `${metric.list.from}=期初`, `${metric.list.to}=期末`].join('&')}\``;
};

/** The figures' table of docs/statistics.md, written from the metric definitions themselves. */
export function renderMetricsDoc(): string {
  const lines = [docStart];
  for (const group of metricGroups) {
    lines.push(
      '',
      `### ${group.title}`,
      '',
      '| 数字 | 单位 | 口径 | 分部门 | 点开的列表 |',
      '|---|---|---|---|---|',
    );
    for (const metric of group.metrics) {
      const unit = metric.money ? '元（按分存储）' : metric.unit;
      const scope = metric.department ? '是' : '否（全院数字，部门负责人不显示）';
      lines.push(
        `| ${metric.name} \`${metric.id}\` | ${unit} | ${metric.definition} | ${scope} | ${drillDown(metric)} |`,
      );
    }
  }
  lines.push('', docEnd);
  return lines.join('\n');
}
