import { cleanIdNumber } from '@procura/domain/clean/id-number';
import type { CleanResult } from '@procura/domain/clean/result';
import { removeSpaces, toHalfWidth } from '@procura/domain/clean/width';

/** An ID number through the shared cleaner; a wrong check character is refused too. */
export function cleanApplicantId(raw: string): CleanResult<string> {
  const id = cleanIdNumber(raw || null);
  if (!id.ok) return id;
  if (id.problem) return { ok: false, reason: id.problem };
  return { ok: true, value: id.value };
}

/** A phone number: digits with an optional +, - or parentheses (full-width allowed); blank is none. */
export function cleanPhone(raw: string | undefined): CleanResult<string | null> {
  const text = removeSpaces(toHalfWidth(raw ?? ''));
  if (text === '') return { ok: true, value: null };
  if (!/^\+?[0-9()-]{5,20}$/.test(text)) return { ok: false, reason: `联系电话“${raw}”不是电话号码` };
  return { ok: true, value: text };
}
