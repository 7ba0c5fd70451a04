import { deadlineMetrics } from './deadlines.ts';
import { funnelMetrics } from './funnel.ts';
import { juvenileMetrics } from './juvenile.ts';
import type { Metric } from './measure.ts';
import { modelMetrics } from './models.ts';
import { moneyMetrics } from './money.ts';
import { publicInterestMetrics } from './public-interest.ts';

/** Every figure once, in the order docs/statistics.md lists them (a test compares the two). */
export const metricGroups: { id: string; title: string; metrics: Metric[] }[] = [
  { id: 'funnel', title: '办案流程', metrics: funnelMetrics },
  { id: 'money', title: '办案成效', metrics: moneyMetrics },
  { id: 'deadlines', title: '期限', metrics: deadlineMetrics },
  {
    id: 'models',
    title: '大数据法律监督模型',
    metrics: modelMetrics.filter((m) => m.id !== 'modelRecovered'),
  },
  { id: 'juvenile', title: '未成年人检察', metrics: juvenileMetrics },
  { id: 'publicInterest', title: '公益诉讼', metrics: publicInterestMetrics },
];

export const allMetrics: Metric[] = metricGroups.flatMap((group) => group.metrics);
