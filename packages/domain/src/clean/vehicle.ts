import { type CleanResult, cleaned, quote, refused } from './result.ts';
import { removeSpaces, toHalfWidth } from './width.ts';

/**
 * Cleans a plate, frame (车架号/VIN) or motor number: half-width, no spaces, dots or hyphens,
 * upper case (川a·12345 → 川A12345).
 */
export function cleanVehicleCode(raw: unknown): CleanResult<string> {
  if (raw === null || raw === undefined) return refused('号码为空');
  const text = removeSpaces(toHalfWidth(String(raw)))
    .replace(/[·•・.\-_]/g, '')
    .toUpperCase();
  if (text === '') return refused('号码为空');
  if (!/^[\p{Script=Han}A-Z0-9]+$/u.test(text)) return refused(`号码${quote(raw)}含有无法识别的字符`);
  return cleaned(text);
}

/** Cleans free text used for equality (状态, 类别): half-width and trimmed; blank is refused. */
export function cleanText(raw: unknown): CleanResult<string> {
  if (raw === null || raw === undefined) return refused('内容为空');
  const text = toHalfWidth(String(raw)).trim();
  return text === '' ? refused('内容为空') : cleaned(text);
}
