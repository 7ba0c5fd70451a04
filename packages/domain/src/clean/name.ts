import { type CleanResult, cleaned, refused } from './result.ts';
import { removeSpaces, toHalfWidth } from './width.ts';

/** Middle-dot look-alikes used in minority and foreign names (阿卜杜·热合曼); all become U+00B7. */
const dots = /[•・‧∙⋅●．.\u30fb\u2022\u2027\u2219\u22c5\uff65]/g;

/** Trims a name, removes inner spaces (ASCII and full-width) and normalises the middle dot. */
export function cleanName(raw: unknown): CleanResult<string> {
  if (raw === null || raw === undefined) return refused('姓名为空');
  const text = removeSpaces(toHalfWidth(String(raw))).replace(dots, '·');
  if (text === '') return refused('姓名为空');
  return cleaned(text);
}
