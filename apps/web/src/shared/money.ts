/**
 * 元 as typed by a user → fen, exactly: the decimal string is split, never multiplied as a float
 * ('0.29' × 100 would be 28.999…). Thousands separators are allowed. null when not a valid amount.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replaceAll(/[,，\s]/g, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(fen);
}

/** antd Form rule for an amount in 元: positive, at most two decimals. */
export const yuanRule = {
  validator: async (_rule: unknown, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') throw new Error('请输入金额');
    const fen = yuanToFen(value);
    if (fen === null) throw new Error('金额格式不正确，如 1190000 或 1190000.50（最多两位小数）');
    if (fen === 0) throw new Error('金额须大于 0');
  },
};
