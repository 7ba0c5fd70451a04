import { formatYuan } from '@procura/domain/clean/amount';

/** A figure as shown: money (fen) in 元, 万元 from ten thousand yuan up; counts as they are. */
export function formatFigure(value: number | null, figure: { money: boolean; unit: string }): string {
  if (value === null) return '—';
  if (!figure.money) return `${value.toLocaleString('zh-CN')} ${figure.unit}`;
  if (value >= 1_000_000)
    return `${(value / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
  return `${formatYuan(value)} 元`;
}

/** 同比: the change on the same period last year, or why there is none. */
export function yearOnYear(
  value: number | null,
  previous: number | null,
): { text: string; trend: 'up' | 'down' | 'flat' } {
  if (value === null || previous === null) return { text: '—', trend: 'flat' };
  if (previous === 0)
    return value === 0 ? { text: '持平', trend: 'flat' } : { text: '去年同期为 0', trend: 'up' };
  const change = ((value - previous) / previous) * 100;
  if (change === 0) return { text: '持平', trend: 'flat' };
  const text = `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
  return { text, trend: change > 0 ? 'up' : 'down' };
}
