import { daysFromParts } from './date.ts';
import { type CleanResult, quote, refused } from './result.ts';
import { removeSpaces, toHalfWidth } from './width.ts';

/** 公民身份号码 (GB 11643-1999): 17 digits and a check character, 0-9 or X. */
export const idCheckWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const idCheckCharacters = '10X98765432';

/** A cleaned id number; `problem` is set when it is kept but flagged (wrong check character). */
export type IdNumberResult = { ok: true; value: string; problem?: string } | { ok: false; reason: string };

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * idCheckWeights[i]!;
  return idCheckCharacters[sum % 11]!;
}

/** Birth date of an 18-character id as YYYY-MM-DD. */
export const idBirthDate = (idNumber: string): string =>
  `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;

/** Administrative region code (first six digits) of an id. */
export const idRegion = (idNumber: string): string => idNumber.slice(0, 6);

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

const digitsAt = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};

function checkBirth(id: string): string | null {
  const days = daysFromParts(digitsAt(id, 6, 4), digitsAt(id, 10, 2), digitsAt(id, 12, 2));
  return days === null ? `身份证号中的出生日期 ${id.slice(6, 14)} 不存在` : null;
}

/**
 * Cleans an id number as found in spreadsheets: spaces, Excel's leading `'`, full-width characters,
 * lower-case x; a 15-digit id becomes 18 (century 19 and the computed check character).
 */
export function cleanIdNumber(raw: unknown): IdNumberResult {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0)
      return refused(`身份证号${quote(raw)}被存成了数字，后几位已丢失`);
    return cleanIdNumber(String(raw));
  }
  if (raw === null || raw === undefined) return refused('身份证号为空');
  if (typeof raw === 'string' && raw.length === 18 && isDigits(raw, 0, 17)) return checkId18(raw, raw);
  let text = removeSpaces(toHalfWidth(String(raw)));
  while (text.startsWith("'") || text.startsWith('`')) text = text.slice(1);
  if (text === '') return refused('身份证号为空');
  if (text.length === 15 && isDigits(text, 0, 15)) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    const problem = checkBirth(first17);
    if (problem) return refused(problem);
    return { ok: true, value: first17 + idCheckCharacter(first17) };
  }
  if (text.length !== 18 || !isDigits(text, 0, 17)) {
    if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
      return refused(`身份证号${quote(raw)}被存成了科学计数法数字，后几位已丢失`);
    }
    return refused(`身份证号${quote(raw)}不是 18 位（或 15 位）号码`);
  }
  return checkId18(text, raw);
}

/** An 18-character text whose first 17 characters are digits. */
function checkId18(text: string, raw: unknown): IdNumberResult {
  const last = text[17] === 'x' ? 'X' : text[17]!;
  if (last !== 'X' && (last < '0' || last > '9')) return refused(`身份证号${quote(raw)}末位应为数字或 X`);
  const id = last === text[17] ? text : text.slice(0, 17) + last;
  const problem = checkBirth(id);
  if (problem) return refused(problem);
  const expected = idCheckCharacter(id);
  if (expected !== last) return { ok: true, value: id, problem: `身份证号校验位不正确（应为 ${expected}）` };
  return { ok: true, value: id };
}

export type { CleanResult };
