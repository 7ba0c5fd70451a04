import { z } from 'zod';
import { formatYuan } from '../clean/amount.ts';
import type * as states from '../states.ts';

/** What a case achieved (办案成效). Money is counted in fen; other kinds in their unit. */
export const outcomeKinds = {
  stateAssetsRecovered: { label: '追回国有财产', measure: 'amount', unit: '元' },
  taxRecovered: { label: '追缴税款', measure: 'amount', unit: '元' },
  wagesRecovered: { label: '追回欠薪', measure: 'amount', unit: '元' },
  subsidiesRecovered: { label: '追回补贴资金', measure: 'amount', unit: '元' },
  compensationPaid: { label: '赔偿到位', measure: 'amount', unit: '元' },
  peopleHelped: { label: '帮助群众', measure: 'count', unit: '人' },
  ecologicalRestoration: { label: '修复生态（林地、耕地、水域）', measure: 'count', unit: '亩' },
  wasteRemoved: { label: '清除固体废物', measure: 'count', unit: '吨' },
  hazardsRemoved: { label: '消除安全隐患', measure: 'count', unit: '处' },
} as const satisfies Record<
  (typeof states.outcomeKindIds)[number],
  { label: string; measure: 'amount' | 'count'; unit: string }
>;

export type TOutcomeKind = keyof typeof outcomeKinds;
export const outcomeKindIds = Object.keys(outcomeKinds) as TOutcomeKind[];
export const ZOutcomeKind = z.enum(outcomeKindIds as [TOutcomeKind, ...TOutcomeKind[]]);

/** '1,190,000.00 元' or '17 人'. */
export function formatOutcome(
  kind: TOutcomeKind,
  value: { amountFen: number | null; count: number | null },
): string {
  const definition = outcomeKinds[kind];
  if (definition.measure === 'amount') return `${formatYuan(value.amountFen ?? 0)} ${definition.unit}`;
  return `${value.count ?? 0} ${definition.unit}`;
}
