import { idBirthDate } from '../clean/id-number.ts';
import { addYears, type IsoDate } from '../deadlines/period.ts';

/**
 * 张三 → 张*, 欧阳小明 → 欧***: the surname's first character stays so a list is still readable.
 * 未成年人保护法 第一百零三条 and 人民检察院刑事诉讼规则 第四百八十一条 forbid disclosing a minor's name.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
}

/** Replaces every occurrence of the names (longest first, so 张小明 is masked before 张小) in a text. */
export function maskNamesIn(text: string, names: readonly string[]): string {
  const distinct = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
  distinct.sort((a, b) => b.length - a.length);
  let out = text;
  for (const name of distinct) out = out.split(name).join(maskName(name));
  return out;
}

/** Whether the holder of an 18-character id number is under 18 on a day (YYYY-MM-DD). */
export function isMinorOn(idNumber: string | null | undefined, on: IsoDate): boolean {
  if (typeof idNumber !== 'string' || idNumber.length !== 18) return false;
  const birth = idBirthDate(idNumber);
  // The 18th birthday is the first day of adulthood.
  return addYears(birth, 18) > on;
}
