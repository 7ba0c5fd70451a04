import { formatYuan } from '@procura/domain/clean/amount';

/** 1,360.00 元, or — when a model sums no amount. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
