import { type CleanResult, cleaned, quote, refused } from './result.ts';
import { removeSpaces, toHalfWidth } from './width.ts';

const prefixes = ['人民币', 'RMB', 'CNY', '￥', '¥'];

/** Fen of a decimal text scaled by 10^scale yuan, exactly (string arithmetic, no float error). */
function toFen(digits: string, scale: 0 | 4): number | string {
  const dot = digits.indexOf('.');
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  let fraction = dot < 0 ? '' : digits.slice(dot + 1);
  const places = 2 + scale;
  if (fraction.length > places) {
    if (!/^0+$/.test(fraction.slice(places))) return '金额精确到分以下';
    fraction = fraction.slice(0, places);
  }
  const text = (whole + fraction.padEnd(places, '0')).replace(/^0+(?=\d)/, '');
  if (text.length > 15) return '金额过大';
  return Number(text);
}

/**
 * Cleans an amount to integer fen: `680`, `1,200.50`, `￥680.00`, `¥680`, `680元`, `1.2万`,
 * full-width digits. Negative and blank amounts are refused.
 */
export function cleanAmount(raw: unknown): CleanResult<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return refused(`金额${quote(raw)}不是数字`);
    if (raw < 0) return refused(`金额${quote(raw)}为负数`);
    const fen = Math.round(raw * 100);
    if (Math.abs(fen - raw * 100) > 1e-6 * Math.max(1, fen)) return refused(`金额${quote(raw)}精确到分以下`);
    return cleaned(fen);
  }
  if (raw === null || raw === undefined) return refused('金额为空');
  if (typeof raw === 'string') {
    const fen = plainFen(raw);
    if (fen >= 0) return cleaned(fen);
  }
  let text = removeSpaces(toHalfWidth(String(raw)));
  if (text === '') return refused('金额为空');
  for (const prefix of prefixes) if (text.startsWith(prefix)) text = text.slice(prefix.length);
  if (text.startsWith('-') || text.startsWith('−') || (text.startsWith('(') && text.endsWith(')'))) {
    return refused(`金额${quote(raw)}为负数`);
  }
  if (text.endsWith('元')) text = text.slice(0, -1);
  let scale: 0 | 4 = 0;
  if (text.endsWith('万')) {
    scale = 4;
    text = text.slice(0, -1);
  }
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})*(\.\d*)?$/.test(text)) return refused(`金额${quote(raw)}的千分位逗号位置不对`);
    text = text.replaceAll(',', '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return refused(`金额${quote(raw)}不是数字`);
  const fen = toFen(text.startsWith('.') ? `0${text}` : text, scale);
  if (typeof fen === 'string') return refused(`金额${quote(raw)}${fen}`);
  return cleaned(fen);
}

/**
 * `3,400.00` of an amount in fen: the one money formatter (callers add 元 where they want it). Fen
 * are integers, so anything else is a bug upstream and is refused rather than printed oddly.
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`金额（分）必须是整数：${fen}`);
  const yuan = String(Math.trunc(Math.abs(fen) / 100));
  const cents = String(Math.abs(fen % 100)).padStart(2, '0');
  // Grouped by hand: toLocaleString costs microseconds a call, and a run explains 100,000s of hits.
  return `${fen < 0 ? '-' : ''}${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** Fast path for the common `680` / `680.5` / `680.50`: fen, or -1 when the text is anything else. */
function plainFen(text: string): number {
  let whole = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    whole = whole * 10 + code - 48;
  }
  if (i === 0 || i > 13) return -1;
  if (i === text.length) return whole * 100;
  if (text.charCodeAt(i) !== 46) return -1;
  const decimals = text.length - i - 1;
  if (decimals < 1 || decimals > 2) return -1;
  let cents = 0;
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code < 48 || code > 57) return -1;
    cents = cents * 10 + code - 48;
  }
  return whole * 100 + (decimals === 1 ? cents * 10 : cents);
}
